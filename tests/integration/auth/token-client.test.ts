import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { buildAuthorizeUrl } from '../../../electron/core/auth/authorize.ts';
import { createIdpDispatcher } from '../../../electron/core/auth/idp.ts';
import { matchCallback } from '../../../electron/core/auth/callback.ts';
import { createSandboxTransport } from '../../../electron/core/auth/sandbox-login.ts';
import { TokenClient } from '../../../electron/core/auth/token-client.ts';
import { decodeJwtPayload } from '../../../electron/core/auth/token-timing.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { AppFailure } from '../../../shared/result.ts';
import {
  freePort,
  startAuthSandbox,
  type AuthSandbox,
} from './sandbox-fixture.ts';

const ACCESS_SECONDS = 3600;
const REFRESH_SECONDS = 7200;

let env: AuthSandbox;
let client: TokenClient;
const { logger } = createMemoryLogger();

beforeAll(async () => {
  env = await startAuthSandbox({
    accessTokenLifetimeSeconds: ACCESS_SECONDS,
    refreshTokenLifetimeSeconds: REFRESH_SECONDS,
  });
  client = new TokenClient({
    idp: env.idp,
    logger,
    now: () => env.sandbox.now().getTime(),
  });
});

afterAll(async () => {
  await client.close();
  await env.close();
});

beforeEach(async () => {
  await env.admin('DELETE', '/faults');
  await env.admin('PATCH', '/settings', { revokeMode: 'redirect' });
});

function credentials(secret = env.sandbox.info.clientSecret) {
  return { clientId: env.sandbox.info.clientId, clientSecret: secret };
}

/** Runs authorize with the first sandbox certificate and returns the code. */
async function authorizeCode(): Promise<string> {
  const { info } = env.sandbox;
  const state = 'state-for-test-123';
  const transport = createSandboxTransport({
    idp: env.idp,
    certificate: info.certificates[0]!,
    logger,
  });
  const result = await transport({
    authorizeUrl: buildAuthorizeUrl(env.idp, {
      clientId: info.clientId,
      redirectUri: info.redirectUri,
      state,
    }),
    redirectUri: info.redirectUri,
    match: (url) =>
      matchCallback(url, { redirectUri: info.redirectUri, state }),
    signal: new AbortController().signal,
  });
  return result.code;
}

async function failureCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return error instanceof AppFailure ? error.code : String(error);
}

describe('TokenClient against the sandbox', () => {
  it('exchanges a code for JWT tokens', async () => {
    const tokens = await client.exchangeCode(
      credentials(),
      await authorizeCode(),
      env.sandbox.info.redirectUri,
    );
    expect(decodeJwtPayload(tokens.accessToken)?.exp).toBeTypeOf('number');
  });

  it('reads the access expiry from the JWT', async () => {
    const tokens = await client.exchangeCode(
      credentials(),
      await authorizeCode(),
      env.sandbox.info.redirectUri,
    );
    const exp = decodeJwtPayload(tokens.accessToken)?.exp as number;
    expect(tokens.accessExpiresAt).toBe(exp * 1000);
  });

  it('reads the refresh expiry from the JWT', async () => {
    const tokens = await client.exchangeCode(
      credentials(),
      await authorizeCode(),
      env.sandbox.info.redirectUri,
    );
    // `exp` has whole seconds and the receipt time has milliseconds, so a
    // slow round trip can shorten the measured lifetime by a second or two.
    const lifetimeSeconds = (tokens.refreshExpiresAt - tokens.obtainedAt) / 1000;
    expect(Math.abs(lifetimeSeconds - REFRESH_SECONDS)).toBeLessThanOrEqual(2);
  });

  it('rotates the refresh token', async () => {
    const first = await client.exchangeCode(
      credentials(),
      await authorizeCode(),
      env.sandbox.info.redirectUri,
    );
    const second = await client.refresh(credentials(), first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
  });

  it('issues a new access token on refresh', async () => {
    const first = await client.exchangeCode(
      credentials(),
      await authorizeCode(),
      env.sandbox.info.redirectUri,
    );
    const second = await client.refresh(credentials(), first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
  });

  it('maps a wrong secret to invalidClient', async () => {
    const code = await authorizeCode();
    const exchange = client.exchangeCode(
      credentials('wrong-secret'),
      code,
      env.sandbox.info.redirectUri,
    );
    expect(await failureCode(exchange)).toBe('auth.invalidClient');
  });

  it('maps a reused code to codeExpired', async () => {
    const code = await authorizeCode();
    const { redirectUri } = env.sandbox.info;
    await client.exchangeCode(credentials(), code, redirectUri);
    const again = client.exchangeCode(credentials(), code, redirectUri);
    expect(await failureCode(again)).toBe('auth.codeExpired');
  });

  it('maps a late code to codeExpired', async () => {
    const code = await authorizeCode();
    env.sandbox.advanceClock(61_000);
    const late = client.exchangeCode(
      credentials(),
      code,
      env.sandbox.info.redirectUri,
    );
    expect(await failureCode(late)).toBe('auth.codeExpired');
  });

  it('maps an expired refresh token to refreshExpired', async () => {
    const tokens = await client.exchangeCode(
      credentials(),
      await authorizeCode(),
      env.sandbox.info.redirectUri,
    );
    env.sandbox.advanceClock((REFRESH_SECONDS + 1) * 1000);
    const refresh = client.refresh(credentials(), tokens.refreshToken);
    expect(await failureCode(refresh)).toBe('auth.refreshExpired');
  });

  it('maps status 255 to multipleTokens', async () => {
    const code = await authorizeCode();
    await env.admin('POST', '/faults', { fault: 'token:status-255@1' });
    const exchange = client.exchangeCode(
      credentials(),
      code,
      env.sandbox.info.redirectUri,
    );
    expect(await failureCode(exchange)).toBe('auth.multipleTokens');
  });

  it('sends one token call on status 255', async () => {
    const code = await authorizeCode();
    await env.admin('POST', '/faults', { fault: 'token:status-255' });
    const before = (await env.tokenStatuses())['255'] ?? 0;
    await client
      .exchangeCode(credentials(), code, env.sandbox.info.redirectUri)
      .catch(() => undefined);
    expect((await env.tokenStatuses())['255']).toBe(before + 1);
  });

  it('maps a 5xx answer to network', async () => {
    await env.admin('POST', '/faults', { fault: 'token:error-before=503@1' });
    const refresh = client.refresh(credentials(), 'any-refresh-token');
    expect(await failureCode(refresh)).toBe('auth.network');
  });

  it('maps an unreachable IdP to network', async () => {
    const port = await freePort();
    const offline = new TokenClient({
      idp: {
        provider: 'sandbox',
        baseUrl: `https://127.0.0.1:${port}/anaf-oauth2/v1`,
      },
      logger,
    });
    const refresh = offline.refresh(credentials(), 'any-refresh-token');
    expect(await failureCode(refresh)).toBe('auth.network');
    await offline.close();
  });

  it('reports the redirecting revoke as unsupported', async () => {
    const outcome = await client.revoke(
      credentials(),
      'some-token',
      'refresh_token',
    );
    expect(outcome.kind).toBe('unsupported');
  });

  it('revokes under RFC 7009', async () => {
    await env.admin('PATCH', '/settings', { revokeMode: 'rfc7009' });
    const tokens = await client.exchangeCode(
      credentials(),
      await authorizeCode(),
      env.sandbox.info.redirectUri,
    );
    const outcome = await client.revoke(
      credentials(),
      tokens.refreshToken,
      'refresh_token',
    );
    expect(outcome.kind).toBe('revoked');
  });

  it('cannot refresh with a revoked token', async () => {
    await env.admin('PATCH', '/settings', { revokeMode: 'rfc7009' });
    const tokens = await client.exchangeCode(
      credentials(),
      await authorizeCode(),
      env.sandbox.info.redirectUri,
    );
    await client.revoke(credentials(), tokens.refreshToken, 'refresh_token');
    const refresh = client.refresh(credentials(), tokens.refreshToken);
    expect(await failureCode(refresh)).toBe('auth.refreshExpired');
  });

  it('uses the sandbox CA for its origin only', async () => {
    const dispatcher = createIdpDispatcher(env.idp);
    const elsewhere = request('https://127.0.0.1:9/', { dispatcher });
    await expect(elsewhere).rejects.toThrow(/rejected a request/);
    await dispatcher.close();
  });

  it('logs no token', async () => {
    const { logger: watched, lines } = createMemoryLogger();
    const watchedClient = new TokenClient({ idp: env.idp, logger: watched });
    const tokens = await watchedClient.exchangeCode(
      credentials(),
      await authorizeCode(),
      env.sandbox.info.redirectUri,
    );
    await watchedClient.refresh(credentials(), tokens.refreshToken);
    await watchedClient.close();
    const text = lines.join('\n');
    expect(
      text.includes(tokens.refreshToken) || text.includes(tokens.accessToken),
    ).toBe(false);
  });
});
