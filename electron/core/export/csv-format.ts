/**
 * CSV cells and lines. Fields that contain the delimiter, a quote or a line
 * break are quoted (RFC 4180). Text that starts like a spreadsheet formula
 * (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading apostrophe, so
 * that a partner name from an invoice cannot run as a formula when the file
 * is opened in a spreadsheet.
 */
import { formatRomaniaTime } from '../time/romania-time.ts';

export type Delimiter = ';' | ',';
export type DecimalSeparator = ',' | '.';

export interface CsvFormat {
  delimiter: Delimiter;
  decimalSeparator: DecimalSeparator;
}

/** The byte order mark that marks the file as UTF-8 for spreadsheets. */
export const UTF8_BOM = '\ufeff';
export const LINE_END = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Formats a text cell: formula-safe and quoted when needed. */
export function textCell(value: string | null, format: CsvFormat): string {
  if (value === null || value === '') return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return quoteIfNeeded(safe, format.delimiter);
}

/**
 * Formats an ISO 8601 instant as Romania's wall-clock time,
 * `2025-07-15 13:30`: the zone and the minute precision ANAF gives
 * `data_creare` in, whatever the machine's zone. Text that is not an
 * instant is written as it is.
 */
export function romaniaTimeCell(
  value: string | null,
  format: CsvFormat,
): string {
  if (value === null || value === '') return '';
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return textCell(value, format);
  return formatRomaniaTime(instant.getTime());
}

/** Formats cents as an amount with two decimals, e.g. `-1234,50`. */
export function centsCell(cents: number | null, format: CsvFormat): string {
  if (cents === null) return '';
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const whole = Math.floor(absolute / 100);
  const fraction = String(absolute % 100).padStart(2, '0');
  return `${sign}${whole}${format.decimalSeparator}${fraction}`;
}

/**
 * Formats a decimal as written in the XML (`1234.5`): exact, with the
 * chosen decimal separator. `negate` flips its sign.
 */
export function decimalCell(
  text: string | null,
  format: CsvFormat,
  negate = false,
): string {
  if (text === null || text === '') return '';
  let value = text.trim().replace(/^\+/, '');
  if (negate) value = value.startsWith('-') ? value.slice(1) : `-${value}`;
  if (value === '-0' || /^-0?\.?0*$/.test(value)) value = value.slice(1);
  return quoteIfNeeded(
    value.replace('.', format.decimalSeparator),
    format.delimiter,
  );
}

export function csvLine(cells: string[], format: CsvFormat): string {
  return `${cells.join(format.delimiter)}${LINE_END}`;
}

function quoteIfNeeded(value: string, delimiter: Delimiter): string {
  if (!value.includes(delimiter) && !/["\r\n]/.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}
