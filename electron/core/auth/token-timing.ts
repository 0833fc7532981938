/**
 * Token lifetimes and refresh timing. ANAF's OAuth procedure gives access
 * tokens 90 days (129,600 minutes) and refresh tokens 90 days plus one hour
 * (129,660 minutes). Its newer guide gives refresh tokens 365 days. The JWT
 * `exp` claim is read when there is one, else the shorter figure is assumed.
 * All times are epoch milliseconds.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export const ACCESS_LIFETIME_MS = 129_600 * MINUTE_MS;
export const OPAQUE_REFRESH_LIFETIME_MS = 129_660 * MINUTE_MS;

/** How long before expiry the user is warned. */
export const EXPIRY_WARNING_MS = 14 * DAY_MS;

/**
 * The largest head start of a refresh: a day more than the warning window,
 * so a refresh that works clears the warning before the user sees it.
 */
export const MAX_REFRESH_MARGIN_MS = EXPIRY_WARNING_MS + DAY_MS;

/** Share of a token's lifetime left when the refresh is due (short tokens). */
const REFRESH_MARGIN_SHARE = 1 / 6;

/**
 * Decodes a JWT's payload without checking its signature: the API gateway
 * checks it, and the client only reads `exp` and `serial`. Returns null for
 * opaque tokens and anything that is not a JSON object.
 */
export function decodeJwtPayload(
  token: string,
): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const json = Buffer.from(parts[1], 'base64url').toString('utf8');
    const payload: unknown = JSON.parse(json);
    if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
      return payload as Record<string, unknown>;
    }
  } catch {
    // Not base64url JSON: an opaque token that happens to contain dots.
  }
  return null;
}

/** Returns the `exp` claim in milliseconds, or null for an opaque token. */
export function jwtExpiry(token: string): number | null {
  const exp = decodeJwtPayload(token)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
}

/**
 * Returns the access token's expiry: its JWT `exp`, else `expires_in`
 * seconds from now, else the documented 90 days.
 */
export function accessTokenExpiry(
  accessToken: string,
  expiresIn: number | undefined,
  now: number,
): number {
  const fromJwt = jwtExpiry(accessToken);
  if (fromJwt !== null) return fromJwt;
  if (expiresIn !== undefined && Number.isFinite(expiresIn) && expiresIn > 0) {
    return now + expiresIn * 1000;
  }
  return now + ACCESS_LIFETIME_MS;
}

/** Returns the refresh token's expiry: JWT `exp`, else 90 days + 1 hour. */
export function refreshTokenExpiry(refreshToken: string, now: number): number {
  return jwtExpiry(refreshToken) ?? now + OPAQUE_REFRESH_LIFETIME_MS;
}

export interface TokenTimes {
  /** When the current pair was received. */
  obtainedAt: number;
  accessExpiresAt: number;
  refreshExpiresAt: number;
}

/**
 * Returns the refresh time: before the earlier of the two expiries, by a
 * sixth of the lifetime at issue and at most 15 days, so a 90-day token is
 * refreshed on day 75.
 */
export function refreshDueAt(times: TokenTimes): number {
  const expiresAt = Math.min(times.accessExpiresAt, times.refreshExpiresAt);
  const lifetime = Math.max(0, expiresAt - times.obtainedAt);
  const margin = Math.min(
    MAX_REFRESH_MARGIN_MS,
    lifetime * REFRESH_MARGIN_SHARE,
  );
  return expiresAt - margin;
}

export type ExpiryLevel = 'ok' | 'warning' | 'expired';

export function expiryLevel(expiresAt: number, now: number): ExpiryLevel {
  if (now >= expiresAt) return 'expired';
  if (expiresAt - now <= EXPIRY_WARNING_MS) return 'warning';
  return 'ok';
}

export interface LoginExpiry {
  access: ExpiryLevel;
  refresh: ExpiryLevel;
  /** True when only a new login with the certificate brings access back. */
  needsLogin: boolean;
  /** A sentence for the account list, or null when all is well. */
  warning: string | null;
}

/** Summarises an account's two expiries for the account list. */
export function describeLoginExpiry(
  times: Pick<TokenTimes, 'accessExpiresAt' | 'refreshExpiresAt'>,
  now: number,
): LoginExpiry {
  const access = expiryLevel(times.accessExpiresAt, now);
  const refresh = expiryLevel(times.refreshExpiresAt, now);
  const refreshDate = formatDay(times.refreshExpiresAt);
  const accessDate = formatDay(times.accessExpiresAt);

  let warning: string | null = null;
  if (refresh === 'expired') {
    warning = `The login expired on ${refreshDate}. Log in again.`;
  } else if (refresh === 'warning') {
    warning =
      `The login expires on ${refreshDate}. Log in again before then to ` +
      'keep access.';
  } else if (access !== 'ok') {
    const verb = access === 'expired' ? 'expired' : 'expires';
    warning =
      `The access token ${verb} on ${accessDate}; the app renews it the ` +
      'next time it connects.';
  }
  return { access, refresh, needsLogin: refresh === 'expired', warning };
}

function formatDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
