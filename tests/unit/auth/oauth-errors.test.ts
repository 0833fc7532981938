import { describe, expect, it } from 'vitest';
import { mapOauthError } from '../../../electron/core/auth/token-client.ts';

describe('mapOauthError', () => {
  const cases: Array<
    [
      string,
      'authorization_code' | 'refresh_token',
      string,
      string | undefined,
      string,
    ]
  > = [
    [
      'bad client on exchange',
      'authorization_code',
      'invalid_client',
      undefined,
      'auth.invalidClient',
    ],
    [
      'bad client on refresh',
      'refresh_token',
      'invalid_client',
      undefined,
      'auth.invalidClient',
    ],
    [
      'unauthorized client',
      'authorization_code',
      'unauthorized_client',
      undefined,
      'auth.invalidClient',
    ],
    [
      'expired code',
      'authorization_code',
      'invalid_grant',
      'The authorization code is expired',
      'auth.codeExpired',
    ],
    [
      'redirect mismatch',
      'authorization_code',
      'invalid_grant',
      'redirect_uri does not match',
      'auth.redirectNotRegistered',
    ],
    [
      'expired refresh token',
      'refresh_token',
      'invalid_grant',
      'expired or revoked',
      'auth.refreshExpired',
    ],
    [
      'server error',
      'refresh_token',
      'server_error',
      undefined,
      'auth.network',
    ],
    [
      'unsupported grant',
      'refresh_token',
      'unsupported_grant_type',
      undefined,
      'internal',
    ],
  ];

  it.each(cases)('%s', (_name, grant, error, description, code) => {
    const failure = mapOauthError(grant, {
      error,
      error_description: description,
    });
    expect(failure.code).toBe(code);
  });

  it('gives each code its own message', () => {
    const messages = new Set(
      cases.map(
        ([, grant, error, description]) =>
          mapOauthError(grant, {
            error,
            error_description: description,
          }).message.split(' The identity')[0],
      ),
    );
    expect(messages.size).toBe(6);
  });
});
