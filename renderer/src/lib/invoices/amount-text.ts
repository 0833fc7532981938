/**
 * Reads an amount typed into a filter field. Accountants type Romanian
 * amounts (`1.234,56`, `1234,56`) and paste plain ones (`1234.56`), so both
 * separators are accepted. The field keeps the text exactly as typed.
 */

/**
 * Converts the text to the plain `1234.56` form. A single comma marks
 * decimals, and so does a dot unless every group after it has three digits.
 */
function normalize(text: string): string | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '');
  const lastComma = compact.lastIndexOf(',');
  const lastDot = compact.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the later separator is the decimal one.
    const decimal = lastComma > lastDot ? ',' : '.';
    const grouping = decimal === ',' ? '.' : ',';
    const [whole = '', fraction, ...rest] = compact.split(decimal);
    if (fraction === undefined || rest.length > 0) return undefined;
    return `${whole.split(grouping).join('')}.${fraction}`;
  }
  if (lastComma >= 0) {
    const groups = compact.split(',');
    return groups.length === 2 ? groups.join('.') : undefined;
  }
  const [first = '', ...others] = compact.split('.');
  if (others.length === 0) return compact;
  const groups = [first, ...others];
  // `40.000` and `1.234.567` are Romanian thousands, but `1234.5` is a decimal.
  const thousands = others.every((group) => group.length === 3) && first.length <= 3;
  if (thousands) return groups.join('');
  return groups.length === 2 ? groups.join('.') : undefined;
}

/**
 * Parses the filter text to a number, or returns undefined for an empty or
 * invalid field. A trailing separator (`1234,`) reads as the whole part, so
 * the list keeps filtering sensibly while the decimals are being typed.
 */
export function parseAmountText(text: string): number | undefined {
  const trimmed = text.trim().replace(/[.,]$/, '');
  if (trimmed === '') return undefined;
  const normalized = normalize(trimmed);
  if (normalized === undefined || !/^-?\d+(\.\d+)?$/.test(normalized)) return undefined;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

/** Tells whether the field contains text that is not an amount, to mark it invalid. */
export function isInvalidAmountText(text: string): boolean {
  return text.trim() !== '' && parseAmountText(text) === undefined;
}
