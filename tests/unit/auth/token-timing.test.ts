import { describe, expect, it } from 'vitest';
import {
  ACCESS_LIFETIME_MS,
  accessTokenExpiry,
  decodeJwtPayload,
  describeLoginExpiry,
  expiryLevel,
  refreshDueAt,
  refreshTokenExpiry,
} from '../../../electron/core/auth/token-timing.ts';

const NOW = Date.parse('2026-03-01T00:00:00Z');
const DAY = 86_400_000;

/** Builds a JWT with a dummy signature, which the client does not check. */
function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS512' })}.${part(payload)}.c2lnbmF0dXJl`;
}

describe('decodeJwtPayload', () => {
  it('reads the payload of a JWT', () => {
    expect(decodeJwtPayload(jwt({ exp: 5, serial: 'ab' }))).toEqual({
      exp: 5,
      serial: 'ab',
    });
  });

  const opaque: Array<[string, string]> = [
    ['64 hex characters', 'a'.repeat(64)],
    ['two parts', 'abc.def'],
    ['payload not base64 JSON', 'abc.def.ghi'],
    ['payload a JSON array', `x.${Buffer.from('[1]').toString('base64url')}.y`],
    ['empty payload', 'x..y'],
  ];

  it.each(opaque)('returns null for %s', (_name, token) => {
    expect(decodeJwtPayload(token)).toBeNull();
  });
});

describe('accessTokenExpiry', () => {
  const exp = NOW / 1000 + 3600;
  const cases: Array<[string, string, number | undefined, number]> = [
    ['JWT exp wins over expires_in', jwt({ exp }), 60, exp * 1000],
    [
      'expires_in for an opaque token',
      'opaque-token',
      7_776_000,
      NOW + 7_776_000_000,
    ],
    [
      'documented 90 days without either',
      'opaque-token',
      undefined,
      NOW + ACCESS_LIFETIME_MS,
    ],
    ['zero expires_in ignored', 'opaque-token', 0, NOW + ACCESS_LIFETIME_MS],
    ['JWT without exp uses expires_in', jwt({ sub: 'x' }), 120, NOW + 120_000],
    [
      'non-numeric exp ignored',
      jwt({ exp: '12' }),
      undefined,
      NOW + ACCESS_LIFETIME_MS,
    ],
  ];

  it.each(cases)('%s', (_name, token, expiresIn, result) => {
    expect(accessTokenExpiry(token, expiresIn, NOW)).toBe(result);
  });
});

describe('refreshTokenExpiry', () => {
  it('reads a JWT refresh token exp', () => {
    const exp = NOW / 1000 + 365 * 86_400;
    expect(refreshTokenExpiry(jwt({ exp }), NOW)).toBe(exp * 1000);
  });

  it('assumes 90 days and one hour for an opaque token', () => {
    expect(refreshTokenExpiry('opaque', NOW)).toBe(NOW + 90 * DAY + 3_600_000);
  });
});

describe('refreshDueAt', () => {
  const cases: Array<[string, number, number, number, number]> = [
    ['90-day token refreshed on day 75', 0, 90 * DAY, 365 * DAY, 75 * DAY],
    ['60-second token, a sixth early', 0, 60_000, 120_000, 50_000],
    ['earlier refresh expiry wins', 0, 90 * DAY, 30 * DAY, 25 * DAY],
    ['no lifetime left', 10 * DAY, 5 * DAY, 365 * DAY, 5 * DAY],
  ];

  it.each(cases)('%s', (_name, obtained, access, refresh, due) => {
    const times = {
      obtainedAt: NOW + obtained,
      accessExpiresAt: NOW + access,
      refreshExpiresAt: NOW + refresh,
    };
    expect(refreshDueAt(times)).toBe(NOW + due);
  });
});

describe('expiryLevel', () => {
  const cases: Array<[string, number, string]> = [
    ['far away', 30 * DAY, 'ok'],
    ['just outside 14 days', 14 * DAY + 1, 'ok'],
    ['exactly 14 days', 14 * DAY, 'warning'],
    ['tomorrow', DAY, 'warning'],
    ['now', 0, 'expired'],
    ['yesterday', -DAY, 'expired'],
  ];

  it.each(cases)('%s', (_name, offset, level) => {
    expect(expiryLevel(NOW + offset, NOW)).toBe(level);
  });
});

describe('describeLoginExpiry', () => {
  it('has no warning when both are far', () => {
    const state = describeLoginExpiry(
      { accessExpiresAt: NOW + 60 * DAY, refreshExpiresAt: NOW + 300 * DAY },
      NOW,
    );
    expect(state.warning).toBeNull();
  });

  it('asks for a login when the refresh token expired', () => {
    const state = describeLoginExpiry(
      { accessExpiresAt: NOW + 5 * DAY, refreshExpiresAt: NOW - DAY },
      NOW,
    );
    expect(state.needsLogin).toBe(true);
  });

  it('warns 14 days before the refresh token expires', () => {
    const state = describeLoginExpiry(
      { accessExpiresAt: NOW + 10 * DAY, refreshExpiresAt: NOW + 10 * DAY },
      NOW,
    );
    expect(state.warning).toBe(
      'The login expires on 2026-03-11. Log in again before then to keep access.',
    );
  });

  it('notes an expiring access token that will be renewed', () => {
    const state = describeLoginExpiry(
      { accessExpiresAt: NOW + 3 * DAY, refreshExpiresAt: NOW + 200 * DAY },
      NOW,
    );
    expect(state.access).toBe('warning');
  });
});
