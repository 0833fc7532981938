// The identity provider, behaving as logincert.anaf.ro does. `authorize`
// needs the representative's client certificate and redirects to a
// registered https callback. `token` takes client credentials as HTTP Basic
// or as form fields. `revoke` redirects to the F5 login wall unless RFC 7009
// behaviour is configured.
import type { TLSSocket } from 'node:tls';
import type { Call, Sandbox } from './context.ts';
import { jsonReply, redirectReply, reply, type Reply } from './http.ts';
import type { TokenFormat } from './tokens.ts';

const MAX_FORM_BYTES = 64 * 1024;

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unsupported_grant_type';

function oauthError(error: OAuthErrorCode, description: string): Reply {
  const body = jsonReply({ error, error_description: description }, 400);
  body.headers['cache-control'] = 'no-store';
  return body;
}

function withQuery(
  base: string,
  params: Record<string, string | null>,
): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) {
    if (value !== null) url.searchParams.append(name, value);
  }
  return url.toString();
}

/** Returns the serial of the presented client certificate if the sandbox's CA issued it. */
function presentedSerial(call: Call): string | null {
  const socket = call.req.socket as TLSSocket;
  if (!socket.authorized) return null;
  const certificate = socket.getPeerCertificate();
  if (!certificate.serialNumber) return null;
  const serial = certificate.serialNumber.toUpperCase();
  return call.sandbox.clientsBySerial.has(serial) ? serial : null;
}

function htmlPage(status: number, title: string, text: string): Reply {
  return reply(
    status,
    'text/html; charset=utf-8',
    `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`,
  );
}

export function handleAuthorize(call: Call): Reply {
  const { sandbox } = call;
  const clientId = call.query('client_id');
  const redirectUri = call.query('redirect_uri');
  const state = call.query('state');

  // Never redirect to a callback that is not registered for this client.
  if (clientId !== sandbox.store.clientId) {
    return htmlPage(400, 'Invalid request', 'Unknown client_id.');
  }
  if (
    redirectUri === null ||
    !sandbox.settings.redirectUris.includes(redirectUri)
  ) {
    return htmlPage(
      400,
      'Invalid request',
      'The redirect_uri is not registered for this application.',
    );
  }
  if (call.query('response_type') !== 'code') {
    return redirectReply(
      withQuery(redirectUri, { error: 'unsupported_response_type', state }),
    );
  }

  const serial = presentedSerial(call);
  if (serial === null) {
    return redirectReply(
      withQuery(redirectUri, { error: 'access_denied', state }),
    );
  }

  const format: TokenFormat =
    call.query('token_content_type') === 'jwt' ? 'jwt' : 'opaque';
  const code = sandbox.codes.issue({
    clientId,
    redirectUri,
    serial,
    format,
    expiresAt: call.now.getTime() + sandbox.settings.codeLifetimeSeconds * 1000,
  });
  sandbox.logger.info('authorization code issued', { serial });
  return redirectReply(withQuery(redirectUri, { code, state }));
}

interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** Reads HTTP Basic credentials, else the client_id/client_secret form fields. */
function clientCredentials(
  call: Call,
  form: URLSearchParams,
): ClientCredentials | null {
  const header = call.req.headers.authorization;
  if (header?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString(
      'utf8',
    );
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon)),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  }
  const clientId = form.get('client_id');
  const clientSecret = form.get('client_secret');
  if (clientId === null || clientSecret === null) return null;
  return { clientId, clientSecret };
}

function authenticateClient(
  sandbox: Sandbox,
  credentials: ClientCredentials | null,
): boolean {
  return (
    credentials !== null &&
    credentials.clientId === sandbox.store.clientId &&
    credentials.clientSecret === sandbox.store.clientSecret
  );
}

async function readForm(call: Call): Promise<URLSearchParams | null> {
  const contentType = call.req.headers['content-type'] ?? '';
  const body = await call.body(MAX_FORM_BYTES);
  if (
    body.tooLarge ||
    !contentType.startsWith('application/x-www-form-urlencoded')
  ) {
    return null;
  }
  return new URLSearchParams(body.bytes.toString('utf8'));
}

export async function handleToken(call: Call): Promise<Reply> {
  const form = await readForm(call);
  if (form === null) {
    return oauthError(
      'invalid_request',
      'The request body must be application/x-www-form-urlencoded',
    );
  }
  if (!authenticateClient(call.sandbox, clientCredentials(call, form))) {
    return oauthError('invalid_client', 'Client authentication failed');
  }

  const grantType = form.get('grant_type');
  if (grantType === null)
    return oauthError('invalid_request', 'Missing grant_type');
  if (grantType === 'authorization_code') return exchangeCode(call, form);
  if (grantType === 'refresh_token') return refresh(call, form);
  return oauthError(
    'unsupported_grant_type',
    `Unsupported grant_type ${grantType}`,
  );
}

async function exchangeCode(call: Call, form: URLSearchParams): Promise<Reply> {
  const { sandbox } = call;
  const value = form.get('code');
  if (value === null) return oauthError('invalid_request', 'Missing code');

  const redemption = sandbox.codes.redeem(value, call.now);
  if (!redemption.ok) {
    return oauthError(
      'invalid_grant',
      `The authorization code is ${redemption.reason}`,
    );
  }
  const { code } = redemption;
  if (code.clientId !== sandbox.store.clientId) {
    return oauthError('invalid_grant', 'The code was issued to another client');
  }
  if (form.get('redirect_uri') !== code.redirectUri) {
    return oauthError(
      'invalid_grant',
      'redirect_uri does not match the authorize request',
    );
  }

  const format: TokenFormat =
    form.get('token_content_type') === 'jwt' || code.format === 'jwt'
      ? 'jwt'
      : 'opaque';
  const tokens = await sandbox.tokens.issuePair(
    { serial: code.serial, clientId: code.clientId, format },
    call.now,
  );
  sandbox.logger.info('tokens issued', {
    serial: code.serial,
    format,
  });
  return tokenReply(tokens);
}

async function refresh(call: Call, form: URLSearchParams): Promise<Reply> {
  const { sandbox } = call;
  const value = form.get('refresh_token');
  if (value === null)
    return oauthError('invalid_request', 'Missing refresh_token');

  const record = await sandbox.tokens.findRefresh(
    value,
    call.now,
    sandbox.settings.oldRefreshTokenValid,
  );
  if (record === null || record.clientId !== sandbox.store.clientId) {
    return oauthError(
      'invalid_grant',
      'The refresh token is invalid, expired or revoked',
    );
  }

  // Without token_content_type the new pair keeps the original format.
  const format: TokenFormat =
    form.get('token_content_type') === 'jwt' ? 'jwt' : record.format;
  const tokens = await sandbox.tokens.issuePair(
    { serial: record.serial, clientId: record.clientId, format },
    call.now,
  );
  sandbox.tokens.markRotated(record);
  sandbox.logger.info('tokens refreshed', {
    serial: record.serial,
    format,
  });
  return tokenReply(tokens);
}

function tokenReply(tokens: object): Reply {
  const body = jsonReply(tokens);
  body.headers['cache-control'] = 'no-store';
  body.headers.pragma = 'no-cache';
  return body;
}

/**
 * ANAF's revoke URL returns a redirect to the F5 login page (`/my.policy`),
 * like any path its gateway does not serve to a headless client; with
 * `revokeMode: 'rfc7009'` the sandbox revokes as RFC 7009 describes.
 */
export async function handleRevoke(call: Call): Promise<Reply> {
  const { sandbox } = call;
  if (sandbox.settings.revokeMode === 'redirect') {
    await call.body(MAX_FORM_BYTES);
    return redirectReply(new URL('/my.policy', call.url).toString());
  }

  const form = await readForm(call);
  if (form === null) {
    return oauthError(
      'invalid_request',
      'The request body must be application/x-www-form-urlencoded',
    );
  }
  if (!authenticateClient(sandbox, clientCredentials(call, form))) {
    return oauthError('invalid_client', 'Client authentication failed');
  }
  const token = form.get('token');
  if (token === null) return oauthError('invalid_request', 'Missing token');

  // RFC 7009: an unknown token is not an error.
  await sandbox.tokens.revoke(token);
  return reply(200, 'application/json', '');
}

/** Serves the F5 login wall that the real revoke URL redirects to. */
export function handleLoginWall(): Reply {
  return htmlPage(
    200,
    'Autentificare',
    'Conectati-va cu certificatul digital pentru a continua.',
  );
}
