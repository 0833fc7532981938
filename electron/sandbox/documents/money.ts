// Decimal amounts as exact integers, because the EN 16931 total rules compare
// sums to the cent and binary floating point drifts on values like 0.1 + 0.2.

/** Fractional digits kept while summing; totals are rounded to 2 after. */
const SCALE_DIGITS = 6;
const SCALE = 10n ** BigInt(SCALE_DIGITS);
const CENT_STEP = 10n ** BigInt(SCALE_DIGITS - 2);

const DECIMAL_PATTERN = /^([+-])?(\d+)?(?:\.(\d*))?$/;

/** An amount in millionths of a unit (10^6 micro-units make one). */
export type Micros = bigint;

/** Parses an xs:decimal ("-12.5", "+3", ".75") into micro-units. */
export function parseDecimal(text: string | null | undefined): Micros | null {
  if (text === null || text === undefined) return null;
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match || (match[2] === undefined && !match[3])) return null;
  const whole = BigInt(match[2] ?? '0');
  const fraction = (match[3] ?? '')
    .slice(0, SCALE_DIGITS)
    .padEnd(SCALE_DIGITS, '0');
  const value = whole * SCALE + BigInt(fraction);
  return match[1] === '-' ? -value : value;
}

/**
 * Rounds to whole cents the way XPath's round() does (half toward positive
 * infinity), which is what the EN 16931 schematron applies to its sums.
 */
export function roundToCents(value: Micros): Micros {
  const remainder = ((value % CENT_STEP) + CENT_STEP) % CENT_STEP;
  const floor = value - remainder;
  return remainder * 2n >= CENT_STEP ? floor + CENT_STEP : floor;
}

/** Formats micro-units with exactly two decimals ("1234.50"). */
export function formatCents(value: Micros): string {
  const cents = roundToCents(value) / CENT_STEP;
  const sign = cents < 0n ? '-' : '';
  const absolute = cents < 0n ? -cents : cents;
  const whole = absolute / 100n;
  const fraction = (absolute % 100n).toString().padStart(2, '0');
  return `${sign}${whole}.${fraction}`;
}

/** Converts a whole number of cents to micro-units. */
export function fromCents(cents: number | bigint): Micros {
  return BigInt(cents) * CENT_STEP;
}

/** Multiplies two amounts (e.g. quantity × price), keeping micro-units. */
export function multiply(left: Micros, right: Micros): Micros {
  return (left * right) / SCALE;
}

/** Sums amounts; an empty list sums to zero. */
export function sum(values: Micros[]): Micros {
  return values.reduce((total, value) => total + value, 0n);
}
