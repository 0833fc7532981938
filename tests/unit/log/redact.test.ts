import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { redactFields, redactText, registerSecret } from '../../../electron/core/log/redact.ts';

const jwt = 'eyJhbGciOiJSUzUxMiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe('redactText', () => {
  it.each([
    ['a Bearer header', `Authorization: Bearer ${jwt}`, jwt],
    ['a Basic header', 'authorization=Basic M2Y5ZTBjMWE3YjpzM2NyM3Q=', 'M2Y5ZTBjMWE3YjpzM2NyM3Q='],
    ['a bare JWT', `token ${jwt} rejected`, jwt],
    ['a code in a callback URL', 'https://localhost:9002/callback?code=9b1d4e7a2c&state=k8s2', '9b1d4e7a2c'],
    ['a state in a callback URL', 'https://localhost:9002/callback?code=9b1d4e7a2c&state=k8s2', 'k8s2'],
    ['a refresh token in a form body', 'grant_type=refresh_token&refresh_token=rt-123456', 'rt-123456'],
    ['a client secret in a form body', 'client_id=abc&client_secret=s3cr3tvalue', 's3cr3tvalue'],
    ['an access token in JSON', '{"access_token":"at-987654","token_type":"Bearer"}', 'at-987654'],
    ['a query string', 'GET https://api.anaf.ro/prod/FCTEL/rest/descarcare?id=3001474425 failed', '3001474425'],
  ])('removes %s', (_name, input, secret) => {
    expect(redactText(input)).not.toContain(secret);
  });

  it('keeps the URL path for context', () => {
    expect(redactText('GET https://api.anaf.ro/prod/FCTEL/rest/stareMesaj?id_incarcare=5')).toContain(
      'https://api.anaf.ro/prod/FCTEL/rest/stareMesaj?',
    );
  });

  it('removes a registered opaque value wherever it appears', () => {
    registerSecret('0123456789abcdef0123456789abcdef');
    expect(redactText('saw 0123456789abcdef0123456789abcdef in a body')).toBe('saw [redacted] in a body');
  });

  it('leaves ordinary text alone', () => {
    expect(redactText('Sync finished for CIF 12345678: 4 new invoices')).toBe(
      'Sync finished for CIF 12345678: 4 new invoices',
    );
  });
});

describe('redactFields', () => {
  it('drops values of secret-named keys', () => {
    expect(redactFields({ accessToken: 'x'.repeat(20), cif: '123' })).toEqual({ accessToken: '[redacted]', cif: '123' });
  });

  it('drops an authorization code field', () => {
    expect(redactFields({ code: '9b1d4e7a2c' })).toEqual({ code: '[redacted]' });
  });

  it.each(['anaf.rateLimited', 'ECONNRESET', 'ERR_TLS_CERT_ALTNAME_INVALID'])('keeps the error code %s', (code) => {
    expect(redactFields({ code })).toEqual({ code });
  });

  it('redacts nested strings', () => {
    const out = redactFields({ request: { url: 'https://x.ro/a?code=secret1' } }) as { request: { url: string } };
    expect(out.request.url).not.toContain('secret1');
  });
});

describe('logger', () => {
  it('writes the component tag and redacted fields', () => {
    const { logger, lines } = createMemoryLogger();
    logger.child('auth').info('Token refreshed', { refresh_token: 'r'.repeat(30), account: 'a1' });
    expect(lines[0]).toBe('info [app:auth] Token refreshed {"refresh_token":"[redacted]","account":"a1"}');
  });
});
