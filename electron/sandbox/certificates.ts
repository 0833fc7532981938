// Certificate files on disk: made on first start, reused afterwards, so that
// a sandbox started with --state-dir keeps the CA the app already trusts and
// the PKCS#12 files a user has already picked.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  certificateSerial,
  describeSubject,
  issueCa,
  issueClientCertificate,
  issueServerCertificate,
  issueSignerCertificate,
  newPassphrase,
  toPkcs12,
  type KeyAndCertificate,
} from './pki.ts';

/** A representative's certificate as the sandbox prints it at start-up. */
export interface ClientCertificate {
  name: string;
  subject: string;
  /** Upper-case hex, as Node's TLS layer reports a peer's serial. */
  serial: string;
  certPath: string;
  keyPath: string;
  pfxPath: string;
  passphrase: string;
}

export interface SandboxCertificates {
  caCertPath: string;
  ca: KeyAndCertificate;
  server: KeyAndCertificate;
  /** Signs the downloaded messages, standing for the Ministry of Finance. */
  signer: KeyAndCertificate;
  /** PKCS#8 PEM key that signs the IdP's JWTs (RS512). */
  idpKeyPem: string;
  clients: ClientCertificate[];
}

interface Passphrases {
  [fileStem: string]: string;
}

function writePrivate(path: string, data: string | Buffer): void {
  writeFileSync(path, data, { mode: 0o600 });
}

/** Reads a key and certificate pair, or issues and writes one. */
function loadOrIssue(
  dir: string,
  stem: string,
  issue: () => KeyAndCertificate,
): KeyAndCertificate {
  const certPath = join(dir, `${stem}.pem`);
  const keyPath = join(dir, `${stem}-key.pem`);
  if (existsSync(certPath) && existsSync(keyPath)) {
    return {
      certPem: readFileSync(certPath, 'utf8'),
      keyPem: readFileSync(keyPath, 'utf8'),
    };
  }
  const pair = issue();
  writeFileSync(certPath, pair.certPem);
  writePrivate(keyPath, pair.keyPem);
  return pair;
}

function loadOrCreateIdpKey(dir: string): string {
  const path = join(dir, 'idp-key.pem');
  if (existsSync(path)) return readFileSync(path, 'utf8');
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  writePrivate(path, privateKey);
  return privateKey;
}

/** Turns a person's name into a file-name stem: `andreea-ionescu`. */
export function fileStem(name: string): string {
  const stem = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return stem === '' ? 'client' : stem;
}

function loadPassphrases(path: string): Passphrases {
  return existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as Passphrases)
    : {};
}

function loadOrIssueClient(
  dir: string,
  ca: KeyAndCertificate,
  name: string,
  passphrases: Passphrases,
): ClientCertificate {
  const stem = fileStem(name);
  const pair = loadOrIssue(dir, stem, () => issueClientCertificate(ca, name));
  const pfxPath = join(dir, `${stem}.p12`);
  let passphrase = passphrases[stem];
  if (passphrase === undefined || !existsSync(pfxPath)) {
    passphrase = newPassphrase();
    writePrivate(pfxPath, toPkcs12(pair, ca, passphrase, name));
    passphrases[stem] = passphrase;
  }
  return {
    name,
    subject: describeSubject(pair.certPem),
    serial: certificateSerial(pair.certPem),
    certPath: join(dir, `${stem}.pem`),
    keyPath: join(dir, `${stem}-key.pem`),
    pfxPath,
    passphrase,
  };
}

/**
 * Loads the certificates in `dir`, issuing whatever is missing: the CA and
 * server certificate on the first start, a client certificate whenever a
 * new representative is configured.
 */
export function loadOrCreateCertificates(
  dir: string,
  representatives: string[],
): SandboxCertificates {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = loadOrIssue(dir, 'ca', issueCa);
  const server = loadOrIssue(dir, 'server', () => issueServerCertificate(ca));
  const signer = loadOrIssue(dir, 'signer', () => issueSignerCertificate(ca));
  const idpKeyPem = loadOrCreateIdpKey(dir);

  const passphrasesPath = join(dir, 'passphrases.json');
  const passphrases = loadPassphrases(passphrasesPath);
  const clients = representatives.map((name) =>
    loadOrIssueClient(dir, ca, name, passphrases),
  );
  writePrivate(passphrasesPath, JSON.stringify(passphrases, null, 2));

  return {
    caCertPath: join(dir, 'ca.pem'),
    ca,
    server,
    signer,
    idpKeyPem,
    clients,
  };
}
