// The pure parts of the sandbox's limits, without a server.
import { describe, expect, it } from 'vitest';
import {
  DailyCounters,
  SlidingWindowLimiter,
} from '../../../electron/sandbox/limits.ts';
import {
  bucharestDay,
  formatCompactMinutes,
  formatDayFirst,
} from '../../../electron/sandbox/time.ts';

describe('SlidingWindowLimiter', () => {
  it('admits N calls in any 60 seconds', () => {
    const limiter = new SlidingWindowLimiter(3);
    expect(limiter.tryAcquire(0)).toBe(true);
    expect(limiter.tryAcquire(10_000)).toBe(true);
    expect(limiter.tryAcquire(20_000)).toBe(true);
    expect(limiter.tryAcquire(59_999)).toBe(false);
    // The first call leaves the window 60 s after it arrived.
    expect(limiter.tryAcquire(60_000)).toBe(true);
    expect(limiter.tryAcquire(60_001)).toBe(false);
    expect(limiter.tryAcquire(70_000)).toBe(true);
  });

  it('does not count refused calls', () => {
    const limiter = new SlidingWindowLimiter(1);
    expect(limiter.tryAcquire(0)).toBe(true);
    for (let at = 1000; at < 60_000; at += 1000)
      expect(limiter.tryAcquire(at)).toBe(false);
    expect(limiter.tryAcquire(60_000)).toBe(true);
  });
});

describe('DailyCounters', () => {
  it('counts per name and subject', () => {
    const counters = new DailyCounters();
    const now = new Date('2026-03-10T10:00:00Z');
    expect(counters.tryCount('descarcare', '1', 1, now)).toBe(true);
    expect(counters.tryCount('descarcare', '1', 1, now)).toBe(false);
    expect(counters.tryCount('descarcare', '2', 1, now)).toBe(true);
    expect(counters.tryCount('stareMesaj', '1', 1, now)).toBe(true);
  });

  it('resets on the next Romanian day', () => {
    const counters = new DailyCounters();
    expect(
      counters.tryCount('x', '1', 1, new Date('2026-07-01T20:59:59Z')),
    ).toBe(true);
    expect(
      counters.tryCount('x', '1', 1, new Date('2026-07-01T20:59:59Z')),
    ).toBe(false);
    // 21:00 UTC is midnight in Bucharest in summer (UTC+3).
    expect(
      counters.tryCount('x', '1', 1, new Date('2026-07-01T21:00:00Z')),
    ).toBe(true);
  });
});

describe('Bucharest time', () => {
  const at = new Date('2026-01-31T22:30:05Z');

  it("formats in Romania's zone", () => {
    expect(formatCompactMinutes(at)).toBe('202602010030');
    expect(formatDayFirst(at)).toBe('01-02-2026 00:30:05');
    expect(bucharestDay(at)).toBe('2026-02-01');
  });
});
