// `efactura show FILE` on invoice XML, ANAF message ZIPs and ANAF's error
// document: the JSON must be exactly the model the core's readers build.
import forge from 'node-forge';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInvoice } from '../../../electron/core/invoice/index.ts';
import { buildErrorDocument } from '../../../electron/sandbox/documents/error-document.ts';
import { buildMessageZip } from '../../../electron/sandbox/documents/zip.ts';
import type { Signer } from '../../../electron/sandbox/documents/types.ts';
import type { AnafErrorDocument, Invoice } from '../../../shared/invoice.ts';
import {
  cleanUp,
  FIXTURES,
  json,
  lastErrorLine,
  runCli,
  tempDir,
} from './harness.ts';

const UBL = path.join(FIXTURES, 'cius-ro/anaf_invoice_example.xml');
const CREDIT_NOTE = path.join(FIXTURES, 'cius-ro/anaf_creditnote_example.xml');
const CII = path.join(FIXTURES, 'cius-ro-cii/CII_example1.xml');
const UPLOAD_INDEX = '5001234567';

let folder: string;
let dataDir: string;

/** Makes a throwaway self-signed certificate in place of the Ministry's signer. */
function makeSigner(): Signer {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = '01';
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 86_400_000);
  const subject = [{ name: 'commonName', value: 'CLI TEST SIGNER' }];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  return {
    certificatePem: forge.pki.certificateToPem(certificate),
    privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey),
  };
}

function expectedInvoice(
  file: string,
  uploadIndex: string | null = null,
): Invoice {
  const parsed = parseInvoice(fs.readFileSync(file), { uploadIndex });
  if (!parsed.ok)
    throw new Error(
      `The fixture ${file} does not parse: ${parsed.error.message}`,
    );
  return parsed.value;
}

beforeAll(() => {
  folder = tempDir('show');
  dataDir = tempDir('show-data');
});

afterAll(cleanUp);

describe('efactura show FILE', () => {
  it.each([
    ['UBL invoice', UBL],
    ['UBL credit note', CREDIT_NOTE],
    ['CII invoice', CII],
  ])('prints the model of a %s', async (_kind, file) => {
    const run = await runCli(['--json', 'show', file], { dataDir });
    expect(run.code).toBe(0);
    expect(json<Invoice>(run)).toEqual(expectedInvoice(file));
  });

  it('prints an invoice as text', async () => {
    const run = await runCli(['show', UBL], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Invoice 6422451356 of 2022-05-31');
  });

  it('reads an ANAF message ZIP', async () => {
    const zip = await buildMessageZip(
      UPLOAD_INDEX,
      fs.readFileSync(UBL),
      makeSigner(),
      'detached',
    );
    const file = path.join(folder, `${UPLOAD_INDEX}.zip`);
    fs.writeFileSync(file, zip);

    const run = await runCli(['--json', 'show', file], { dataDir });
    expect(run.code).toBe(0);
    expect(json<Invoice>(run)).toEqual(expectedInvoice(UBL, UPLOAD_INDEX));
  });

  it('reads the error document of a rejected upload', async () => {
    const errors = buildErrorDocument(UPLOAD_INDEX, '18654326', [
      'E: [BR-RO-010] Numarul facturii lipseste',
    ]);
    const zip = await buildMessageZip(
      UPLOAD_INDEX,
      errors,
      makeSigner(),
      'enveloped',
    );
    const file = path.join(folder, 'rejected.zip');
    fs.writeFileSync(file, zip);

    const run = await runCli(['--json', 'show', file], { dataDir });
    expect(run.code).toBe(0);
    const document = json<AnafErrorDocument>(run);
    expect(document.uploadIndex).toBe(UPLOAD_INDEX);
    expect(document.errors.map((error) => error.ruleId)).toEqual(['BR-RO-010']);
  });

  it('reads an error document XML', async () => {
    const file = path.join(folder, 'errors.xml');
    fs.writeFileSync(
      file,
      buildErrorDocument(UPLOAD_INDEX, '18654326', [
        'E: [BR-CO-15] Total gresit',
      ]),
    );

    const run = await runCli(['show', file], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[BR-CO-15]');
  });

  it('rejects a file that is not an invoice', async () => {
    const file = path.join(folder, 'order.xml');
    fs.writeFileSync(
      file,
      '<?xml version="1.0"?><Order xmlns="urn:example:order"><ID>1</ID></Order>',
    );

    const run = await runCli(['show', file], { dataDir });
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toContain(`${file} is not an invoice`);
  });

  it('rejects a damaged ZIP', async () => {
    const file = path.join(folder, 'damaged.zip');
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]),
    );

    const run = await runCli(['show', file], { dataDir });
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toContain(`${file} is not an ANAF message ZIP`);
  });

  it('reports an unreadable file', async () => {
    const file = path.join(folder, 'missing.xml');
    const run = await runCli(['show', file], { dataDir });
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toContain(`Cannot read ${file} (ENOENT)`);
  });
});
