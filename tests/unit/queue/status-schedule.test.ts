import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATUS_SCHEDULE_MS,
  nextStatusCheckDelay,
} from '../../../electron/core/queue/status-schedule.ts';

describe('nextStatusCheckDelay', () => {
  it.each([
    { checksDone: 0, delay: 2_000 },
    { checksDone: 1, delay: 5_000 },
    { checksDone: 2, delay: 10_000 },
    { checksDone: 3, delay: 30_000 },
    { checksDone: 4, delay: 60_000 },
    { checksDone: 6, delay: 300_000 },
    { checksDone: 9, delay: 1_800_000 },
    { checksDone: 500, delay: 1_800_000 },
    { checksDone: -3, delay: 2_000 },
  ])('after $checksDone checks waits $delay', ({ checksDone, delay }) => {
    expect(nextStatusCheckDelay(checksDone)).toBe(delay);
  });

  it('follows a custom schedule', () => {
    expect(nextStatusCheckDelay(1, [10, 20])).toBe(20);
  });

  it('rejects an empty schedule', () => {
    expect(() => nextStatusCheckDelay(0, [])).toThrow(RangeError);
  });

  it('never shrinks', () => {
    const delays = DEFAULT_STATUS_SCHEDULE_MS.map((_, i) =>
      nextStatusCheckDelay(i),
    );
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
  });

  it('stays under 100 checks a day', () => {
    let elapsed = 0;
    let checks = 0;
    while (elapsed + nextStatusCheckDelay(checks) <= 86_400_000) {
      elapsed += nextStatusCheckDelay(checks);
      checks += 1;
    }
    expect(checks).toBeLessThan(100);
  });
});
