/**
 * Token expiry as the accounts screen shows it: days left and a warning from
 * 14 days before the end, the same window main uses for `expiring`.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
export const EXPIRY_WARNING_DAYS = 14;

export type ExpiryLevel = 'ok' | 'soon' | 'expired' | 'unknown';

export interface Expiry {
  level: ExpiryLevel;
  /** Whole days left, rounded down; negative once expired; null when unknown. */
  daysLeft: number | null;
}

export function expiryOf(isoTime: string | null, now: number): Expiry {
  if (!isoTime) return { level: 'unknown', daysLeft: null };
  const end = Date.parse(isoTime);
  if (Number.isNaN(end)) return { level: 'unknown', daysLeft: null };
  const remaining = end - now;
  const daysLeft = Math.floor(remaining / DAY_MS);
  if (remaining <= 0) return { level: 'expired', daysLeft };
  if (remaining <= EXPIRY_WARNING_DAYS * DAY_MS) return { level: 'soon', daysLeft };
  return { level: 'ok', daysLeft };
}

export const EXPIRY_COLORS: Record<ExpiryLevel, string> = {
  ok: 'green',
  soon: 'orange',
  expired: 'red',
  unknown: 'gray',
};
