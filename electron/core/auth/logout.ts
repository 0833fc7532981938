import type { Logger } from '../log/logger.ts';
import type { ClientCredentials } from './idp-http.ts';
import type { RevokeOutcome, TokenClient, TokenSet } from './token-client.ts';

export interface LogoutReport {
  /** `skipped` when no tokens were stored or the secret was missing. */
  revoke: RevokeOutcome['kind'] | 'skipped';
  /** The text for the user: what stays valid and how to end it. */
  message: string;
}

/**
 * Tries to revoke the refresh token and then the access token (RFC 7009).
 * ANAF's revoke endpoint responds with a redirect to a login page, so for
 * ANAF this normally ends in `unsupported` and the message explains what
 * stays valid there.
 */
export async function revokeTokens(
  client: TokenClient,
  credentials: ClientCredentials | null,
  tokens: TokenSet | null,
  logger: Logger,
): Promise<LogoutReport> {
  if (!tokens) {
    return { revoke: 'skipped', message: 'Logged out; no tokens were stored.' };
  }
  if (!credentials) {
    return { revoke: 'skipped', message: remainsValid(tokens) };
  }

  const outcome = await client.revoke(
    credentials,
    tokens.refreshToken,
    'refresh_token',
  );
  if (outcome.kind === 'revoked') {
    await client.revoke(credentials, tokens.accessToken, 'access_token');
    return {
      revoke: 'revoked',
      message: 'Logged out; the identity provider revoked the tokens.',
    };
  }

  logger.info('Revoke was not accepted', { outcome: outcome.kind });
  return { revoke: outcome.kind, message: remainsValid(tokens) };
}

function remainsValid(tokens: TokenSet): string {
  const until = new Date(tokens.accessExpiresAt).toISOString().slice(0, 10);
  return (
    'Logged out on this computer: the local tokens were deleted. ANAF ' +
    'offers no way for an app to revoke them, so the access token stays ' +
    `valid at ANAF until it expires on ${until}, or until you remove the ` +
    'application in the ANAF portal (Editare profil Oauth, then Renunțare ' +
    'Oauth), which also deletes its client id and secret.'
  );
}
