import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './harness.ts';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox({
    redirectUris: [
      'https://localhost:9002/callback',
      'https://127.0.0.1:9555/cb',
    ],
  });
});

afterAll(async () => {
  await t.close();
});

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('authorize', () => {
  it('redirects with code and state', async () => {
    const location = await t.authorizeCode(0);
    expect(location.origin + location.pathname).toBe(
      'https://localhost:9002/callback',
    );
    expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{32}$/);
    expect(location.searchParams.get('state')).toBe('st-1');
  });

  it('denies access without a certificate', async () => {
    const location = await t.authorizeCode(null);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st-1');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('accepts a second registered callback', async () => {
    const location = await t.authorizeCode(0, {
      redirect_uri: 'https://127.0.0.1:9555/cb',
    });
    expect(location.host).toBe('127.0.0.1:9555');
    expect(location.searchParams.has('code')).toBe(true);
  });

  it('refuses an unregistered callback', async () => {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: t.info.clientId,
      redirect_uri: 'https://evil.example/callback',
    });
    const result = await t.call('GET', `${t.info.idpUrl}/authorize?${query}`, {
      certificate: 0,
    });
    expect(result.status).toBe(400);
    expect(result.headers.location).toBeUndefined();
  });

  it('refuses an unknown client', async () => {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: 'someone-else',
      redirect_uri: t.info.redirectUri,
    });
    const result = await t.call('GET', `${t.info.idpUrl}/authorize?${query}`, {
      certificate: 0,
    });
    expect(result.status).toBe(400);
  });
});

describe('token', () => {
  it('exchanges a code for a JWT pair', async () => {
    const tokens = await t.login(0, 'jwt');
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBe(90 * 86_400);
    const header = decodeProtectedHeader(tokens.access_token);
    expect(header.alg).toBe('RS512');
    const claims = decodeJwt(tokens.access_token);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(90 * 86_400);
    expect(claims.serial).toBe(t.info.certificates[0]?.serial);
    const refresh = decodeJwt(tokens.refresh_token);
    expect((refresh.exp ?? 0) - (refresh.iat ?? 0)).toBe(365 * 86_400);
  });

  it('issues opaque tokens without token_content_type', async () => {
    const tokens = await t.login(0, 'opaque');
    expect(tokens.access_token).toMatch(/^[0-9a-f]{64}$/);
    expect(tokens.refresh_token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts credentials in the form body', async () => {
    const code = (await t.authorizeCode(0)).searchParams.get('code') ?? '';
    const result = await t.call('POST', `${t.info.idpUrl}/token`, {
      headers: FORM,
      body: form({
        grant_type: 'authorization_code',
        code,
        redirect_uri: t.info.redirectUri,
        client_id: t.info.clientId,
        client_secret: t.info.clientSecret,
      }),
    });
    expect(result.status).toBe(200);
    expect(result.json().access_token).toBeTypeOf('string');
  });

  it('rejects a wrong client secret', async () => {
    const code = (await t.authorizeCode(0)).searchParams.get('code') ?? '';
    const result = await t.call('POST', `${t.info.idpUrl}/token`, {
      headers: {
        ...FORM,
        authorization: `Basic ${Buffer.from(`${t.info.clientId}:wrong`).toString('base64')}`,
      },
      body: form({
        grant_type: 'authorization_code',
        code,
        redirect_uri: t.info.redirectUri,
      }),
    });
    expect(result.status).toBe(400);
    expect(result.json().error).toBe('invalid_client');
  });

  it('uses a code only once', async () => {
    const code = (await t.authorizeCode(0)).searchParams.get('code') ?? '';
    expect((await t.exchangeCode(code)).status).toBe(200);
    const second = await t.exchangeCode(code);
    expect(second.status).toBe(400);
    expect(second.json().error).toBe('invalid_grant');
  });

  it('expires a code after 60 seconds', async () => {
    const code = (await t.authorizeCode(0)).searchParams.get('code') ?? '';
    await t.advance(61_000);
    const result = await t.exchangeCode(code);
    expect(result.status).toBe(400);
    expect(result.json().error).toBe('invalid_grant');
  });

  it('rejects a redirect_uri that differs', async () => {
    const code = (await t.authorizeCode(0)).searchParams.get('code') ?? '';
    const result = await t.exchangeCode(code, {
      redirect_uri: 'https://127.0.0.1:9555/cb',
    });
    expect(result.json().error).toBe('invalid_grant');
  });

  it('rejects an unknown grant type', async () => {
    const result = await t.call('POST', `${t.info.idpUrl}/token`, {
      headers: FORM,
      body: form({
        grant_type: 'client_credentials',
        client_id: t.info.clientId,
        client_secret: t.info.clientSecret,
      }),
    });
    expect(result.json().error).toBe('unsupported_grant_type');
  });

  it('rejects a JSON body', async () => {
    const result = await t.call('POST', `${t.info.idpUrl}/token`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code' }),
    });
    expect(result.status).toBe(400);
    expect(result.json().error).toBe('invalid_request');
  });
});

describe('refresh', () => {
  async function refresh(
    token: string,
  ): Promise<ReturnType<TestSandbox['call']>> {
    return t.call('POST', `${t.info.idpUrl}/token`, {
      headers: FORM,
      body: form({
        grant_type: 'refresh_token',
        refresh_token: token,
        client_id: t.info.clientId,
        client_secret: t.info.clientSecret,
      }),
    });
  }

  it('rotates the refresh token', async () => {
    const first = await t.login(0, 'jwt');
    const result = await refresh(first.refresh_token);
    expect(result.status).toBe(200);
    const second = result.json<{
      access_token: string;
      refresh_token: string;
    }>();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(decodeProtectedHeader(second.access_token).alg).toBe('RS512');
  });

  it('keeps the opaque format on refresh', async () => {
    const first = await t.login(0, 'opaque');
    const second = (await refresh(first.refresh_token)).json<{
      access_token: string;
    }>();
    expect(second.access_token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a rotated token by default', async () => {
    const first = await t.login(0, 'jwt');
    await refresh(first.refresh_token);
    expect((await refresh(first.refresh_token)).status).toBe(200);
  });

  it('rejects a rotated token when configured', async () => {
    await t.admin('PATCH', '/settings', { oldRefreshTokenValid: false });
    try {
      const first = await t.login(0, 'jwt');
      expect((await refresh(first.refresh_token)).status).toBe(200);
      const again = await refresh(first.refresh_token);
      expect(again.status).toBe(400);
      expect(again.json().error).toBe('invalid_grant');
    } finally {
      await t.admin('PATCH', '/settings', { oldRefreshTokenValid: true });
    }
  });

  it('rejects an access token as refresh token', async () => {
    const first = await t.login(0, 'jwt');
    expect((await refresh(first.access_token)).json().error).toBe(
      'invalid_grant',
    );
  });
});

describe('revoke', () => {
  it('redirects to the login wall by default', async () => {
    const tokens = await t.login(0, 'jwt');
    const result = await t.call('POST', `${t.info.idpUrl}/revoke`, {
      headers: FORM,
      body: form({ token: tokens.access_token }),
    });
    expect(result.status).toBe(302);
    expect(new URL(result.headers.location ?? '').pathname).toBe('/my.policy');
    const hello = await t.call('GET', '/TestOauth/jaxrs/hello?name=x', {
      token: tokens.access_token,
    });
    expect(hello.status).toBe(200);
  });

  it('revokes as RFC 7009 when asked', async () => {
    await t.admin('PATCH', '/settings', { revokeMode: 'rfc7009' });
    try {
      const tokens = await t.login(0, 'jwt');
      const result = await t.call('POST', `${t.info.idpUrl}/revoke`, {
        headers: FORM,
        body: form({
          token: tokens.access_token,
          token_type_hint: 'access_token',
          client_id: t.info.clientId,
          client_secret: t.info.clientSecret,
        }),
      });
      expect(result.status).toBe(200);
      const hello = await t.call('GET', '/TestOauth/jaxrs/hello?name=x', {
        token: tokens.access_token,
      });
      expect(hello.status).toBe(401);
    } finally {
      await t.admin('PATCH', '/settings', { revokeMode: 'redirect' });
    }
  });
});

describe('status 255 fault', () => {
  it('answers 255 once, then tokens again', async () => {
    await t.admin('POST', '/faults', { fault: 'token:status-255@1' });
    const code = (await t.authorizeCode(0)).searchParams.get('code') ?? '';
    const first = await t.exchangeCode(code);
    expect(first.status).toBe(255);
    const second = await t.exchangeCode(code);
    expect(second.status).toBe(200);
  });
});

describe('lifetimes', () => {
  let short: TestSandbox;

  beforeAll(async () => {
    short = await startTestSandbox({
      accessTokenLifetimeSeconds: 60,
      refreshTokenLifetimeSeconds: 120,
    });
  });

  afterAll(async () => {
    await short.close();
  });

  function refreshWith(token: string): ReturnType<TestSandbox['call']> {
    return short.call('POST', `${short.info.idpUrl}/token`, {
      headers: FORM,
      body: form({
        grant_type: 'refresh_token',
        refresh_token: token,
        client_id: short.info.clientId,
        client_secret: short.info.clientSecret,
      }),
    });
  }

  it('follows the configured lifetimes', async () => {
    const tokens = await short.login(0, 'jwt');
    expect(tokens.expires_in).toBe(60);
    const claims = decodeJwt(tokens.refresh_token);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(120);
  });

  it('rejects an expired access token with 401', async () => {
    const tokens = await short.login(0, 'opaque');
    await short.advance(61_000);
    const result = await short.call('GET', '/TestOauth/jaxrs/hello?name=x', {
      token: tokens.access_token,
    });
    expect(result.status).toBe(401);
    expect(result.headers['www-authenticate']).toContain('expired');
    expect((await refreshWith(tokens.refresh_token)).status).toBe(200);
  });

  it('rejects an expired refresh token', async () => {
    const tokens = await short.login(0, 'jwt');
    await short.advance(121_000);
    const result = await refreshWith(tokens.refresh_token);
    expect(result.status).toBe(400);
    expect(result.json().error).toBe('invalid_grant');
  });
});
