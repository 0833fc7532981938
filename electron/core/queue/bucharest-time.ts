/**
 * Romania's calendar day, which ANAF's daily limits are assumed to follow.
 * Europe/Bucharest is UTC+2 in winter and UTC+3 in summer. The switches
 * happen at 03:00 and 04:00 local time, so local midnight always exists and
 * is never ambiguous. Offsets come from the runtime's time-zone database
 * (Intl), never from a fixed table.
 */

export const ROMANIA_TIME_ZONE = 'Europe/Bucharest';

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: ROMANIA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Returns the Romania wall-clock time of an instant (epoch ms). */
export function toBucharestTime(ms: number): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Returns how far Romania time is ahead of UTC at an instant, in ms. */
export function bucharestOffsetMs(ms: number): number {
  const local = toBucharestTime(ms);
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
  const wholeSeconds = ms - (((ms % 1000) + 1000) % 1000);
  return asUtc - wholeSeconds;
}

/** Returns the Romania calendar day of an instant as `YYYY-MM-DD`. */
export function bucharestDayKey(ms: number): string {
  const local = toBucharestTime(ms);
  return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
}

/** Returns the first Romania midnight strictly after an instant (epoch ms). */
export function nextBucharestMidnight(ms: number): number {
  const local = toBucharestTime(ms);
  // Date.UTC rolls day 32 over into the next month, and so on.
  const midnightAsUtc = Date.UTC(local.year, local.month - 1, local.day + 1);

  // Two rounds settle the offset: the first guess uses the offset at the
  // current instant, the second the offset at the guessed midnight.
  const guess = midnightAsUtc - bucharestOffsetMs(ms);
  return midnightAsUtc - bucharestOffsetMs(guess);
}

/** Formats an instant as Romania local time, `YYYY-MM-DD HH:mm`. */
export function formatBucharestTime(ms: number): string {
  const local = toBucharestTime(ms);
  const date = `${local.year}-${pad(local.month)}-${pad(local.day)}`;
  return `${date} ${pad(local.hour)}:${pad(local.minute)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
