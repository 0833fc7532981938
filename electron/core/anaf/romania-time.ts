/**
 * Conversions between ANAF's local timestamps and instants. ANAF writes
 * `data_creare`, `dateResponse` and the times quoted in its messages in
 * Romania's wall-clock time without an offset, so each is read in the
 * `Europe/Bucharest` time zone (EET, EEST in summer) through Intl.
 */

const TIME_ZONE = 'Europe/Bucharest';

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A wall-clock time in Romania; months and days count from 1. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Returns Romania's wall-clock time at an instant. */
export function toRomaniaLocal(instant: Date): LocalTime {
  const values: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? NaN,
    month: values.month ?? NaN,
    day: values.day ?? NaN,
    hour: values.hour ?? NaN,
    minute: values.minute ?? NaN,
    second: values.second ?? NaN,
  };
}

function localAsUtcMs(local: LocalTime): number {
  return Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
}

/** Romania's offset from UTC at an instant, in milliseconds. */
function offsetMsAt(instantMs: number): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return localAsUtcMs(toRomaniaLocal(new Date(wholeSecond))) - wholeSecond;
}

/**
 * Returns the instant of a Romania wall-clock time. A time that occurs twice
 * (the hour repeated when summer time ends) resolves to the earlier instant.
 * A time skipped when summer time starts resolves as if the clock had not
 * moved yet, which lands one hour later on the new clock.
 */
export function fromRomaniaLocal(local: LocalTime): Date {
  const asUtc = localAsUtcMs(local);
  const day = 86_400_000;
  const offsetBefore = offsetMsAt(asUtc - day);
  const offsetAfter = offsetMsAt(asUtc + day);
  const candidates = [offsetBefore, offsetAfter]
    .map((offset) => asUtc - offset)
    .filter((instant) => asUtc - instant === offsetMsAt(instant))
    .sort((a, b) => a - b);
  const first = candidates[0];
  return new Date(first ?? asUtc - offsetBefore);
}

function isValidLocal(local: LocalTime): boolean {
  const check = new Date(localAsUtcMs(local));
  return (
    check.getUTCFullYear() === local.year &&
    check.getUTCMonth() === local.month - 1 &&
    check.getUTCDate() === local.day &&
    local.hour < 24 &&
    local.minute < 60 &&
    local.second < 60
  );
}

/**
 * Reads ANAF's compact timestamps: `yyyyMMddHHmm` (e-Factura `data_creare`,
 * `dateResponse`) or `yyyyMMddHHmmss` (e-Transport `data_creare`). Returns
 * null for anything else, including impossible dates.
 */
export function parseCompactTime(text: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/.exec(text);
  if (!match) return null;
  const local: LocalTime = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: Number(match[6] ?? '0'),
  };
  return isValidLocal(local) ? fromRomaniaLocal(local) : null;
}

/** Reads `dd-MM-yyyy HH:mm:ss`, the form ANAF uses inside its messages. */
export function parseDottedTime(text: string): Date | null {
  const match = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const local: LocalTime = {
    year: Number(match[3]),
    month: Number(match[2]),
    day: Number(match[1]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: Number(match[6]),
  };
  return isValidLocal(local) ? fromRomaniaLocal(local) : null;
}

/**
 * Returns the instant with the same Romania wall-clock time a number of
 * calendar days earlier. Across a change of summer time this differs from
 * subtracting 24-hour days by one hour.
 */
export function romaniaCalendarDaysBefore(instant: Date, days: number): Date {
  const local = toRomaniaLocal(instant);
  const shifted = new Date(
    Date.UTC(local.year, local.month - 1, local.day - days),
  );
  const earlier: LocalTime = {
    ...local,
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
  const result = fromRomaniaLocal(earlier);
  return new Date(result.getTime() + (instant.getTime() % 1000));
}
