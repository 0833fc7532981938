import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import type { Logger } from '../log/logger.ts';
import { writeFileAtomicAsync as writeFileAtomic } from '../data/files.ts';

/** Folder in the data folder that contains the callback listener's key pair. */
export const CALLBACK_TLS_DIR = 'tls';
const CERT_FILE = 'callback-cert.pem';
const KEY_FILE = 'callback-key.pem';

const DAY_MS = 86_400_000;
/** Browsers reject server certificates valid for more than 398 days. */
const VALIDITY_DAYS = 397;
/** A certificate this close to expiry is replaced before use. */
const RENEW_BEFORE_MS = 30 * DAY_MS;

const HOSTNAMES = ['localhost'];
const IP_ADDRESSES = ['127.0.0.1', '::1'];

export interface CallbackTls {
  certPem: string;
  keyPem: string;
  /** Path of the certificate file, for the user to trust in the browser. */
  certPath: string;
}

/**
 * Returns the self-signed certificate of the local callback listener, made
 * on first use and kept in the data folder (mode 0600) so that the browser
 * warning, once accepted or trusted, stays accepted.
 */
export async function loadCallbackTls(
  dataDir: string,
  logger: Logger,
  now = Date.now(),
): Promise<CallbackTls> {
  const dir = path.join(dataDir, CALLBACK_TLS_DIR);
  const certPath = path.join(dir, CERT_FILE);
  const keyPath = path.join(dir, KEY_FILE);

  const existing = await readPair(certPath, keyPath);
  if (existing && isFresh(existing.certPem, now)) {
    return { ...existing, certPath };
  }

  const created = createSelfSigned(now);
  await writeFileAtomic(keyPath, created.keyPem);
  await writeFileAtomic(certPath, created.certPem);
  logger.info('Created the callback listener certificate', { certPath });
  return { ...created, certPath };
}

async function readPair(certPath: string, keyPath: string) {
  try {
    const certPem = await readFile(certPath, 'utf8');
    const keyPem = await readFile(keyPath, 'utf8');
    return { certPem, keyPem };
  } catch {
    return null;
  }
}

function isFresh(certPem: string, now: number): boolean {
  try {
    const validTo = Date.parse(new X509Certificate(certPem).validTo);
    return validTo - now > RENEW_BEFORE_MS;
  } catch {
    return false;
  }
}

/** Creates a CA:false server certificate for localhost, 127.0.0.1 and ::1. */
export function createSelfSigned(now: number): {
  certPem: string;
  keyPem: string;
} {
  // Node makes the key: node-forge's pure-JavaScript RSA is much slower.
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = keys.privateKey.export({ type: 'pkcs1', format: 'pem' });
  const publicPem = keys.publicKey.export({ type: 'spki', format: 'pem' });

  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(String(publicPem));
  // A positive serial: the first byte's top bit is cleared.
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  certificate.serialNumber = serial.toString('hex');
  certificate.validity.notBefore = new Date(now - DAY_MS);
  certificate.validity.notAfter = new Date(now + VALIDITY_DAYS * DAY_MS);

  const name = [
    { name: 'commonName', value: 'localhost' },
    { name: 'organizationName', value: 'e-Factura Desktop login callback' },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        ...HOSTNAMES.map((value) => ({ type: 2, value })),
        ...IP_ADDRESSES.map((ip) => ({ type: 7, ip })),
      ],
    },
  ]);
  const privateKey = forge.pki.privateKeyFromPem(String(keyPem));
  certificate.sign(privateKey, forge.md.sha256.create());

  return {
    certPem: forge.pki.certificateToPem(certificate),
    keyPem: String(keyPem),
  };
}
