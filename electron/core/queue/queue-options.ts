/** The request queue's start-up options, with their defaults and checks. */
import type { Logger } from '../log/logger.ts';
import type { BudgetStore } from './budget-store.ts';
import type { Clock } from './clock.ts';
import type { RateWindowConfig } from './rate-window.ts';
import {
  DEFAULT_RATE_LIMIT,
  DEFAULT_RATE_WINDOW,
  validateRateLimit,
} from './rate-window.ts';
import type { RetryPolicy } from './retry.ts';

export interface RequestQueueOptions {
  logger: Logger;
  clock?: Clock;
  /** Daily counters; in memory unless the app passes its SQLite store. */
  budgetStore?: BudgetStore;
  /** Calls per minute, 1..1000 (default 100). */
  rateLimit?: number;
  /** Added to the 60-second window for network delay (default 1000 ms). */
  windowMarginMs?: number;
  /**
   * Length of the server's rate window (default 60 s, as at ANAF). Tests
   * shorten it to fill and drain windows in seconds.
   */
  windowMs?: number;
  /** Time for the rate to recover fully after a 429 (default 2 minutes). */
  recoveryMs?: number;
  /** Requests in flight at once (default 8). */
  maxConcurrent?: number;
  retry?: Partial<RetryPolicy>;
  /** Uniform random numbers in [0, 1) for the retry jitter. */
  random?: () => number;
}

export const DEFAULT_MAX_CONCURRENT = 8;

/** Returns the rate window settings; throws a RangeError on invalid ones. */
export function rateWindowConfig(
  options: RequestQueueOptions,
): RateWindowConfig {
  const config: RateWindowConfig = {
    limit: validateRateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT),
    windowMs: options.windowMs ?? DEFAULT_RATE_WINDOW.windowMs,
    marginMs: options.windowMarginMs ?? DEFAULT_RATE_WINDOW.marginMs,
    recoveryMs: options.recoveryMs ?? DEFAULT_RATE_WINDOW.recoveryMs,
    minShare: DEFAULT_RATE_WINDOW.minShare,
  };
  if (!(config.windowMs > 0) || !(config.marginMs >= 0)) {
    throw new RangeError(
      `Invalid rate window of ${config.windowMs} ms with a margin of ${config.marginMs} ms: expected a positive window and a margin of 0 or more.`,
    );
  }
  return config;
}

/** Returns the concurrency cap; throws a RangeError unless it is 1 or more. */
export function maxConcurrent(options: RequestQueueOptions): number {
  const value = options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(
      `Invalid maxConcurrent ${options.maxConcurrent}: expected a whole number of at least 1.`,
    );
  }
  return value;
}
