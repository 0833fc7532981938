import { describe, expect, it } from 'vitest';
import {
  formatRomaniaTime,
  nextRomaniaMidnight,
  parseCompactTime,
  parseDottedTime,
  romaniaCalendarDaysBefore,
  romaniaDayKey,
  romaniaOffsetMs,
  toRomaniaLocal,
} from '../../../electron/core/time/romania-time.ts';

describe('parseCompactTime', () => {
  it.each([
    ['winter time', '202501151032', '2025-01-15T08:32:00.000Z'],
    ['summer time', '202507301515', '2025-07-30T12:15:00.000Z'],
    ['seconds form', '20250115103045', '2025-01-15T08:30:45.000Z'],
    [
      'last minute before spring change',
      '202503300259',
      '2025-03-30T00:59:00.000Z',
    ],
    [
      'first minute after spring change',
      '202503300400',
      '2025-03-30T01:00:00.000Z',
    ],
    ['skipped hour moves forward', '202503300330', '2025-03-30T01:30:00.000Z'],
    [
      'repeated hour takes the earlier',
      '202510260330',
      '2025-10-26T00:30:00.000Z',
    ],
    [
      'hour after the autumn change',
      '202510260400',
      '2025-10-26T02:00:00.000Z',
    ],
    ['new year in Romania', '202601010000', '2025-12-31T22:00:00.000Z'],
  ])('reads %s', (_case, text, iso) => {
    expect(parseCompactTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['an impossible day', '202502300000'],
    ['hour 24', '202501152400'],
    ['minute 60', '202501151060'],
    ['ten digits', '2025011510'],
    ['thirteen digits', '2025011510301'],
    ['letters', '2025O1151030'],
    ['an empty string', ''],
  ])('rejects %s', (_case, text) => {
    expect(parseCompactTime(text)).toBeNull();
  });
});

describe('parseDottedTime', () => {
  it('reads the time ANAF quotes', () => {
    expect(parseDottedTime('30-07-2026 15:15:27')?.toISOString()).toBe(
      '2026-07-30T12:15:27.000Z',
    );
  });

  it('reads a winter time', () => {
    expect(parseDottedTime('15-01-2025 10:30:00')?.toISOString()).toBe(
      '2025-01-15T08:30:00.000Z',
    );
  });

  it('rejects the ISO form', () => {
    expect(parseDottedTime('2026-07-30 15:15:27')).toBeNull();
  });
});

describe('toRomaniaLocal', () => {
  it('shows summer wall time', () => {
    expect(toRomaniaLocal(new Date('2025-07-30T12:15:27Z'))).toEqual({
      year: 2025,
      month: 7,
      day: 30,
      hour: 15,
      minute: 15,
      second: 27,
    });
  });
});

describe('romaniaCalendarDaysBefore', () => {
  it('keeps wall time across spring change', () => {
    const now = new Date('2025-05-01T09:00:00Z');
    const earlier = romaniaCalendarDaysBefore(now, 60);
    expect(earlier.toISOString()).toBe('2025-03-02T10:00:00.000Z');
  });

  it('keeps wall time across autumn change', () => {
    const now = new Date('2025-12-01T10:00:00Z');
    const earlier = romaniaCalendarDaysBefore(now, 60);
    expect(earlier.toISOString()).toBe('2025-10-02T09:00:00.000Z');
  });

  it('equals 24-hour days without a change', () => {
    const now = new Date('2025-01-31T10:00:00Z');
    const earlier = romaniaCalendarDaysBefore(now, 10);
    expect(earlier.toISOString()).toBe('2025-01-21T10:00:00.000Z');
  });
});

const utc = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;

// In 2026 Romania moves to summer time on 29 March (03:00 -> 04:00) and
// back on 25 October (04:00 -> 03:00).
describe('nextRomaniaMidnight', () => {
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
    expect(new Date(nextRomaniaMidnight(utc(at))).toISOString()).toBe(
      new Date(utc(midnight)).toISOString(),
    );
  });

  it('spring change day lasts 23 hours', () => {
    const start = nextRomaniaMidnight(utc('2026-03-28T12:00:00Z'));
    expect(nextRomaniaMidnight(start) - start).toBe(23 * HOUR);
  });

  it('autumn change day lasts 25 hours', () => {
    const start = nextRomaniaMidnight(utc('2026-10-24T12:00:00Z'));
    expect(nextRomaniaMidnight(start) - start).toBe(25 * HOUR);
  });
});

describe('romaniaDayKey', () => {
  it.each([
    { at: '2026-01-15T21:59:59.999Z', day: '2026-01-15' },
    { at: '2026-01-15T22:00:00Z', day: '2026-01-16' },
    { at: '2026-07-01T20:59:59Z', day: '2026-07-01' },
    { at: '2026-07-01T21:00:00Z', day: '2026-07-02' },
    { at: '2026-03-29T00:59:59Z', day: '2026-03-29' },
    { at: '2026-12-31T22:00:00Z', day: '2027-01-01' },
  ])('$at is $day', ({ at, day }) => {
    expect(romaniaDayKey(utc(at))).toBe(day);
  });
});

describe('romaniaOffsetMs', () => {
  it.each([
    { at: '2026-03-29T00:59:59Z', hours: 2 },
    { at: '2026-03-29T01:00:00Z', hours: 3 },
    { at: '2026-10-25T00:59:59Z', hours: 3 },
    { at: '2026-10-25T01:00:00Z', hours: 2 },
  ])('$at is UTC+$hours', ({ at, hours }) => {
    expect(romaniaOffsetMs(utc(at))).toBe(hours * HOUR);
  });

  it('ignores milliseconds', () => {
    expect(romaniaOffsetMs(utc('2026-01-15T10:00:00.750Z'))).toBe(2 * HOUR);
  });
});

describe('formatRomaniaTime', () => {
  it('formats local midnight', () => {
    expect(formatRomaniaTime(utc('2026-03-29T21:00:00Z'))).toBe(
      '2026-03-30 00:00',
    );
  });

  it('formats a winter afternoon', () => {
    expect(formatRomaniaTime(utc('2026-01-15T13:05:00Z'))).toBe(
      '2026-01-15 15:05',
    );
  });
});
