import { describe, expect, it } from 'vitest';
import {
  callbackUrlPattern,
  isCallbackUrl,
  matchCallback,
} from '../../../electron/core/auth/callback.ts';

const REDIRECT = 'https://localhost:9002/callback';
const STATE = 'state-1234567890';
const expected = { redirectUri: REDIRECT, state: STATE };

describe('isCallbackUrl', () => {
  const cases: Array<[string, string, string, boolean]> = [
    ['same URL with query', `${REDIRECT}?code=a`, REDIRECT, true],
    [
      'default port spelled out',
      'https://localhost:443/cb?x=1',
      'https://localhost/cb',
      true,
    ],
    ['host case differs', 'https://LOCALHOST:9002/callback', REDIRECT, true],
    ['fragment ignored', `${REDIRECT}#frag`, REDIRECT, true],
    ['other port', 'https://localhost:9003/callback?code=a', REDIRECT, false],
    ['other host', 'https://127.0.0.1:9002/callback?code=a', REDIRECT, false],
    [
      'http instead of https',
      'http://localhost:9002/callback?code=a',
      REDIRECT,
      false,
    ],
    [
      'trailing slash',
      'https://localhost:9002/callback/?code=a',
      REDIRECT,
      false,
    ],
    ['longer path', 'https://localhost:9002/callback2?code=a', REDIRECT, false],
    [
      'path case differs',
      'https://localhost:9002/Callback?code=a',
      REDIRECT,
      false,
    ],
    [
      'custom scheme',
      'ro.efactura://auth/done?code=a',
      'ro.efactura://auth/done',
      true,
    ],
    [
      'custom scheme, other path',
      'ro.efactura://auth/other?code=a',
      'ro.efactura://auth/done',
      false,
    ],
    [
      'custom scheme, other scheme',
      'ro.other://auth/done?code=a',
      'ro.efactura://auth/done',
      false,
    ],
    [
      'host with a suffix',
      'https://localhost.evil.test:9002/callback?code=a',
      REDIRECT,
      false,
    ],
    [
      'user info before another host',
      'https://localhost:9002@evil.test/callback?code=a',
      REDIRECT,
      false,
    ],
    [
      'callback URL as the path of another host',
      'https://evil.test/https://localhost:9002/callback?code=a',
      REDIRECT,
      false,
    ],
    [
      'percent-encoded path',
      'https://localhost:9002/%63allback?code=a',
      REDIRECT,
      false,
    ],
    ['unparsable URL', 'not a url', REDIRECT, false],
  ];

  it.each(cases)('%s', (_name, url, redirectUri, result) => {
    expect(isCallbackUrl(url, redirectUri)).toBe(result);
  });
});

describe('matchCallback', () => {
  it('returns the code when the state matches', () => {
    const match = matchCallback(
      `${REDIRECT}?code=abc&state=${STATE}`,
      expected,
    );
    expect(match).toEqual({ kind: 'code', code: 'abc' });
  });

  it('ignores a URL that is not the callback', () => {
    const match = matchCallback(
      'https://logincert.anaf.ro/my.policy',
      expected,
    );
    expect(match.kind).toBe('other');
  });

  const failures: Array<[string, string, string]> = [
    [
      'access_denied',
      `?error=access_denied&state=${STATE}`,
      'auth.noCertificate',
    ],
    [
      'access_denied without state',
      '?error=access_denied',
      'auth.noCertificate',
    ],
    ['wrong state with code', '?code=abc&state=other', 'auth.stateMismatch'],
    ['missing state with code', '?code=abc', 'auth.stateMismatch'],
    [
      'repeated state',
      `?code=abc&state=${STATE}&state=${STATE}`,
      'auth.stateMismatch',
    ],
    [
      'wrong state with error',
      '?error=access_denied&state=other',
      'auth.stateMismatch',
    ],
    [
      'invalid_client',
      `?error=invalid_client&state=${STATE}`,
      'auth.invalidClient',
    ],
    [
      'unauthorized_client',
      `?error=unauthorized_client&state=${STATE}`,
      'auth.invalidClient',
    ],
    ['server_error', `?error=server_error&state=${STATE}`, 'auth.network'],
    [
      'redirect complaint',
      `?error=invalid_request&error_description=redirect_uri+mismatch&state=${STATE}`,
      'auth.redirectNotRegistered',
    ],
    ['unknown error', `?error=invalid_scope&state=${STATE}`, 'internal'],
    ['neither code nor error', `?state=${STATE}`, 'internal'],
    ['empty code', `?code=&state=${STATE}`, 'internal'],
    ['repeated code', `?code=a&code=b&state=${STATE}`, 'internal'],
  ];

  it.each(failures)('%s', (_name, query, code) => {
    const match = matchCallback(`${REDIRECT}${query}`, expected);
    expect(match.kind === 'failure' ? match.failure.code : match.kind).toBe(
      code,
    );
  });

  it('words access_denied as a missing certificate', () => {
    const match = matchCallback(`${REDIRECT}?error=access_denied`, expected);
    const message = match.kind === 'failure' ? match.failure.message : '';
    expect(message).toBe(
      'No certificate was presented: insert the token and try again.',
    );
  });

  it('matches a custom-scheme callback', () => {
    const custom = { redirectUri: 'ro.efactura://auth/done', state: STATE };
    const match = matchCallback(
      `ro.efactura://auth/done?code=xyz&state=${STATE}`,
      custom,
    );
    expect(match).toEqual({ kind: 'code', code: 'xyz' });
  });
});

describe('callbackUrlPattern', () => {
  it('appends a wildcard to origin and path', () => {
    expect(callbackUrlPattern(REDIRECT)).toBe(
      'https://localhost:9002/callback*',
    );
  });

  it('drops a default port', () => {
    expect(callbackUrlPattern('https://example.test:443/cb')).toBe(
      'https://example.test/cb*',
    );
  });
});
