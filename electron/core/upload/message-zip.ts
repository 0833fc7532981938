/**
 * Readers of the downloaded ANAF ZIPs the upload service needs. A rejected
 * upload's ZIP gives every error of its error document. A sent invoice's ZIP
 * gives the invoice's identity (hash of the file as uploaded, seller, number,
 * issue date), which a lost upload is matched against.
 */
import type { AnafErrorEntry } from '../../../shared/domain.ts';
import { AppFailure } from '../../../shared/result.ts';
import {
  detectDocument,
  readAnafErrorDocument,
  ZIP_DOCUMENT_MAX_BYTES,
} from '../invoice/index.ts';
import type { InvoiceIdentity } from '../queue/reconcile.ts';
import { readAnafMessageZip, type AnafMessageZip } from '../zip/index.ts';
import { sha256Hex } from './checks.ts';

async function readZip(bytes: Uint8Array): Promise<AnafMessageZip> {
  const read = await readAnafMessageZip(bytes);
  if (!read.ok) {
    throw new AppFailure(
      read.error.code,
      read.error.message,
      read.error.details,
    );
  }
  return read.value;
}

/** Reads every error, with its rule id, from the ZIP of a `nok` upload. */
export async function readErrorEntries(
  bytes: Uint8Array,
): Promise<AnafErrorEntry[]> {
  const zip = await readZip(bytes);
  if (zip.kind !== 'errors') {
    throw new AppFailure(
      'anaf.badResponse',
      `ANAF's ZIP for upload ${zip.uploadIndex} contains an invoice, not the error document of a rejected upload.`,
    );
  }
  const document = readAnafErrorDocument(zip.document);
  if (!document.ok) {
    throw new AppFailure(
      document.error.code,
      document.error.message,
      document.error.details,
    );
  }
  return document.value.errors.map((error) => ({
    ruleId: error.ruleId,
    message: error.message,
  }));
}

/**
 * Reads the invoice inside the ZIP of a sent invoice. ANAF keeps the file
 * exactly as uploaded, so its SHA-256 equals the upload's. Missing header
 * values become empty strings, which match nothing.
 */
export async function readInvoiceIdentity(
  bytes: Uint8Array,
): Promise<InvoiceIdentity> {
  const zip = await readZip(bytes);
  const identity: InvoiceIdentity = {
    contentHash: sha256Hex(zip.document),
    sellerCif: '',
    invoiceNumber: '',
    issueDate: '',
  };
  if (zip.kind !== 'invoice') return identity;

  const summary = detectDocument(zip.document, {
    maxBytes: ZIP_DOCUMENT_MAX_BYTES,
  });
  if (!summary.ok) return identity;
  return {
    ...identity,
    sellerCif: summary.value.sellerCif ?? '',
    invoiceNumber: summary.value.number ?? '',
    issueDate: summary.value.issueDate ?? '',
  };
}
