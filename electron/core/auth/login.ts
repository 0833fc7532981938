import type { Logger } from '../log/logger.ts';
import type { CertificateInfo } from './accounts.ts';
import {
  buildAuthorizeUrl,
  newState,
  type AuthorizationTransport,
} from './authorize.ts';
import { matchCallback } from './callback.ts';
import type { IdpConfig } from './idp.ts';
import type { ClientCredentials } from './idp-http.ts';
import type { TokenClient, TokenSet } from './token-client.ts';
import { decodeJwtPayload } from './token-timing.ts';

export interface LoginRequest {
  idp: IdpConfig;
  client: TokenClient;
  credentials: ClientCredentials;
  redirectUri: string;
  transport: AuthorizationTransport;
  logger: Logger;
  signal?: AbortSignal;
}

export interface LoginOutcome {
  tokens: TokenSet;
  /** From the transport, else the `serial` claim of a JWT access token. */
  certificate: CertificateInfo | null;
}

/**
 * Runs one login: a fresh `state`, the authorize step through the transport,
 * then the code exchange at once.
 */
export async function runLogin(request: LoginRequest): Promise<LoginOutcome> {
  const state = newState();
  const { redirectUri } = request;
  const authorizeUrl = buildAuthorizeUrl(request.idp, {
    clientId: request.credentials.clientId,
    redirectUri,
    state,
  });

  request.logger.info('Login started', { provider: request.idp.provider });
  const result = await request.transport({
    authorizeUrl,
    redirectUri,
    match: (url) => matchCallback(url, { redirectUri, state }),
    signal: request.signal ?? new AbortController().signal,
  });

  const tokens = await request.client.exchangeCode(
    request.credentials,
    result.code,
    redirectUri,
  );
  request.logger.info('Login completed', { provider: request.idp.provider });
  return {
    tokens,
    certificate: result.certificate ?? certificateFromToken(tokens.accessToken),
  };
}

/** ANAF's JWT carries the certificate serial; the subject is not in it. */
function certificateFromToken(accessToken: string): CertificateInfo | null {
  const serial = decodeJwtPayload(accessToken)?.serial;
  if (typeof serial !== 'string' || serial === '') return null;
  return {
    subject: '',
    serial,
    issuer: null,
    validFrom: null,
    validTo: null,
  };
}
