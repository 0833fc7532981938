/**
 * Checks for ANAF's numeric identifiers (upload index, download id) before
 * they go into a URL or come out of a response. They stay strings: current
 * values have about 10 digits and nothing is computed with them.
 */
import { invalidInput } from './errors.ts';

/** 1 to 18 decimal digits, no sign and no leading zero. */
export function isNumericId(value: unknown): value is string {
  return typeof value === 'string' && /^[1-9]\d{0,17}$/.test(value);
}

/**
 * Reads an id from a JSON value: ANAF sends e-Factura ids as strings and the
 * e-Transport upload index as a number. Returns null for anything else.
 */
export function readId(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) {
    return String(value);
  }
  if (typeof value === 'string' && isNumericId(value.trim()))
    return value.trim();
  return null;
}

/** Returns a valid id, or throws `input.invalid` before any request. */
export function requireNumericId(value: string, field: string): string {
  if (!isNumericId(value)) {
    throw invalidInput(
      `The ${field} "${String(value).slice(0, 40)}" is invalid: expected a positive whole number`,
      field,
    );
  }
  return value;
}
