// ANAF's two kinds of limits. The gateway rejects calls beyond N per minute
// with HTTP 429 before they reach the service. The services themselves
// count calls per message or per CIF and day, and reject the excess with
// their usual HTTP 200 error envelope.
import { bucharestDay, MINUTE_MS } from './time.ts';

/**
 * At most `limit` calls in any sliding 60-second window, counted at arrival.
 * Refused calls are not counted, so a client that backs off gets through
 * again as soon as the oldest accepted call leaves the window.
 */
export class SlidingWindowLimiter {
  limit: number;
  private readonly windowMs: number;
  private arrivals: number[] = [];

  constructor(limit: number, windowMs = MINUTE_MS) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Records an arrival if the window has room; false when it is full. */
  tryAcquire(nowMs: number): boolean {
    const windowStart = nowMs - this.windowMs;
    let expired = 0;
    while (
      expired < this.arrivals.length &&
      (this.arrivals[expired] ?? 0) <= windowStart
    ) {
      expired += 1;
    }
    if (expired > 0) this.arrivals = this.arrivals.slice(expired);

    if (this.arrivals.length >= this.limit) return false;
    this.arrivals.push(nowMs);
    return true;
  }

  inWindow(): number {
    return this.arrivals.length;
  }
}

/** Per-day counters keyed by limit name and subject (an id or a CIF). */
export class DailyCounters {
  private counts = new Map<string, number>();

  constructor(saved: Record<string, number> = {}) {
    for (const [key, value] of Object.entries(saved)) {
      this.counts.set(key, value);
    }
  }

  /**
   * Counts one call against today's limit (Romania's calendar day). Returns
   * false, without counting, once `limit` calls have been made today.
   */
  tryCount(name: string, subject: string, limit: number, now: Date): boolean {
    const day = bucharestDay(now);
    this.prune(day);
    const key = `${day}|${name}|${subject}`;
    const used = this.counts.get(key) ?? 0;
    if (used >= limit) return false;
    this.counts.set(key, used + 1);
    return true;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  private prune(today: string): void {
    for (const key of this.counts.keys()) {
      if (!key.startsWith(`${today}|`)) this.counts.delete(key);
    }
  }
}
