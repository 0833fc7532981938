/**
 * The job a caller submits to the request queue, and the context the queue
 * passes to the job while it runs.
 */
import type { QueueEndpoint } from './endpoints.ts';
import type { Lane } from './lanes.ts';

export interface JobContext {
  /** Number of this attempt, from 1. */
  attempt: number;
  /**
   * Waits for room in the rate window and counts one more call against it
   * (not against a daily budget). A job that sends a second request within
   * one attempt, such as the retry after a token refresh on 401, calls this
   * before that request, so the window still holds.
   */
  reserveCall(): Promise<void>;
}

export interface QueueJob<T> {
  endpoint: QueueEndpoint;
  lane: Lane;
  /** The company the call is for; also the fairness group within a lane. */
  cif?: string;
  /** Download id (`download`) or upload index (status checks). */
  messageKey?: string;
  /**
   * True when sending the call twice has the effect of sending it once
   * (GETs). Only idempotent calls are retried after a timeout, a reset or
   * a 5xx.
   */
  idempotent: boolean;
  /**
   * Retry a non-idempotent call after a 429, which the gateway returns
   * before ANAF processes the call (so an upload refused with 429 was not
   * recorded).
   */
  retryOn429EvenIfNotIdempotent?: boolean;
  /**
   * Jobs with the same key that are waiting or running at the same time
   * share one request and its result. Only for idempotent reads; every
   * caller with the key must expect the same result type.
   */
  dedupeKey?: string;
  /**
   * Handling of a spent daily budget. `fail` (the default) rejects at once
   * with `anaf.dailyLimit`, and `wait` keeps the job until the budget resets
   * at Romania midnight.
   */
  whenBudgetSpent?: 'fail' | 'wait';
  /** Cancels this caller's interest; a shared request stops when all did. */
  signal?: AbortSignal;
  /** Sends the request. Must stop when `signal` aborts. */
  run: (signal: AbortSignal, context: JobContext) => Promise<T>;
}
