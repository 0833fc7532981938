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
  callsInWindow,
  recordJobEnd,
  recordStart,
  slowdownShare,
  validateRateLimit,
} from '../../../electron/core/queue/rate-window.ts';

const config: RateWindowConfig = {
  limit: 3,
  windowMs: 60_000,
  marginMs: 1_000,
  recoveryMs: 120_000,
  minShare: 0.1,
};

/** Builds a window of ended calls, one job each, ending at the given times. */
function withEnded(...ends: number[]): RateWindowState {
  return {
    calls: ends.map((at, job) => ({ job, at, onTheWay: false })),
    slowdown: null,
  };
}

/** Adds calls still on the way, started at the given times. */
function onTheWay(
  state: RateWindowState,
  ...starts: number[]
): RateWindowState {
  const calls = starts.map((at, index) => ({
    job: 100 + index,
    at,
    onTheWay: true,
  }));
  return { ...state, calls: [...state.calls, ...calls] };
}

const times = (state: RateWindowState) => state.calls.map((call) => call.at);

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
    { name: 'empty window', ends: [], now: 0, expected: 0 },
    { name: 'room left', ends: [0, 10], now: 20, expected: 20 },
    { name: 'full window', ends: [0, 10, 20], now: 30, expected: 61_000 },
    {
      name: 'oldest call left',
      ends: [0, 10, 20],
      now: 61_000,
      expected: 61_000,
    },
    {
      name: 'more calls than limit',
      ends: [0, 10, 20, 30],
      now: 40,
      expected: 61_010,
    },
    {
      name: 'calls outside window',
      ends: [-70_000, 0, 10],
      now: 20,
      expected: 20,
    },
  ])('$name', ({ ends, now, expected }) => {
    expect(earliestStart(withEnded(...ends), config, now)).toBe(expected);
  });

  it('waits longer after a 429', () => {
    const state = recordRateLimited(withEnded(0, 10), config, 20);
    // The limit drops from 3 to 1, so both calls must leave the window.
    expect(earliestStart(state, config, 20)).toBe(61_010);
  });

  it('waits for an end when calls on the way fill it', () => {
    const state = onTheWay(EMPTY_RATE_WINDOW, 0, 10, 20);
    expect(earliestStart(state, config, 30)).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps an old call on the way in the window', () => {
    const state = onTheWay(withEnded(50, 60), -90_000);
    expect(earliestStart(state, config, 100)).toBe(61_050);
  });

  it('counts an ended call from its end', () => {
    const started = recordStart(EMPTY_RATE_WINDOW, config, 0, 7);
    const ended = recordJobEnd(started, 7, 5_000);
    const full = onTheWay(ended, 5_000, 5_000);
    expect(earliestStart(full, config, 60_500)).toBe(66_000);
  });
});

describe('recordStart', () => {
  it('appends the call on the way', () => {
    const state = recordStart(withEnded(0), config, 5, 9);
    expect(state.calls.at(-1)).toEqual({ job: 9, at: 5, onTheWay: true });
  });

  it('drops ended calls outside the window', () => {
    const state = recordStart(withEnded(0, 5), config, 61_000, 9);
    expect(times(state)).toEqual([5, 61_000]);
  });

  it('keeps calls on the way however old', () => {
    const state = recordStart(
      onTheWay(EMPTY_RATE_WINDOW, 0),
      config,
      90_000,
      9,
    );
    expect(times(state)).toEqual([0, 90_000]);
  });

  it('leaves the input unchanged', () => {
    const before = withEnded(0);
    recordStart(before, config, 5, 9);
    expect(times(before)).toEqual([0]);
  });
});

describe('recordJobEnd', () => {
  it('moves every call of the job to its end', () => {
    let state = recordStart(EMPTY_RATE_WINDOW, config, 0, 4);
    state = recordStart(state, config, 10, 4);
    state = recordJobEnd(state, 4, 900);
    expect(state.calls).toEqual([
      { job: 4, at: 900, onTheWay: false },
      { job: 4, at: 900, onTheWay: false },
    ]);
  });

  it('leaves other jobs on the way', () => {
    let state = recordStart(EMPTY_RATE_WINDOW, config, 0, 4);
    state = recordStart(state, config, 10, 5);
    state = recordJobEnd(state, 4, 900);
    expect(state.calls[1]).toEqual({ job: 5, at: 10, onTheWay: true });
  });

  it('keeps the end of an earlier attempt', () => {
    let state = recordStart(EMPTY_RATE_WINDOW, config, 0, 4);
    state = recordJobEnd(state, 4, 900);
    state = recordJobEnd(state, 4, 5_000);
    expect(times(state)).toEqual([900]);
  });
});

describe('callsInWindow', () => {
  it('counts calls of the widened window', () => {
    expect(callsInWindow(withEnded(0, 500, 1_000), config, 61_000)).toBe(2);
  });

  it('counts calls on the way', () => {
    const state = onTheWay(withEnded(0), -90_000);
    expect(callsInWindow(state, config, 61_000)).toBe(1);
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
