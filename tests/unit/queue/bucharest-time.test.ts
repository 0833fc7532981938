import { describe, expect, it } from 'vitest';
import {
  bucharestDayKey,
  bucharestOffsetMs,
  formatBucharestTime,
  nextBucharestMidnight,
} from '../../../electron/core/queue/bucharest-time.ts';

const utc = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;

// In 2026 Romania moves to summer time on 29 March (03:00 -> 04:00) and
// back on 25 October (04:00 -> 03:00).
describe('nextBucharestMidnight', () => {
  it.each([
    {
      name: 'winter day',
      at: '2026-01-15T10:00:00Z',
      midnight: '2026-01-15T22:00:00Z',
    },
    {
      name: 'summer day',
      at: '2026-07-01T12:00:00Z',
      midnight: '2026-07-01T21:00:00Z',
    },
    {
      name: 'eve of spring change',
      at: '2026-03-28T12:00:00Z',
      midnight: '2026-03-28T22:00:00Z',
    },
    {
      name: 'spring change day',
      at: '2026-03-29T10:00:00Z',
      midnight: '2026-03-29T21:00:00Z',
    },
    {
      name: 'eve of autumn change',
      at: '2026-10-24T12:00:00Z',
      midnight: '2026-10-24T21:00:00Z',
    },
    {
      name: 'autumn change day',
      at: '2026-10-25T10:00:00Z',
      midnight: '2026-10-25T22:00:00Z',
    },
    {
      name: 'last ms of day',
      at: '2026-01-15T21:59:59.999Z',
      midnight: '2026-01-15T22:00:00Z',
    },
    {
      name: 'exactly midnight',
      at: '2026-01-15T22:00:00Z',
      midnight: '2026-01-16T22:00:00Z',
    },
    {
      name: 'new year',
      at: '2026-12-31T22:30:00Z',
      midnight: '2027-01-01T22:00:00Z',
    },
    {
      name: 'leap day',
      at: '2028-02-28T23:00:00Z',
      midnight: '2028-02-29T22:00:00Z',
    },
  ])('$name', ({ at, midnight }) => {
    expect(new Date(nextBucharestMidnight(utc(at))).toISOString()).toBe(
      new Date(utc(midnight)).toISOString(),
    );
  });

  it('spring change day lasts 23 hours', () => {
    const start = nextBucharestMidnight(utc('2026-03-28T12:00:00Z'));
    expect(nextBucharestMidnight(start) - start).toBe(23 * HOUR);
  });

  it('autumn change day lasts 25 hours', () => {
    const start = nextBucharestMidnight(utc('2026-10-24T12:00:00Z'));
    expect(nextBucharestMidnight(start) - start).toBe(25 * HOUR);
  });
});

describe('bucharestDayKey', () => {
  it.each([
    { at: '2026-01-15T21:59:59.999Z', day: '2026-01-15' },
    { at: '2026-01-15T22:00:00Z', day: '2026-01-16' },
    { at: '2026-07-01T20:59:59Z', day: '2026-07-01' },
    { at: '2026-07-01T21:00:00Z', day: '2026-07-02' },
    { at: '2026-03-29T00:59:59Z', day: '2026-03-29' },
    { at: '2026-12-31T22:00:00Z', day: '2027-01-01' },
  ])('$at is $day', ({ at, day }) => {
    expect(bucharestDayKey(utc(at))).toBe(day);
  });
});

describe('bucharestOffsetMs', () => {
  it.each([
    { at: '2026-03-29T00:59:59Z', hours: 2 },
    { at: '2026-03-29T01:00:00Z', hours: 3 },
    { at: '2026-10-25T00:59:59Z', hours: 3 },
    { at: '2026-10-25T01:00:00Z', hours: 2 },
  ])('$at is UTC+$hours', ({ at, hours }) => {
    expect(bucharestOffsetMs(utc(at))).toBe(hours * HOUR);
  });

  it('ignores milliseconds', () => {
    expect(bucharestOffsetMs(utc('2026-01-15T10:00:00.750Z'))).toBe(2 * HOUR);
  });
});

describe('formatBucharestTime', () => {
  it('formats local midnight', () => {
    expect(formatBucharestTime(utc('2026-03-29T21:00:00Z'))).toBe(
      '2026-03-30 00:00',
    );
  });

  it('formats a winter afternoon', () => {
    expect(formatBucharestTime(utc('2026-01-15T13:05:00Z'))).toBe(
      '2026-01-15 15:05',
    );
  });
});
