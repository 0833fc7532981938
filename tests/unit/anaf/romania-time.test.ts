import { describe, expect, it } from 'vitest';
import {
  parseCompactTime,
  parseDottedTime,
  romaniaCalendarDaysBefore,
  toRomaniaLocal,
} from '../../../electron/core/anaf/romania-time.ts';

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
