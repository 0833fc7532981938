/**
 * A clock that moves only when a test advances it. Timers fire in time
 * order, and after each one the pending promise callbacks run, so code that
 * sleeps, wakes and sleeps again behaves as it would on the system clock.
 */
import type { Clock } from './clock.ts';

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

export class ManualClock implements Clock {
  #now: number;
  #seq = 0;
  #timers: Timer[] = [];

  constructor(startMs = Date.UTC(2026, 0, 15, 9, 0, 0)) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);

    return new Promise((resolve, reject) => {
      const timer: Timer = {
        at: this.#now + Math.max(0, ms),
        seq: this.#seq++,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.#timers = this.#timers.filter((t) => t !== timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#timers.push(timer);
    });
  }

  /** Number of sleeps that have neither fired nor been aborted. */
  pendingTimers(): number {
    return this.#timers.length;
  }

  /** Time of the earliest pending sleep, if any. */
  nextTimerAt(): number | undefined {
    return this.#earliest()?.at;
  }

  /** Moves the time forward by `ms`, firing every sleep that falls due. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.#now + ms);
  }

  /** Moves the time forward to `targetMs`, firing sleeps in time order. */
  async advanceTo(targetMs: number): Promise<void> {
    await flushCallbacks();
    for (;;) {
      const next = this.#earliest();
      if (!next || next.at > targetMs) break;
      this.#timers = this.#timers.filter((t) => t !== next);
      this.#now = Math.max(this.#now, next.at);
      next.fire();
      await flushCallbacks();
    }
    this.#now = Math.max(this.#now, targetMs);
    await flushCallbacks();
  }

  /**
   * Fires sleeps one after another until none is left, and returns the time
   * reached. Throws when more than `maxMs` would pass, which in a test means
   * that something sleeps forever.
   */
  async runUntilIdle(maxMs = 7 * 24 * 3_600_000): Promise<number> {
    const limit = this.#now + maxMs;
    await flushCallbacks();
    for (;;) {
      const next = this.#earliest();
      if (!next) return this.#now;
      if (next.at > limit) {
        throw new Error(`ManualClock: still busy after ${maxMs} ms`);
      }
      await this.advanceTo(next.at);
    }
  }

  #earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.#timers) {
      if (
        !best ||
        timer.at < best.at ||
        (timer.at === best.at && timer.seq < best.seq)
      ) {
        best = timer;
      }
    }
    return best;
  }
}

/** Lets every queued promise callback run: they all run before setImmediate. */
function flushCallbacks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
