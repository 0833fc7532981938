/**
 * The queue's state as a stream of events, for the IPC layer to forward to
 * the renderer. Payloads are plain data (no functions, no errors), so they
 * survive structured cloning and JSON.
 */
import type { BudgetStatus } from './budgets.ts';
import type { QueueEndpoint } from './endpoints.ts';
import type { Lane } from './lanes.ts';

export const JOB_STATES = [
  'pending',
  'running',
  'waitingForBudget',
  'retrying',
  'done',
  'failed',
] as const;

export type JobState = (typeof JOB_STATES)[number];

export interface JobSnapshot {
  id: number;
  endpoint: QueueEndpoint;
  lane: Lane;
  cif?: string;
  messageKey?: string;
  state: JobState;
  /** Attempts started so far. */
  attempt: number;
  /** For `retrying` and `waitingForBudget`: when the job runs again, epoch ms. */
  resumesAt?: number;
  /** For `failed`, and for `retrying` (the failure being retried). */
  error?: { code: string; message: string };
}

export interface QueueTotals {
  /** Jobs in each state now; `done` and `failed` count since the start. */
  jobs: Record<JobState, number>;
  paused: boolean;
  /** Configured calls per minute. */
  rateLimit: number;
  /** Calls per minute allowed now, lower than `rateLimit` after a 429. */
  effectiveRateLimit: number;
  /** Calls started within the counted window that ends now. */
  callsInWindow: number;
}

export interface QueueEventMap {
  /** A job changed state. */
  job: JobSnapshot;
  /** Totals after any change. */
  totals: QueueTotals;
  /** A daily counter changed: what is left of it today. */
  budget: BudgetStatus;
}

export type QueueEventName = keyof QueueEventMap;
export type QueueListener<K extends QueueEventName> = (
  payload: QueueEventMap[K],
) => void;

/** A typed event emitter; a listener that throws does not stop the others. */
export class QueueEvents {
  #listeners: { [K in QueueEventName]: Set<QueueListener<K>> } = {
    job: new Set(),
    totals: new Set(),
    budget: new Set(),
  };
  #onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void) {
    this.#onListenerError = onListenerError;
  }

  /** Adds a listener and returns the function that removes it. */
  on<K extends QueueEventName>(
    name: K,
    listener: QueueListener<K>,
  ): () => void {
    const listeners = this.#listeners[name] as Set<QueueListener<K>>;
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  emit<K extends QueueEventName>(name: K, payload: QueueEventMap[K]): void {
    const listeners = this.#listeners[name] as Set<QueueListener<K>>;
    for (const listener of listeners) {
      try {
        listener(payload);
      } catch (error) {
        this.#onListenerError(error);
      }
    }
  }
}
