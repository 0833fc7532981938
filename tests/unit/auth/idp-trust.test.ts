import { describe, expect, it } from 'vitest';
import {
  issueCa,
  issueServerCertificate,
} from '../../../electron/sandbox/pki.ts';
import { isTrustedByIdpCa } from '../../../electron/shell/auth/idp-trust.ts';

const DAY = 86_400_000;
const ORIGIN = 'https://127.0.0.1:8443';
const AUTHORIZE = `${ORIGIN}/anaf-oauth2/v1/authorize?state=s1`;

// The sandbox's own issuers, so the certificates match what the sandbox serves.
const ca = issueCa();
const server = issueServerCertificate(ca);
const otherCa = issueCa();
const otherServer = issueServerCertificate(otherCa);
const trust = { origin: ORIGIN, caCertPem: ca.certPem };

describe('isTrustedByIdpCa', () => {
  it('trusts the CA on its origin', () => {
    expect(isTrustedByIdpCa(AUTHORIZE, server.certPem, trust)).toBe(true);
  });

  const otherUrls: Array<[string, string]> = [
    ['other port', 'https://127.0.0.1:8444/anaf-oauth2/v1/authorize'],
    ['other host named by the certificate', 'https://localhost:8443/x'],
    ['http scheme', 'http://127.0.0.1:8443/x'],
    ['another host', 'https://evil.test:8443/x'],
    ['unparsable URL', 'not a url'],
  ];

  it.each(otherUrls)('rejects %s', (_name, url) => {
    expect(isTrustedByIdpCa(url, server.certPem, trust)).toBe(false);
  });

  it('rejects a certificate from another CA', () => {
    expect(isTrustedByIdpCa(AUTHORIZE, otherServer.certPem, trust)).toBe(false);
  });

  it('rejects the CA certificate itself', () => {
    expect(isTrustedByIdpCa(AUTHORIZE, ca.certPem, trust)).toBe(false);
  });

  it('rejects an expired certificate', () => {
    const later = Date.now() + 900 * DAY;
    expect(isTrustedByIdpCa(AUTHORIZE, server.certPem, trust, later)).toBe(
      false,
    );
  });

  it('rejects a certificate not yet valid', () => {
    const earlier = Date.now() - 2 * DAY;
    expect(isTrustedByIdpCa(AUTHORIZE, server.certPem, trust, earlier)).toBe(
      false,
    );
  });

  it('rejects a host the certificate does not name', () => {
    const elsewhere = {
      origin: 'https://127.0.0.2:8443',
      caCertPem: ca.certPem,
    };
    const url = 'https://127.0.0.2:8443/x';
    expect(isTrustedByIdpCa(url, server.certPem, elsewhere)).toBe(false);
  });

  it('rejects text that is not a certificate', () => {
    expect(isTrustedByIdpCa(AUTHORIZE, 'not a certificate', trust)).toBe(false);
  });
});
