/**
 * Romania's wall-clock time (`Europe/Bucharest`: EET, EEST in summer), in
 * which ANAF writes `data_creare`, `dateResponse` and the times quoted in
 * its messages, without an offset. ANAF's daily limits are assumed to
 * follow the Romania calendar day too. Offsets come from the runtime's
 * time-zone database through Intl, never from a fixed table. Summer time
 * starts at 03:00 and ends at 04:00 local time, so local midnight always
 * exists and is never ambiguous.
 */

export const ROMANIA_TIME_ZONE = 'Europe/Bucharest';

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: ROMANIA_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const DAY_MS = 86_400_000;

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

type DateArguments = [number, number, number, number, number, number];

/** Returns the fields in the order `Date.UTC` and `new Date` take them. */
function dateArguments(local: LocalTime): DateArguments {
  return [
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  ];
}

function localAsUtcMs(local: LocalTime): number {
  return Date.UTC(...dateArguments(local));
}

/**
 * Returns how far Romania time is ahead of UTC at an instant (epoch ms),
 * in milliseconds. The instant's milliseconds are ignored.
 */
export function romaniaOffsetMs(instantMs: number): number {
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
  const offsetBefore = romaniaOffsetMs(asUtc - DAY_MS);
  const offsetAfter = romaniaOffsetMs(asUtc + DAY_MS);
  const candidates = [offsetBefore, offsetAfter]
    .map((offset) => asUtc - offset)
    .filter((instant) => asUtc - instant === romaniaOffsetMs(instant))
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

/** Returns the Romania calendar day of an instant (epoch ms) as `YYYY-MM-DD`. */
export function romaniaDayKey(instantMs: number): string {
  const local = toRomaniaLocal(new Date(instantMs));
  return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
}

/** Returns the first Romania midnight strictly after an instant (epoch ms). */
export function nextRomaniaMidnight(instantMs: number): number {
  const local = toRomaniaLocal(new Date(instantMs));
  // Date.UTC rolls day 32 over into the next month, and so on.
  const next = new Date(Date.UTC(local.year, local.month - 1, local.day + 1));
  return fromRomaniaLocal({
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
  }).getTime();
}

/** Formats an instant (epoch ms) as Romania local time, `YYYY-MM-DD HH:mm`. */
export function formatRomaniaTime(instantMs: number): string {
  const local = toRomaniaLocal(new Date(instantMs));
  const date = `${local.year}-${pad(local.month)}-${pad(local.day)}`;
  return `${date} ${pad(local.hour)}:${pad(local.minute)}`;
}

/**
 * Returns a `Date` whose local fields are Romania's wall-clock time at an
 * ISO 8601 instant. A ZIP entry's time has no zone and yazl writes the
 * local fields, so this keeps the entry at ANAF's time on a machine in any
 * zone.
 */
export function romaniaWallClock(isoInstant: string): Date {
  return new Date(...dateArguments(toRomaniaLocal(new Date(isoInstant))));
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
