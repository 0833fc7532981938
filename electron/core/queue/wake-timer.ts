/**
 * The queue's one pending wake-up. When the rate window is full, the queue
 * sleeps until it has room again. A request for an earlier time replaces
 * the wake-up. A request for a later time leaves it, because the queue
 * looks again when it wakes anyway.
 */
import type { Clock } from './clock.ts';

export class WakeTimer {
  readonly #clock: Clock;
  readonly #onWake: () => void;
  #pending: { at: number; controller: AbortController } | undefined;

  constructor(clock: Clock, onWake: () => void) {
    this.#clock = clock;
    this.#onWake = onWake;
  }

  /** Makes sure that `onWake` runs at `at` (epoch ms) or earlier. */
  arm(at: number, now: number): void {
    if (this.#pending && this.#pending.at <= at) return;

    this.cancel();
    const controller = new AbortController();
    this.#pending = { at, controller };
    this.#clock.sleep(at - now, controller.signal).then(
      () => {
        if (this.#pending?.controller === controller) this.#pending = undefined;
        this.#onWake();
      },
      // A cancelled wake-up rejects, and nothing waits for it.
      () => {},
    );
  }

  cancel(): void {
    this.#pending?.controller.abort();
    this.#pending = undefined;
  }
}
