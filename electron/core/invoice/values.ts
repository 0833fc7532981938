/** Decimal and date values of invoice XML, checked and normalised. */
import type { DecimalValue } from '../../../shared/invoice.ts';

import { documentFailure } from './failure.ts';

/** xsd:decimal: optional sign, digits, optional fraction; no exponent. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Maximum length of an accepted decimal. Real amounts need about 20
 * characters, and the cap keeps absurd values (a 1 MB number) out of the
 * model and the index.
 */
export const MAX_DECIMAL_LENGTH = 40;

/**
 * Parses a decimal from element text. Returns `null` for missing text and
 * throws an `input.invalid` failure, naming `where`, for anything that is not
 * an xsd:decimal of at most `MAX_DECIMAL_LENGTH` characters.
 */
export function parseDecimal(
  text: string | null,
  where: string,
): DecimalValue | null {
  if (text === null) return null;

  if (!DECIMAL.test(text)) {
    throw documentFailure(
      'invalidValue',
      `The value '${shorten(text)}' in ${where} is not a decimal number (expected digits with an optional '.' fraction, e.g. 1234.50). Correct the value and try again.`,
      { where },
    );
  }
  if (text.length > MAX_DECIMAL_LENGTH) {
    throw documentFailure(
      'invalidValue',
      `The number in ${where} has ${text.length} characters, more than the ${MAX_DECIMAL_LENGTH} accepted. Correct the value and try again.`,
      { where },
    );
  }
  return { text, value: Number(text) };
}

/**
 * Normalises an xsd:date (`2024-03-31`, optionally with a time zone such as
 * `Z` or `+02:00`) to `YYYY-MM-DD`. Returns `null` when the text is not a
 * real calendar date.
 */
export function toIsoDate(text: string | null): string | null {
  if (text === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!match) return null;
  return checkedDate(match[1], match[2], match[3]);
}

/**
 * Normalises a CII date string to `YYYY-MM-DD`. Only format `102`
 * (`YYYYMMDD`, the format EN 16931 allows for dates) is read; a missing
 * format attribute is taken as `102`. Returns `null` otherwise.
 */
export function ciiToIsoDate(
  text: string | null,
  format: string | null,
): string | null {
  if (text === null) return null;
  if (format !== null && format !== '102') return null;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  return checkedDate(match[1], match[2], match[3]);
}

function checkedDate(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
): string | null {
  const iso = `${year}-${month}-${day}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return null;
  return parsed.toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * Like `toIsoDate` or `ciiToIsoDate` combined with a presence rule: returns
 * `null` for missing text and throws an `input.invalid` failure naming
 * `where` when text is present but is not a valid date.
 */
export function requireValidDate(
  text: string | null,
  iso: string | null,
  where: string,
): string | null {
  if (text === null || iso !== null) return iso;
  throw documentFailure(
    'invalidValue',
    `The date '${shorten(text)}' in ${where} is not a valid date (expected YYYY-MM-DD in UBL, YYYYMMDD with format 102 in CII). Correct the date and try again.`,
    { where },
  );
}

/** Cuts long values for messages so that an error never carries megabytes. */
export function shorten(value: string, max = 60): string {
  return value.length <= max ? value : `${value.slice(0, max)}…`;
}
