// ANAF writes every date in its responses in Romania's local time, and the
// daily limits reset at midnight there, so all formatting goes through the
// Europe/Bucharest zone whatever the machine's zone is.

const ZONE = 'Europe/Bucharest';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function localParts(date: Date): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(date)) {
    parts[part.type] = part.value;
  }
  return {
    year: parts.year ?? '0000',
    month: parts.month ?? '00',
    day: parts.day ?? '00',
    hour: parts.hour ?? '00',
    minute: parts.minute ?? '00',
    second: parts.second ?? '00',
  };
}

/** `yyyyMMddHHmm`, as in `dateResponse` and e-Factura's `data_creare`. */
export function formatCompactMinutes(date: Date): string {
  const p = localParts(date);
  return `${p.year}${p.month}${p.day}${p.hour}${p.minute}`;
}

/** `yyyyMMddHHmmss`, as in e-Transport's `data_creare`. */
export function formatCompactSeconds(date: Date): string {
  const p = localParts(date);
  return `${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}`;
}

/** `dd-MM-yyyy HH:mm:ss`, as in 400 bodies, list titles and clock errors. */
export function formatDayFirst(date: Date): string {
  const p = localParts(date);
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** Returns the Romanian calendar day (`yyyy-MM-dd`) that daily limits count in. */
export function bucharestDay(date: Date): string {
  const p = localParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
