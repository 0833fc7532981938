// Romanian fiscal identification codes (CIF/CUI): 2 to 10 digits, the last
// one a check digit over the others with the key 753217532.

const CHECK_KEY = [7, 5, 3, 2, 1, 7, 5, 3, 2];

/** Computes the check digit for the digits of a CIF without its last digit. */
export function cifCheckDigit(body: string): number {
  const padded = body.padStart(CHECK_KEY.length, '0');
  let total = 0;
  for (let i = 0; i < CHECK_KEY.length; i++) {
    total += Number(padded[i]) * (CHECK_KEY[i] ?? 0);
  }
  const digit = (total * 10) % 11;
  return digit === 10 ? 0 : digit;
}

/** Checks a CIF's digits and check digit; an `RO` prefix is not accepted. */
export function isValidCif(cif: string): boolean {
  if (!/^\d{2,10}$/.test(cif)) return false;
  const body = cif.slice(0, -1);
  return cifCheckDigit(body) === Number(cif.slice(-1));
}

/** Appends the check digit to 1 to 9 leading digits. */
export function completeCif(body: string): string {
  if (!/^\d{1,9}$/.test(body)) {
    throw new Error(`Invalid CIF body "${body}": expected 1 to 9 digits`);
  }
  return `${body}${cifCheckDigit(body)}`;
}

/**
 * Reduces a VAT or fiscal identifier to the digits ANAF compares: trims it,
 * drops an `RO` prefix and inner spaces. Returns null when anything other
 * than digits remains, as with a foreign VAT number.
 */
export function normalizeCif(value: string | null | undefined): string | null {
  if (!value) return null;
  const compact = value.replace(/\s+/g, '').replace(/^RO/i, '');
  return /^\d+$/.test(compact) ? compact : null;
}
