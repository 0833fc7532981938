import { AppFailure, type ErrorCode } from '../../../shared/result.ts';

/** The login and token failures, each with its own message and next step. */
export type AuthErrorCode = Extract<
  ErrorCode,
  | 'auth.cancelled'
  | 'auth.noCertificate'
  | 'auth.stateMismatch'
  | 'auth.codeExpired'
  | 'auth.invalidClient'
  | 'auth.redirectNotRegistered'
  | 'auth.refreshExpired'
  | 'auth.multipleTokens'
  | 'auth.network'
  | 'auth.notLoggedIn'
>;

export interface AuthFailureContext {
  /**
   * A sentence appended to the message: what the identity provider or the
   * network reported.
   */
  detail?: string;
  accountId?: string;
}

const MESSAGES: Record<AuthErrorCode, string> = {
  'auth.cancelled': 'The login was cancelled. Start it again when ready.',
  'auth.noCertificate':
    'No certificate was presented: insert the token and try again.',
  'auth.stateMismatch':
    'The login answer does not belong to this login attempt (its state ' +
    'value differs). Start the login again.',
  'auth.codeExpired':
    'The authorization code expired or was already used (it is valid for ' +
    'about 60 seconds). Log in again.',
  'auth.invalidClient':
    'The identity provider rejected the client id or client secret. Copy ' +
    'both again from the application page in the ANAF portal (Editare ' +
    'profil Oauth) and log in again.',
  'auth.redirectNotRegistered':
    'The callback URL is not registered for this application. Enter it ' +
    'exactly as registered in the ANAF portal, or register it there.',
  'auth.refreshExpired':
    'The login expired (the refresh token is no longer valid). Log in ' +
    'again with the certificate.',
  'auth.multipleTokens':
    'A token was already issued for this certificate (identity provider ' +
    'status 255). The app does not retry: use the account that already ' +
    'holds the token, or try again later.',
  'auth.network':
    'The identity provider could not be reached. Check the internet ' +
    'connection and try again.',
  'auth.notLoggedIn': 'This account is not logged in. Log in first.',
};

/** Builds the failure for a code, with the detail sentence appended. */
export function authFailure(
  code: AuthErrorCode,
  context: AuthFailureContext = {},
): AppFailure {
  const base = MESSAGES[code];
  const message = context.detail ? `${base} ${context.detail}` : base;
  const details: Record<string, unknown> = {};
  if (context.accountId) details.accountId = context.accountId;
  return new AppFailure(
    code,
    message,
    Object.keys(details).length > 0 ? details : undefined,
  );
}
