/**
 * The request queue's source of time. The queue reads the time and waits only
 * through this interface, so tests drive it with a manual clock and never
 * wait for real minutes to pass.
 */
import { setTimeout as delay } from 'node:timers/promises';

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds. Rejects with `signal.reason` when the
   * signal aborts first (at once when it has already aborted).
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    signal?.throwIfAborted();
    // An aborted timers/promises delay rejects with its own AbortError, so
    // the signal's reason is rethrown to keep one contract for both clocks.
    try {
      await delay(Math.max(0, ms), undefined, signal ? { signal } : undefined);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw error;
    }
  },
};
