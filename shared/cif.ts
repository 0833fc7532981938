/**
 * Romanian fiscal codes (CIF, also called CUI): normalisation and the check
 * digit. Plain code with no Node imports, because the renderer uses it too.
 */
import { fail, ok, type Result } from './result.ts';

/** Weights for the check digit, aligned to the right of the digits before it. */
const CONTROL_KEY = [7, 5, 3, 2, 1, 7, 5, 3, 2];

const MIN_DIGITS = 2;
const MAX_DIGITS = 10;

/**
 * Strips an `RO` prefix (any case) and spaces, and checks that what is left
 * is 2 to 10 digits. The check digit is not tested: use `validateCif` for
 * that. Returns the digits, e.g. `'RO 2816464'` gives `'2816464'`.
 */
export function normalizeCif(value: string): Result<string> {
  const digits = value.replace(/\s+/g, '').replace(/^ro/i, '');

  if (!/^\d+$/.test(digits)) {
    return fail(
      'input.invalid',
      `The CIF '${value}' is invalid: after an optional RO prefix it must contain only digits.`,
      { value },
    );
  }
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) {
    return fail(
      'input.invalid',
      `The CIF '${value}' is invalid: it has ${digits.length} digits, and a CIF has ${MIN_DIGITS} to ${MAX_DIGITS}.`,
      { value },
    );
  }
  return ok(digits);
}

/**
 * Computes the check digit for the digits that precede it (up to 9 of them):
 * each digit times its weight from the key 753217532, summed, times 10,
 * modulo 11, where a result of 10 counts as 0.
 */
export function cifCheckDigit(body: string): number {
  const padded = body.padStart(CONTROL_KEY.length, '0');
  let sum = 0;
  for (let i = 0; i < CONTROL_KEY.length; i++) {
    sum += Number(padded[i]) * (CONTROL_KEY[i] ?? 0);
  }
  const remainder = (sum * 10) % 11;
  return remainder === 10 ? 0 : remainder;
}

/**
 * Normalises a CIF and checks its last digit against the check digit.
 * Returns the digits without `RO`, or an `input.invalid` failure that names
 * the value.
 */
export function validateCif(value: string): Result<string> {
  const normalized = normalizeCif(value);
  if (!normalized.ok) return normalized;

  const digits = normalized.value;
  const expected = cifCheckDigit(digits.slice(0, -1));
  if (Number(digits.slice(-1)) !== expected) {
    return fail(
      'input.invalid',
      `The CIF '${value}' is invalid: its check digit should be ${expected}. Check the number for a typing mistake.`,
      { value },
    );
  }
  return ok(digits);
}

/** Tells whether a value is a CIF with a correct check digit. */
export function isValidCif(value: string): boolean {
  return validateCif(value).ok;
}
