import { describe, expect, it } from 'vitest';

import {
  cifCheckDigit,
  isValidCif,
  normalizeCif,
  validateCif,
} from '../../../shared/cif.ts';

import { expectFailure, expectOk } from './helpers.ts';

describe('normalizeCif', () => {
  const accepted: Array<[string, string]> = [
    ['2816464', '2816464'],
    ['RO2816464', '2816464'],
    ['ro 2816464', '2816464'],
    [' RO 28 16 464 ', '2816464'],
    ['12', '12'],
    ['1234567890', '1234567890'],
  ];

  it.each(accepted)('normalises %j', (value, digits) => {
    expect(expectOk(normalizeCif(value))).toBe(digits);
  });

  const rejected: Array<[string, RegExp]> = [
    ['', /only digits/],
    ['RO', /only digits/],
    ['DE123456789', /only digits/],
    ['28-16464', /only digits/],
    ['1', /has 1 digits/],
    ['12345678901', /has 11 digits/],
  ];

  it.each(rejected)('rejects %j', (value, message) => {
    const error = expectFailure(normalizeCif(value));
    expect(error.code).toBe('input.invalid');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`'${value}'`);
  });
});

describe('validateCif', () => {
  // Published CIFs of well-known Romanian companies, and invented ones.
  const valid = ['2816464', '14399840', 'RO14399840', '12345674', '33334449'];

  it.each(valid)('accepts %s', (value) => {
    expect(isValidCif(value)).toBe(true);
  });

  it('names the expected check digit', () => {
    const error = expectFailure(validateCif('2816465'));
    expect(error.message).toMatch(/check digit should be 4/);
  });

  it('rejects a value that is not a CIF', () => {
    expect(isValidCif('RO-ABC')).toBe(false);
  });

  it('maps a remainder of 10 to 0', () => {
    // Body '6': 6 * 2 = 12, and 12 * 10 mod 11 = 10.
    expect(cifCheckDigit('6')).toBe(0);
    expect(isValidCif('60')).toBe(true);
  });
});
