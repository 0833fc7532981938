/**
 * Reads a ZIP or XML file from disk for `efactura show`: an ANAF message
 * ZIP (invoice or error document inside), an invoice XML (UBL Invoice,
 * UBL CreditNote, CII) or ANAF's error document XML. Nothing is stored.
 */
import fs from 'node:fs';
import type { AnafErrorDocument, Invoice } from '../../../shared/invoice.ts';
import {
  parseInvoice,
  readAnafErrorDocument,
  readAnafMessage,
} from '../../core/invoice/index.ts';
import { failure } from '../errors.ts';

export type ShownDocument =
  | { kind: 'invoice'; invoice: Invoice }
  | { kind: 'errors'; errors: AnafErrorDocument };

/** Tells whether the bytes start with the ZIP local file header signature `PK\x03\x04`. */
function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

export async function readLocalDocument(file: string): Promise<ShownDocument> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw failure(
      `Cannot read ${file} (${reason}). Check the path.`,
      'input.invalid',
    );
  }
  return isZip(bytes) ? readZipFile(file, bytes) : readXmlFile(file, bytes);
}

async function readZipFile(
  file: string,
  bytes: Uint8Array,
): Promise<ShownDocument> {
  const message = await readAnafMessage(bytes);
  if (!message.ok) {
    throw failure(
      `${file} is not an ANAF message ZIP: ${message.error.message}`,
      'input.invalid',
    );
  }
  const content = message.value.content;
  return content.kind === 'invoice'
    ? { kind: 'invoice', invoice: content.invoice }
    : { kind: 'errors', errors: content.errors };
}

function readXmlFile(file: string, bytes: Uint8Array): ShownDocument {
  const invoice = parseInvoice(bytes);
  if (invoice.ok) return { kind: 'invoice', invoice: invoice.value };

  // An XML whose root is not an invoice may still be ANAF's error document.
  if (invoice.error.details?.reason === 'notInvoice') {
    const errors = readAnafErrorDocument(bytes);
    if (errors.ok) return { kind: 'errors', errors: errors.value };
  }
  throw failure(
    `${file} is not an invoice: ${invoice.error.message}`,
    'input.invalid',
  );
}
