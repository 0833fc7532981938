/**
 * Helpers for driving a RequestQueue on a manual clock: fake jobs that
 * record their starts, and outcome capture that never leaves a rejection
 * unhandled.
 */
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { ManualClock } from '../../../electron/core/queue/manual-clock.ts';
import type { QueueJob } from '../../../electron/core/queue/job.ts';
import type { RequestQueueOptions } from '../../../electron/core/queue/request-queue.ts';
import { RequestQueue } from '../../../electron/core/queue/request-queue.ts';

export type Outcome<T> =
  | { status: 'pending' }
  | { status: 'fulfilled'; value: T }
  | { status: 'rejected'; reason: unknown };

/** Follows a promise; read `.current` after the clock has moved. */
export function capture<T>(promise: Promise<T>): { current: Outcome<T> } {
  const box: { current: Outcome<T> } = { current: { status: 'pending' } };
  promise.then(
    (value) => {
      box.current = { status: 'fulfilled', value };
    },
    (reason: unknown) => {
      box.current = { status: 'rejected', reason };
    },
  );
  return box;
}

export function createQueue(options: Partial<RequestQueueOptions> = {}): {
  queue: RequestQueue;
  clock: ManualClock;
  lines: string[];
} {
  const clock =
    options.clock instanceof ManualClock ? options.clock : new ManualClock();
  const { logger, lines } = createMemoryLogger();
  const queue = new RequestQueue({
    logger,
    clock,
    random: () => 0.5,
    ...options,
  });
  return { queue, clock, lines };
}

export interface FakeJobOptions<T> {
  name?: string;
  durationMs?: number;
  value?: T;
  /** Errors thrown by the first attempts, in order; later attempts succeed. */
  failures?: unknown[];
}

export interface StartLog {
  name: string;
  at: number;
}

/** Builds a job whose `run` logs its start, sleeps on the clock and returns. */
export function fakeJob<T = string>(
  clock: ManualClock,
  log: StartLog[],
  spec: Omit<QueueJob<T>, 'run'>,
  options: FakeJobOptions<T> = {},
): QueueJob<T> {
  const failures = [...(options.failures ?? [])];
  const name = options.name ?? spec.endpoint;
  return {
    ...spec,
    run: async (signal) => {
      log.push({ name, at: clock.now() });
      await clock.sleep(options.durationMs ?? 0, signal);
      if (failures.length > 0) throw failures.shift();
      return (options.value ?? name) as T;
    },
  };
}
