/**
 * One ANAF message ZIP read end to end: the members, the invoice or the
 * error list inside, and the signature file.
 */
import type {
  AnafErrorDocument,
  AnafSignatureInfo,
  Invoice,
} from '../../../shared/invoice.ts';
import type { Result } from '../../../shared/result.ts';

import {
  readAnafMessageZip,
  type AnafMessageZip,
} from '../zip/anaf-message-zip.ts';
import type { ZipLimits } from '../zip/zip-reader.ts';

import { readAnafErrorDocument } from './anaf-errors.ts';
import { parseInvoice, ZIP_DOCUMENT_MAX_BYTES } from './parse-invoice.ts';
import {
  readSignature,
  verifyDetachedDigest,
  type DigestCheck,
} from './signature.ts';

export type AnafMessageContent =
  | { kind: 'invoice'; invoice: Invoice }
  | { kind: 'errors'; errors: AnafErrorDocument };

export interface AnafMessage {
  zip: AnafMessageZip;
  content: AnafMessageContent;
  /** The signature file, read separately: its problems never hide the content. */
  signature: Result<AnafSignatureInfo>;
  /**
   * The detached digest checked against the document bytes; `null` for the
   * enveloped shape, whose digest covers the canonicalised document.
   */
  digest: Result<DigestCheck> | null;
}

/**
 * Reads a downloaded ANAF ZIP. Fails with `input.invalid` when the ZIP is
 * rejected (see `readAnafMessageZip`) or its document is neither an invoice
 * nor an error document. Problems with the signature file do not fail the
 * call, and are reported in `signature`.
 */
export async function readAnafMessage(
  zipBytes: Uint8Array,
  limits: Partial<ZipLimits> = {},
): Promise<Result<AnafMessage>> {
  const zip = await readAnafMessageZip(zipBytes, limits);
  if (!zip.ok) return zip;

  const content = readContent(zip.value);
  if (!content.ok) return content;

  const signature = readSignature(zip.value.signature);
  const digest =
    signature.ok && signature.value.shape === 'detached'
      ? verifyDetachedDigest(zip.value.document, zip.value.signature)
      : null;
  return {
    ok: true,
    value: { zip: zip.value, content: content.value, signature, digest },
  };
}

function readContent(zip: AnafMessageZip): Result<AnafMessageContent> {
  const maxBytes = ZIP_DOCUMENT_MAX_BYTES;
  if (zip.kind === 'errors') {
    const errors = readAnafErrorDocument(zip.document, { maxBytes });
    return errors.ok
      ? { ok: true, value: { kind: 'errors', errors: errors.value } }
      : errors;
  }

  const invoice = parseInvoice(zip.document, {
    maxBytes,
    uploadIndex: zip.uploadIndex,
  });
  return invoice.ok
    ? { ok: true, value: { kind: 'invoice', invoice: invoice.value } }
    : invoice;
}
