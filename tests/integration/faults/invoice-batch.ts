/**
 * Upload batches built from ANAF's published CIUS-RO examples: the seller
 * becomes a company of the sandbox's registry and each file gets its own
 * invoice number. Several examples share a number and issue date, and the
 * sandbox ends a repeated (seller, number, issue date) as a duplicate, so
 * without new numbers a batch would count some files twice.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLSerializer } from '@xmldom/xmldom';
import {
  child,
  parseXml,
  NS,
} from '../../../electron/sandbox/documents/xml.ts';
import type { UploadFileInput } from '../../../shared/domain.ts';
import { replaceSellerCif } from '../../helpers/replace-seller.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const examplesDir = path.resolve(
  repoRoot,
  '../shared/fixtures/invoices/cius-ro',
);

/** One file of a batch, with what the checks compare. */
export interface BatchFile {
  cif: string;
  name: string;
  number: string;
  sha256: string;
  bytes: Buffer;
}

export function exampleNames(): string[] {
  return readdirSync(examplesDir)
    .filter((name) => name.endsWith('.xml'))
    .sort();
}

/** Returns a copy of a UBL invoice or credit note with another `cbc:ID`. */
export function withInvoiceNumber(xml: Buffer, number: string): Buffer {
  const parsed = parseXml(xml);
  if (!parsed.ok) {
    throw new Error(`Cannot set the invoice number: ${parsed.problem.message}`);
  }
  const root = parsed.document.documentElement;
  const id = root ? child(root, NS.cbc, 'ID') : null;
  if (!id) throw new Error('The invoice has no cbc:ID to replace');
  id.textContent = number;
  return Buffer.from(
    new XMLSerializer().serializeToString(parsed.document),
    'utf8',
  );
}

/**
 * Builds one file per published example for `cif`, numbered
 * `<prefix>-<n>`. The prefix must differ between batches sent to the same
 * sandbox, so that no file repeats an earlier one.
 */
export function exampleBatch(cif: string, prefix: string): BatchFile[] {
  return exampleNames().map((name, n) => {
    const published = readFileSync(path.join(examplesDir, name));
    const number = `${prefix}-${String(n + 1).padStart(2, '0')}`;
    const bytes = withInvoiceNumber(replaceSellerCif(published, cif), number);
    return {
      cif,
      name: `${number}.xml`,
      number,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
    };
  });
}

export function toUploadInput(file: BatchFile): UploadFileInput {
  return { name: file.name, base64: file.bytes.toString('base64') };
}
