/**
 * The invoice files the day's uploads use: ANAF's published CIUS-RO
 * examples, read from the shared fixtures at run time, a broken XML file,
 * and copies of the examples whose seller is a sandbox company.
 */
import fs from 'node:fs';
import path from 'node:path';
import { replaceSellerCif } from '../../helpers/replace-seller.ts';
import { repoRoot } from '../fixtures.ts';

export interface InvoiceFile {
  name: string;
  bytes: Buffer;
}

export const EXAMPLES_DIR = path.resolve(
  repoRoot,
  '../shared/fixtures/invoices/cius-ro',
);

/** Orders `ubl_b2g_example2.xml` before `ubl_b2g_example10.xml`. */
function byNumberInName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * Returns the examples in the order they are uploaded: the B2G examples by
 * number, then ANAF's two. The order matters, because of two examples that
 * share an invoice number and issue date, the one uploaded later is the
 * duplicate.
 */
export function exampleFiles(): InvoiceFile[] {
  const names = fs
    .readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith('.xml'));
  const b2g = names
    .filter((name) => name.startsWith('ubl_b2g_'))
    .sort(byNumberInName);
  const others = names
    .filter((name) => !name.startsWith('ubl_b2g_'))
    .sort(byNumberInName);
  return [...b2g, ...others].map((name) => ({
    name,
    bytes: fs.readFileSync(path.join(EXAMPLES_DIR, name)),
  }));
}

/** Returns copies of the files whose seller has the CIF `cif` (digits). */
export function withSeller(
  files: readonly InvoiceFile[],
  cif: string,
): InvoiceFile[] {
  return files.map((file) => ({
    name: file.name,
    bytes: replaceSellerCif(file.bytes, cif),
  }));
}

/** An invoice cut off mid-element: not well-formed XML. */
export const BROKEN_FILE: InvoiceFile = {
  name: 'factura-trunchiata.xml',
  bytes: Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"\n' +
      '  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">\n' +
      '  <cbc:ID>F-2025-0001</cbc:ID>\n  <cbc:IssueDate>2025-0',
    'utf8',
  ),
};
