import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * A CA trusted for one identity provider's origin only: the embedded
 * sandbox's own CA. ANAF's server certificates chain to the system's CAs and
 * need none.
 */
export interface TrustedIdpCa {
  /** The only origin the CA is trusted for, e.g. `https://127.0.0.1:8443`. */
  origin: string;
  /** The CA certificate, PEM. */
  caCertPem: string;
}

/**
 * Decides whether a server certificate that Chromium rejected may be trusted
 * after all. The URL must be on the trusted origin exactly, and the
 * certificate must be signed by the CA, valid at `now` and issued for the
 * URL's host. Returns false on any parse error.
 */
export function isTrustedByIdpCa(
  url: string,
  certificatePem: string,
  trust: TrustedIdpCa,
  now: number = Date.now(),
): boolean {
  try {
    const target = new URL(url);
    if (target.origin !== new URL(trust.origin).origin) return false;

    const ca = new X509Certificate(trust.caCertPem);
    const certificate = new X509Certificate(certificatePem);
    if (!certificate.checkIssued(ca)) return false;
    if (!certificate.verify(ca.publicKey)) return false;
    if (!isValidAt(certificate, now)) return false;
    return namesHost(certificate, target.hostname);
  } catch {
    return false;
  }
}

function isValidAt(certificate: X509Certificate, now: number): boolean {
  const from = Date.parse(certificate.validFrom);
  const to = Date.parse(certificate.validTo);
  return now >= from && now <= to;
}

/** Checks the host against the certificate's names. URLs put IPv6 hosts in brackets. */
function namesHost(certificate: X509Certificate, hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) !== 0) return certificate.checkIP(host) !== undefined;
  return certificate.checkHost(host) !== undefined;
}
