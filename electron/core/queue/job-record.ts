/**
 * The queue's own record of a submitted job, and helpers that turn it into
 * event payloads and log fields.
 */
import { AppFailure } from '../../../shared/result.ts';
import type { BudgetSlot } from './budgets.ts';
import type { JobSnapshot, JobState } from './events.ts';
import type { QueueJob } from './job.ts';
import type { Lane } from './lanes.ts';

/** A caller waiting for a job's result; shared reads have several. */
export interface Subscriber {
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
  /** Removes the listener on the caller's abort signal. */
  detach: () => void;
}

export interface JobRecord {
  id: number;
  /** Submission order, for first-in first-out within a group. */
  seq: number;
  lane: Lane;
  /** Fairness group within the lane: the CIF, or '' without one. */
  group: string;
  spec: QueueJob<unknown>;
  slot: BudgetSlot | null;
  countsTowardRateLimit: boolean;
  state: JobState;
  attempt: number;
  resumesAt: number | undefined;
  error: { code: string; message: string } | undefined;
  subscribers: Set<Subscriber>;
  /** Aborts when the queue closes or every caller cancelled. */
  controller: AbortController;
}

export type Outcome =
  { ok: true; value: unknown } | { ok: false; error: unknown };

/** Returns the plain-data view of a job for the `job` event. */
export function snapshot(record: JobRecord): JobSnapshot {
  const result: JobSnapshot = {
    id: record.id,
    endpoint: record.spec.endpoint,
    lane: record.lane,
    state: record.state,
    attempt: record.attempt,
  };
  if (record.spec.cif !== undefined) result.cif = record.spec.cif;
  if (record.spec.messageKey !== undefined)
    result.messageKey = record.spec.messageKey;
  if (record.resumesAt !== undefined) result.resumesAt = record.resumesAt;
  if (record.error !== undefined) result.error = record.error;
  return result;
}

/** Returns the ids of a job for a log line. */
export function jobFields(record: JobRecord): Record<string, unknown> {
  return {
    job: record.id,
    endpoint: record.spec.endpoint,
    cif: record.spec.cif,
    messageKey: record.spec.messageKey,
    attempt: record.attempt,
  };
}

export function errorSummary(error: unknown): {
  code: string;
  message: string;
} {
  if (error instanceof AppFailure)
    return { code: error.code, message: error.message };
  if (error instanceof Error)
    return { code: error.name, message: error.message };
  return { code: 'internal', message: String(error) };
}

/** Creates the rejection of a job that never started before close. */
export function notSentError(): DOMException {
  return new DOMException(
    'The request queue closed before the request was sent.',
    'AbortError',
  );
}

/** Creates the abort reason of a request in flight at close. */
export function cancelledError(): DOMException {
  return new DOMException(
    'The request queue closed and cancelled the request in flight.',
    'AbortError',
  );
}
