// Shared pieces of the sandbox document tests: paths to the shared fixtures,
// a throwaway signing certificate, sample invoices and ZIP reading.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import forge from 'node-forge';
import yauzl from 'yauzl';

import type { InvoiceDraft } from '../../../electron/sandbox/documents/draft.ts';
import { SEEDED_COMPANIES } from '../../../electron/sandbox/documents/companies.ts';
import { checkStructure } from '../../../electron/sandbox/documents/index.ts';
import type {
  Company,
  InvoiceFacts,
  Signer,
  UploadStandard,
} from '../../../electron/sandbox/documents/types.ts';

export const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../..',
);
export const SHARED = path.resolve(REPO_ROOT, '../shared');
export const CIUS_RO_DIR = path.join(SHARED, 'fixtures/invoices/cius-ro');
export const CIUS_RO_CII_DIR = path.join(
  SHARED,
  'fixtures/invoices/cius-ro-cii',
);
export const UBL_XSD_DIR = path.join(SHARED, 'validation/ubl-2.1/xsd/maindoc');
export const ETRANSPORT_XSD = path.join(
  SHARED,
  'validation/etransport/schema_ETR_v2_20230126.xsd',
);

export function company(index: number): Company {
  const found = SEEDED_COMPANIES[index];
  if (!found) throw new Error(`No seeded company at index ${index}`);
  return found;
}

/** Returns the facts of a document that must pass the structure check; throws its message otherwise. */
export function factsOf(body: Buffer, standard: UploadStandard): InvoiceFacts {
  const result = checkStructure(body, standard);
  if (!result.ok) throw new Error(`Structure check failed: ${result.message}`);
  return result.facts;
}

/** Returns the messages of a `nok` validare verdict; throws for `ok`. */
export function nokMessages(
  verdict: { stare: 'ok' } | { stare: 'nok'; messages: string[] },
): string[] {
  if (verdict.stare === 'ok') throw new Error('Expected a nok verdict, got ok');
  return verdict.messages;
}

/** Builds a small valid RON invoice draft between two seeded companies, with all three VAT rates. */
export function sampleDraft(
  overrides: Partial<InvoiceDraft> = {},
): InvoiceDraft {
  return {
    kind: 'invoice',
    number: 'TST-2025-0001',
    issueDate: '2025-01-15',
    dueDate: '2025-02-14',
    currency: 'RON',
    exchangeRate: null,
    note: 'Factură de test',
    seller: company(0),
    buyer: company(1),
    lines: [
      {
        name: 'Servicii de consultanță',
        unitCode: 'HUR',
        quantity: '3',
        price: '150.00',
        vatRate: 21,
      },
      {
        name: 'Pâine albă',
        unitCode: 'H87',
        quantity: '12',
        price: '4.35',
        vatRate: 11,
      },
      {
        name: 'Curs de formare profesională',
        unitCode: 'H87',
        quantity: '1',
        price: '900.00',
        vatRate: 0,
      },
    ],
    precedingInvoice: null,
    attachment: null,
    ...overrides,
  };
}

/** Makes a throwaway RSA key and self-signed certificate with the subject ANAF's test ZIPs show. */
export function makeTestSigner(commonName = 'ANAF TEST'): Signer {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = '01';
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const subject = [
    { name: 'countryName', value: 'RO' },
    { name: 'localityName', value: 'Bucharest' },
    { name: 'organizationName', value: 'ANAF-TEST' },
    { name: 'organizationalUnitName', value: 'ANAF-TEST' },
    { name: 'commonName', value: commonName },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  return {
    certificatePem: forge.pki.certificateToPem(certificate),
    privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey),
  };
}

/** Reads every entry of a ZIP into memory, keyed by file name. */
export function readZipEntries(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (openError, archive) => {
      if (openError || !archive) {
        reject(openError ?? new Error('yauzl returned no archive'));
        return;
      }
      const entries = new Map<string, Buffer>();
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            reject(streamError ?? new Error('yauzl returned no stream'));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            archive.readEntry();
          });
        });
      });
      archive.on('end', () => resolve(entries));
      archive.on('error', reject);
      archive.readEntry();
    });
  });
}

/** Runs `xmllint --schema` on documents; returns its exit status and output. */
export function xmllint(
  schema: string,
  documents: Buffer[],
): { status: number; output: string } {
  const folder = mkdtempSync(path.join(tmpdir(), 'sandbox-documents-'));
  try {
    const files = documents.map((document, i) => {
      const file = path.join(folder, `document-${i}.xml`);
      writeFileSync(file, document);
      return file;
    });
    try {
      const output = execFileSync(
        'xmllint',
        ['--noout', '--schema', schema, ...files],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      return { status: 0, output };
    } catch (error) {
      const failure = error as { status?: number; stderr?: string };
      return { status: failure.status ?? 1, output: failure.stderr ?? '' };
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Extracts the rule ids of error messages: "BR-CO-15", "R6.1" or "duplicate". */
export function ruleIds(messages: string[]): string[] {
  return messages.map((message) => {
    if (message.includes('R6.1')) return 'R6.1';
    if (message.startsWith('Factura a mai fost transmisa anterior'))
      return 'duplicate';
    return /\[([A-Z0-9-]+)\]/.exec(message)?.[1] ?? message;
  });
}
