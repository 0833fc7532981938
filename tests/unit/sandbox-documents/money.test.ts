import { describe, expect, it } from 'vitest';

import {
  formatCents,
  parseDecimal,
  roundToCents,
  sum,
} from '../../../electron/sandbox/documents/money.ts';

describe('parseDecimal', () => {
  it.each([
    ['12.5', 12_500_000n],
    ['-0.01', -10_000n],
    ['+3', 3_000_000n],
    ['.75', 750_000n],
    ['7.', 7_000_000n],
    [' 1.10 ', 1_100_000n],
  ])('reads %s', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each(['', '.', 'abc', '1,5', '1e3', '--1'])('rejects %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe('roundToCents', () => {
  it.each([
    ['0.005', '0.01'],
    ['0.0049', '0.00'],
    ['-0.005', '0.00'],
    ['-0.0051', '-0.01'],
    ['2.675', '2.68'],
  ])('rounds %s to %s', (text, expected) => {
    expect(formatCents(roundToCents(parseDecimal(text)!))).toBe(expected);
  });
});

describe('sum', () => {
  it('is exact where floats drift', () => {
    const total = sum([parseDecimal('0.1')!, parseDecimal('0.2')!]);
    expect(total).toBe(parseDecimal('0.3'));
  });
});
