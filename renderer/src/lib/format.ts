/**
 * Number and date formatting in the interface language. Amounts keep two
 * decimals, as on an invoice; dates from the XML are calendar dates and are
 * shown without a time zone shift. Instants are shown in Romania time,
 * whatever the machine's zone, because ANAF states its times in that zone
 * and the PDF and CSV exports write them the same way.
 *
 * `Intl` formatters are expensive to build, and the invoice grid formats
 * every visible cell on each scroll frame, so one formatter per locale and
 * style is kept.
 */
export type Locale = 'ro' | 'en';

const LOCALE_TAGS: Record<Locale, string> = { ro: 'ro-RO', en: 'en-GB' };

/** The zone ANAF writes `data_creare` and its other times in. */
export const ROMANIA_TIME_ZONE = 'Europe/Bucharest';

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(
  tag: string,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const key = `n|${tag}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!(format instanceof Intl.NumberFormat)) {
    format = new Intl.NumberFormat(tag, options);
    formatters.set(key, format);
  }
  return format;
}

function dateTimeFormat(
  tag: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `d|${tag}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!(format instanceof Intl.DateTimeFormat)) {
    format = new Intl.DateTimeFormat(tag, options);
    formatters.set(key, format);
  }
  return format;
}

export function localeTag(language: string): string {
  return language === 'en' ? LOCALE_TAGS.en : LOCALE_TAGS.ro;
}

export function formatAmount(
  value: number | null | undefined,
  language: string,
): string {
  if (value === null || value === undefined || !Number.isFinite(value))
    return '';
  return numberFormat(localeTag(language), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

export function formatCount(value: number, language: string): string {
  return numberFormat(localeTag(language), { maximumFractionDigits: 0 }).format(
    value,
  );
}

export function formatMoney(
  value: number | null | undefined,
  currency: string | null,
  language: string,
): string {
  const amount = formatAmount(value, language);
  if (!amount) return '';
  return currency ? `${amount} ${currency}` : amount;
}

/** Formats a `YYYY-MM-DD` date as the locale writes it, e.g. 15.01.2025. */
export function formatDate(
  value: string | null | undefined,
  language: string,
): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return dateTimeFormat(localeTag(language), {
    timeZone: 'UTC',
    dateStyle: 'short',
  }).format(date);
}

/** Formats an ISO 8601 instant as Romania's wall-clock time, e.g. 15.07.2025, 13:30. */
export function formatDateTime(
  value: string | null | undefined,
  language: string,
): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(localeTag(language), {
    timeZone: ROMANIA_TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(date);
}

export function formatBytes(size: number, language: string): string {
  const format = numberFormat(localeTag(language), {
    maximumFractionDigits: 1,
  });
  if (size < 1024) return `${format.format(size)} B`;
  if (size < 1024 * 1024) return `${format.format(size / 1024)} KB`;
  return `${format.format(size / (1024 * 1024))} MB`;
}

/**
 * Formats a decimal from the XML exactly as written (no binary rounding),
 * with the locale's grouping and decimal separator and at least
 * `minFraction` decimals, e.g. '1234.5' gives '1.234,50' in Romanian.
 */
export function formatDecimalText(
  text: string | null | undefined,
  language: string,
  minFraction = 2,
): string {
  if (!text) return '';
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return text;
  const [, sign = '', integer = '', fraction = ''] = match;
  const tag = localeTag(language);
  const grouped = numberFormat(tag, {}).format(BigInt(integer || '0'));
  const separator =
    numberFormat(tag, {})
      .formatToParts(1.5)
      .find((part) => part.type === 'decimal')?.value ?? '.';
  const digits = fraction.padEnd(minFraction, '0');
  const negative = sign === '-' ? '-' : '';
  return digits
    ? `${negative}${grouped}${separator}${digits}`
    : `${negative}${grouped}`;
}
