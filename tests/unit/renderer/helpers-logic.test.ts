// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { validateAnafForm } from '../../../renderer/src/screens/login/anaf-form.ts';
import { checkCifInput } from '../../../renderer/src/lib/cif-input.ts';
import { hintName } from '../../../renderer/src/lib/error-hints.ts';
import { expiryOf } from '../../../renderer/src/lib/expiry.ts';
import { formatDate, formatDecimalText } from '../../../renderer/src/lib/format.ts';
import { ro } from '../../../renderer/src/i18n/ro.ts';
import { ERROR_CODES } from '../../../shared/result.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 0, 20);

describe('expiryOf', () => {
  test('ok beyond 14 days', () => {
    expect(expiryOf(new Date(NOW + 15 * DAY).toISOString(), NOW)).toEqual({ level: 'ok', daysLeft: 15 });
  });

  test('soon from 14 days before', () => {
    expect(expiryOf(new Date(NOW + 14 * DAY).toISOString(), NOW).level).toBe('soon');
  });

  test('expired at the end', () => {
    expect(expiryOf(new Date(NOW).toISOString(), NOW).level).toBe('expired');
  });

  test('unknown without a time', () => {
    expect(expiryOf(null, NOW)).toEqual({ level: 'unknown', daysLeft: null });
  });
});

describe('checkCifInput', () => {
  test('normalises prefix and spaces', () => {
    expect(checkCifInput(' ro 18654326 ')).toEqual({ ok: true, cif: '18654326' });
  });

  test('names the expected check digit', () => {
    expect(checkCifInput('RO 2816465')).toEqual({ ok: false, reason: 'checkDigit', expected: 4 });
  });

  test('rejects letters', () => {
    expect(checkCifInput('RO12A45')).toEqual({ ok: false, reason: 'digits' });
  });

  test('reports an empty field', () => {
    expect(checkCifInput('  ')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('validateAnafForm', () => {
  test('requires every field', () => {
    expect(validateAnafForm({ clientId: ' ', clientSecret: '', redirectUri: '' })).toEqual({
      clientId: 'required',
      clientSecret: 'required',
      redirectUri: 'required',
    });
  });

  test('requires an https callback', () => {
    const errors = validateAnafForm({ clientId: 'a', clientSecret: 'b', redirectUri: 'http://localhost:9002/callback' });
    expect(errors).toEqual({ redirectUri: 'invalidUrl' });
  });

  test('accepts a complete form', () => {
    expect(validateAnafForm({ clientId: 'a', clientSecret: 'b', redirectUri: 'https://localhost:9002/callback' })).toEqual({});
  });
});

describe('error hints', () => {
  test('every error code has a hint', () => {
    const missing = ERROR_CODES.filter((code) => !Object.hasOwn(ro.errors.hints, hintName(code)));
    expect(missing).toEqual([]);
  });

  test('every error code has a message', () => {
    const missing = ERROR_CODES.filter((code) => !Object.hasOwn(ro.errors.codes, hintName(code)));
    expect(missing).toEqual([]);
  });
});

describe('formatDecimalText', () => {
  test('keeps every digit of the XML', () => {
    expect(formatDecimalText('12345678901234567.891', 'ro')).toBe('12.345.678.901.234.567,891');
  });

  test('pads to two decimals', () => {
    expect(formatDecimalText('1234.5', 'en')).toBe('1,234.50');
  });

  test('keeps the sign', () => {
    expect(formatDecimalText('-0.5', 'ro')).toBe('-0,50');
  });

  test('returns text it cannot read unchanged', () => {
    expect(formatDecimalText('1e5', 'ro')).toBe('1e5');
  });
});

describe('formatDate', () => {
  test('writes a calendar date without a time zone shift', () => {
    expect(formatDate('2025-01-01', 'ro')).toBe('01.01.2025');
  });
});
