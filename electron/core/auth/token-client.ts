import type { Dispatcher } from 'undici';
import { z } from 'zod';
import { AppFailure } from '../../../shared/result.ts';
import type { Logger } from '../log/logger.ts';
import { registerSecret } from '../log/redact.ts';
import { authFailure } from './errors.ts';
import {
  createIdpDispatcher,
  idpEndpoints,
  type IdpConfig,
  type IdpEndpoints,
} from './idp.ts';
import {
  postForm,
  type ClientCredentials,
  type IdpResponse,
} from './idp-http.ts';
import { accessTokenExpiry, refreshTokenExpiry } from './token-timing.ts';

/** A token pair with the times the manager needs; times in epoch ms. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  obtainedAt: number;
  accessExpiresAt: number;
  refreshExpiresAt: number;
}

export type RevokeOutcome =
  | { kind: 'revoked' }
  | { kind: 'unsupported'; status: number }
  | { kind: 'failed'; reason: string };

/**
 * ANAF's procedure lists status 255 for a user who asks for several tokens.
 * It is in the 2xx range, so it is checked before the body is parsed.
 */
export const MULTIPLE_TOKENS_STATUS = 255;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().optional(),
});

const oauthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

type Grant = 'authorization_code' | 'refresh_token';

export interface TokenClientOptions {
  idp: IdpConfig;
  logger: Logger;
  /** Defaults to a dispatcher that trusts `idp.caCert` for its origin. */
  dispatcher?: Dispatcher;
  now?: () => number;
}

/**
 * Talks to the identity provider's token and revoke endpoints with HTTP
 * Basic client authentication. Every failure is an `AppFailure` with one of
 * the `auth.*` codes.
 */
export class TokenClient {
  readonly #endpoints: IdpEndpoints;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #logger: Logger;
  readonly #now: () => number;

  constructor(options: TokenClientOptions) {
    this.#endpoints = idpEndpoints(options.idp);
    this.#ownsDispatcher = !options.dispatcher;
    this.#dispatcher = options.dispatcher ?? createIdpDispatcher(options.idp);
    this.#logger = options.logger.child('token');
    this.#now = options.now ?? Date.now;
  }

  /**
   * Exchanges an authorization code. Call it as soon as the callback
   * arrives: ANAF keeps a code valid for about 60 seconds.
   */
  async exchangeCode(
    credentials: ClientCredentials,
    code: string,
    redirectUri: string,
  ): Promise<TokenSet> {
    registerSecret(code);
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      token_content_type: 'jwt',
    };
    return this.#requestTokens('authorization_code', credentials, form);
  }

  /**
   * Uses the refresh token. The response carries a new refresh token, which
   * replaces the old one. If it carries none, the old one is kept.
   */
  async refresh(
    credentials: ClientCredentials,
    refreshToken: string,
  ): Promise<TokenSet> {
    const form = {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      token_content_type: 'jwt',
    };
    return this.#requestTokens(
      'refresh_token',
      credentials,
      form,
      refreshToken,
    );
  }

  /**
   * Tries RFC 7009 revocation. ANAF's revoke endpoint responds with a
   * redirect to its login page, which is reported as `unsupported`.
   */
  async revoke(
    credentials: ClientCredentials,
    token: string,
    hint: 'access_token' | 'refresh_token',
  ): Promise<RevokeOutcome> {
    const form = { token, token_type_hint: hint };
    let response: IdpResponse;
    try {
      response = await postForm(
        this.#endpoints.revoke,
        form,
        credentials,
        this.#dispatcher,
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'failed', reason };
    }
    this.#logger.info('Revoke endpoint responded', {
      status: response.status,
      hint,
    });

    if (response.status === 200) return { kind: 'revoked' };
    if (response.status >= 300 && response.status < 400) {
      return { kind: 'unsupported', status: response.status };
    }
    return {
      kind: 'failed',
      reason: `The revoke endpoint answered HTTP ${response.status}.`,
    };
  }

  /** Closes the connections, when the client created its own dispatcher. */
  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  async #requestTokens(
    grant: Grant,
    credentials: ClientCredentials,
    form: Record<string, string>,
    previousRefreshToken?: string,
  ): Promise<TokenSet> {
    registerSecret(credentials.clientSecret);
    const response = await postForm(
      this.#endpoints.token,
      form,
      credentials,
      this.#dispatcher,
    );
    this.#logger.info('Token endpoint responded', {
      grant,
      status: response.status,
    });

    if (response.status === MULTIPLE_TOKENS_STATUS) {
      throw authFailure('auth.multipleTokens');
    }
    if (response.status !== 200) {
      throw this.#failureFor(grant, response);
    }
    return this.#parseTokens(response, previousRefreshToken);
  }

  #parseTokens(response: IdpResponse, previousRefreshToken?: string) {
    const parsed = tokenResponseSchema.safeParse(parseJson(response.text));
    if (!parsed.success) {
      throw authFailure('auth.network', {
        detail: 'The identity provider sent a token answer without tokens.',
      });
    }
    const body = parsed.data;
    if (body.token_type && body.token_type.toLowerCase() !== 'bearer') {
      throw new AppFailure(
        'internal',
        `The identity provider issued a ${body.token_type} token; only ` +
          'Bearer tokens are supported.',
      );
    }

    const refreshToken = body.refresh_token ?? previousRefreshToken;
    if (!refreshToken) {
      throw authFailure('auth.network', {
        detail: 'The identity provider sent no refresh token.',
      });
    }
    registerSecret(body.access_token);
    registerSecret(refreshToken);

    const now = this.#now();
    return {
      accessToken: body.access_token,
      refreshToken,
      obtainedAt: now,
      accessExpiresAt: accessTokenExpiry(
        body.access_token,
        body.expires_in,
        now,
      ),
      refreshExpiresAt: refreshTokenExpiry(refreshToken, now),
    };
  }

  #failureFor(grant: Grant, response: IdpResponse): AppFailure {
    const oauth = oauthErrorSchema.safeParse(parseJson(response.text));
    if (oauth.success) {
      this.#logger.warn('Token request rejected', {
        grant,
        status: response.status,
        error: oauth.data.error,
      });
      return mapOauthError(grant, oauth.data);
    }

    if (response.status === 401) return authFailure('auth.invalidClient');
    const location = response.headers.location;
    const where = location ? ' (a redirect, probably to a login page)' : '';
    this.#logger.warn('Token request failed', {
      grant,
      status: response.status,
    });
    const origin = new URL(this.#endpoints.token).origin;
    return authFailure('auth.network', {
      detail: `The token endpoint at ${origin} answered HTTP ${response.status}${where}.`,
    });
  }
}

/** Maps an RFC 6749 section 5.2 error to the app's codes. */
export function mapOauthError(
  grant: Grant,
  error: { error: string; error_description?: string | undefined },
): AppFailure {
  const description = error.error_description?.slice(0, 200);
  const detail = `The identity provider answered ${error.error}${description ? `: ${description}` : ''}.`;
  const mentionsRedirect = /redirect/i.test(error.error_description ?? '');

  switch (error.error) {
    case 'invalid_client':
    case 'unauthorized_client':
      return authFailure('auth.invalidClient', { detail });
    case 'invalid_grant':
      if (grant === 'refresh_token') {
        return authFailure('auth.refreshExpired', { detail });
      }
      return mentionsRedirect
        ? authFailure('auth.redirectNotRegistered', { detail })
        : authFailure('auth.codeExpired', { detail });
    case 'invalid_redirect_uri':
      return authFailure('auth.redirectNotRegistered', { detail });
    case 'server_error':
    case 'temporarily_unavailable':
      return authFailure('auth.network', { detail });
    default:
      if (mentionsRedirect) {
        return authFailure('auth.redirectNotRegistered', { detail });
      }
      return new AppFailure('internal', `The token request failed. ${detail}`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
