/**
 * Amounts in the archive's index are whole minor units (cents), so that the
 * totals of 100,000 invoices add up exactly. EN 16931 allows at most two
 * decimals in document totals (for example rule BR-DEC-12 for the total
 * without VAT, BT-109, and BR-DEC-14 for the total with VAT, BT-112), so
 * cents lose nothing for a conforming invoice. A value with more decimals
 * is rounded half away from zero, and the stored ZIP keeps the exact text.
 */
import type { DecimalValue } from '../../../shared/invoice.ts';

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/** Converts a decimal to cents; `null` when missing or out of range. */
export function decimalToCents(value: DecimalValue | null): number | null {
  if (value === null) return null;

  const match = DECIMAL.exec(value.text.trim());
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  const digits = `${whole || '0'}${fraction.padEnd(2, '0').slice(0, 2)}`;
  let cents = Number(digits);
  if (Number(fraction[2] ?? '0') >= 5) cents += 1;
  if (!Number.isSafeInteger(cents)) return null;
  return sign === '-' ? -cents : cents;
}

/** Converts cents back to a number of currency units. */
export function centsToAmount(cents: number | null): number | null {
  return cents === null ? null : cents / 100;
}

/** Converts a filter amount in currency units to cents. */
export function amountToCents(amount: number): number {
  return Math.round(amount * 100);
}
