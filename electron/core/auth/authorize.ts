import { randomBytes } from 'node:crypto';
import { registerSecret } from '../log/redact.ts';
import type { CallbackMatch } from './callback.ts';
import type { CertificateInfo } from './accounts.ts';
import { idpEndpoints, type IdpConfig } from './idp.ts';

/** Creates a `state` value: 256 random bits, base64url. */
export function newState(): string {
  const state = randomBytes(32).toString('base64url');
  registerSecret(state);
  return state;
}

export interface AuthorizeParameters {
  clientId: string;
  redirectUri: string;
  state: string;
}

/**
 * Builds the authorize URL ANAF documents. `token_content_type=jwt` requests
 * JWT tokens (without it ANAF issues opaque ones); `scope` stays empty.
 */
export function buildAuthorizeUrl(
  idp: IdpConfig,
  parameters: AuthorizeParameters,
): string {
  const url = new URL(idpEndpoints(idp).authorize);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', parameters.clientId);
  url.searchParams.set('redirect_uri', parameters.redirectUri);
  url.searchParams.set('token_content_type', 'jwt');
  url.searchParams.set('state', parameters.state);
  return url.toString();
}

/** The input of a transport for one pass through the authorize step. */
export interface AuthorizationRequest {
  authorizeUrl: string;
  redirectUri: string;
  /** The callback matcher bound to this attempt's `state`. */
  match(url: string): CallbackMatch;
  signal: AbortSignal;
}

export interface AuthorizationResult {
  code: string;
  /** The certificate presented, when the transport can tell which. */
  certificate?: CertificateInfo;
}

/**
 * A way through the authorize step: the Electron login window, the system
 * browser with a local callback listener, or the sandbox certificate file
 * presented directly. It resolves with the code or throws an `AppFailure`.
 */
export type AuthorizationTransport = (
  request: AuthorizationRequest,
) => Promise<AuthorizationResult>;
