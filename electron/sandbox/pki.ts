// The sandbox's own public-key infrastructure: a test CA, the HTTPS server
// certificate, the certificate that signs downloaded messages (standing for
// the Ministry of Finance) and one client certificate per company
// representative. Node's crypto cannot write X.509 certificates or PKCS#12
// files, so node-forge builds them from keys that Node generates.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface KeyAndCertificate {
  certPem: string;
  keyPem: string;
}

export interface SubjectField {
  /** Short X.509 attribute name: CN, O, OU, L, C, serialNumber. */
  shortName: string;
  value: string;
}

interface IssueRequest {
  subject: SubjectField[];
  issuer: KeyAndCertificate | null;
  validityDays: number;
  extensions: object[];
}

const CA_SUBJECT: SubjectField[] = [
  { shortName: 'CN', value: 'e-Factura Sandbox Test CA' },
  { shortName: 'O', value: 'e-Factura Sandbox' },
  { shortName: 'C', value: 'RO' },
];

// Real test-environment ZIPs are signed by "CN=ANAF TEST, OU=ANAF-TEST";
// the sandbox's signer names itself plainly as not being ANAF's certificate.
const SIGNER_SUBJECT: SubjectField[] = [
  { shortName: 'CN', value: 'ANAF SANDBOX' },
  { shortName: 'OU', value: 'ANAF-SANDBOX' },
  { shortName: 'O', value: 'Ministerul Finantelor (sandbox)' },
  { shortName: 'L', value: 'Bucharest' },
  { shortName: 'C', value: 'RO' },
];

const RSA_BITS = 2048;

function newKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: RSA_BITS,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

/** A positive 16-byte serial in hex (X.509 serials must not be negative). */
function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x10;
  return bytes.toString('hex').toUpperCase();
}

function issue(request: IssueRequest): KeyAndCertificate {
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem);
  cert.serialNumber = newSerial();

  const notBefore = new Date(Date.now() - 60 * 60_000);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = new Date(
    notBefore.getTime() + request.validityDays * 86_400_000,
  );

  cert.setSubject(request.subject);
  const issuerCert = request.issuer
    ? forge.pki.certificateFromPem(request.issuer.certPem)
    : cert;
  cert.setIssuer(issuerCert.subject.attributes);
  cert.setExtensions(request.extensions);

  const signingKeyPem = request.issuer?.keyPem ?? keys.privateKeyPem;
  cert.sign(
    forge.pki.privateKeyFromPem(signingKeyPem),
    forge.md.sha256.create(),
  );
  return {
    certPem: forge.pki.certificateToPem(cert),
    keyPem: keys.privateKeyPem,
  };
}

export function issueCa(): KeyAndCertificate {
  return issue({
    subject: CA_SUBJECT,
    issuer: null,
    validityDays: 3650,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ],
  });
}

/** Issues the HTTPS certificate, valid for both loopback names the app may use. */
export function issueServerCertificate(
  ca: KeyAndCertificate,
): KeyAndCertificate {
  return issue({
    subject: [{ shortName: 'CN', value: 'localhost' }],
    issuer: ca,
    validityDays: 825,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
}

export function issueSignerCertificate(
  ca: KeyAndCertificate,
): KeyAndCertificate {
  return issue({
    subject: SIGNER_SUBJECT,
    issuer: ca,
    validityDays: 3650,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    ],
  });
}

/** Issues a representative's certificate, named as a qualified certificate would name them. */
export function issueClientCertificate(
  ca: KeyAndCertificate,
  personName: string,
): KeyAndCertificate {
  return issue({
    subject: [
      { shortName: 'CN', value: personName },
      { shortName: 'O', value: 'e-Factura Sandbox' },
      { shortName: 'C', value: 'RO' },
    ],
    issuer: ca,
    validityDays: 1095,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
      { name: 'extKeyUsage', clientAuth: true },
    ],
  });
}

/**
 * Packs a key and its chain as PKCS#12. The key bag uses AES-256-CBC with
 * PBKDF2 and the MAC uses SHA-1, which Node's OpenSSL 3 reads without its
 * legacy provider (files with RC2-40 bags need that provider).
 */
export function toPkcs12(
  pair: KeyAndCertificate,
  ca: KeyAndCertificate,
  passphrase: string,
  friendlyName: string,
): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(pair.keyPem),
    [
      forge.pki.certificateFromPem(pair.certPem),
      forge.pki.certificateFromPem(ca.certPem),
    ],
    passphrase,
    { algorithm: 'aes256', friendlyName, generateLocalKeyId: true },
  );
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** Formats the subject of a PEM certificate as `CN=..., O=..., C=RO`. */
export function describeSubject(certPem: string): string {
  const cert = forge.pki.certificateFromPem(certPem);
  return cert.subject.attributes
    .map(
      (attribute) =>
        `${attribute.shortName ?? attribute.name}=${String(attribute.value)}`,
    )
    .join(', ');
}

/** Returns the serial of a PEM certificate in upper-case hex, as Node reports it. */
export function certificateSerial(certPem: string): string {
  return forge.pki.certificateFromPem(certPem).serialNumber.toUpperCase();
}

export function newPassphrase(): string {
  return randomBytes(12).toString('base64url');
}
