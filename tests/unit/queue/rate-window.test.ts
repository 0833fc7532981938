import { describe, expect, it } from 'vitest';
import type {
  RateWindowConfig,
  RateWindowState,
} from '../../../electron/core/queue/rate-window.ts';
import {
  EMPTY_RATE_WINDOW,
  earliestStart,
  effectiveLimit,
  recordRateLimited,
  recordStart,
  slowdownShare,
  startsInWindow,
  validateRateLimit,
} from '../../../electron/core/queue/rate-window.ts';

const config: RateWindowConfig = {
  limit: 3,
  windowMs: 60_000,
  marginMs: 1_000,
  recoveryMs: 120_000,
  minShare: 0.1,
};

function withStarts(...starts: number[]): RateWindowState {
  return { starts, slowdown: null };
}

describe('validateRateLimit', () => {
  it.each([1, 100, 1000])('accepts %d', (limit) => {
    expect(validateRateLimit(limit)).toBe(limit);
  });

  it.each([0, -1, 1001, 1.5, Number.NaN])('rejects %d', (limit) => {
    expect(() => validateRateLimit(limit)).toThrow(RangeError);
  });
});

describe('earliestStart', () => {
  it.each([
    { name: 'empty window', starts: [], now: 0, expected: 0 },
    { name: 'room left', starts: [0, 10], now: 20, expected: 20 },
    { name: 'full window', starts: [0, 10, 20], now: 30, expected: 61_000 },
    {
      name: 'oldest start left',
      starts: [0, 10, 20],
      now: 61_000,
      expected: 61_000,
    },
    {
      name: 'more starts than limit',
      starts: [0, 10, 20, 30],
      now: 40,
      expected: 61_010,
    },
    {
      name: 'starts outside window',
      starts: [-70_000, 0, 10],
      now: 20,
      expected: 20,
    },
  ])('$name', ({ starts, now, expected }) => {
    expect(earliestStart(withStarts(...starts), config, now)).toBe(expected);
  });

  it('waits longer after a 429', () => {
    const state = recordRateLimited(withStarts(0, 10), config, 20);
    // The limit drops from 3 to 1, so both starts must leave the window.
    expect(earliestStart(state, config, 20)).toBe(61_010);
  });
});

describe('recordStart', () => {
  it('appends the start', () => {
    const state = recordStart(withStarts(0), config, 5);
    expect(state.starts).toEqual([0, 5]);
  });

  it('drops starts outside the window', () => {
    const state = recordStart(withStarts(0, 5), config, 61_000);
    expect(state.starts).toEqual([5, 61_000]);
  });

  it('leaves the input unchanged', () => {
    const before = withStarts(0);
    recordStart(before, config, 5);
    expect(before.starts).toEqual([0]);
  });
});

describe('startsInWindow', () => {
  it('counts starts of the widened window', () => {
    expect(startsInWindow(withStarts(0, 500, 1_000), config, 61_000)).toBe(2);
  });
});

describe('slowdown after 429', () => {
  const slowed = recordRateLimited(EMPTY_RATE_WINDOW, config, 0);

  it.each([
    { at: 0, share: 0.5 },
    { at: 60_000, share: 0.75 },
    { at: 120_000, share: 1 },
    { at: 500_000, share: 1 },
  ])('share at $at ms is $share', ({ at, share }) => {
    expect(slowdownShare(slowed.slowdown, config, at)).toBeCloseTo(share);
  });

  it('halves again on a second 429', () => {
    const twice = recordRateLimited(slowed, config, 0);
    expect(twice.slowdown?.share).toBe(0.25);
  });

  it('stops at the floor share', () => {
    let state = slowed;
    for (let i = 0; i < 10; i += 1) state = recordRateLimited(state, config, 0);
    expect(state.slowdown?.share).toBe(0.1);
  });

  it('keeps the effective limit at least 1', () => {
    expect(effectiveLimit(slowed, config, 0)).toBe(1);
  });

  it('scales the effective limit', () => {
    const large = { ...config, limit: 100 };
    expect(effectiveLimit(slowed, large, 60_000)).toBe(75);
  });
});
