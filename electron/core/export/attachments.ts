/**
 * Attachments embedded in archived invoices, saved to a file so the user
 * can open them. The sender chose the name, the declared type and the
 * bytes. So the app opens an attachment only when its declared type is on
 * an allow-list and its first bytes match that type. It always saves the
 * attachment under a sanitised name, whose extension comes from the type
 * when the type is allowed.
 */
import path from 'node:path';

import { AppFailure } from '../../../shared/result.ts';
import type { Archive } from '../archive/index.ts';
import { writeFileDurably } from '../archive/zip-files.ts';
import { extractAttachment } from '../invoice/index.ts';
import { readAnafMessageZip } from '../zip/index.ts';

import { sanitizeFileName } from './file-names.ts';

interface OpenableType {
  extension: string;
  /** Checks the content's signature, so a declared type cannot lie. */
  matches: (bytes: Uint8Array) => boolean;
}

const startsWith =
  (...signature: number[]) =>
  (bytes: Uint8Array) =>
    signature.every((byte, i) => bytes[i] === byte);

const isZip = startsWith(0x50, 0x4b, 0x03, 0x04);
/** OLE2 compound file, the container of `.xls`. */
const isOle = startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);

/** Text has no NUL byte in its first 8 KiB. */
function isText(bytes: Uint8Array): boolean {
  return !bytes.subarray(0, 8192).includes(0);
}

/** The attachment types the app opens: PDF, images, text, spreadsheets. */
export const OPENABLE_TYPES: Readonly<Record<string, OpenableType>> = {
  'application/pdf': {
    extension: 'pdf',
    matches: startsWith(0x25, 0x50, 0x44, 0x46, 0x2d),
  },
  'image/png': {
    extension: 'png',
    matches: startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  },
  'image/jpeg': { extension: 'jpg', matches: startsWith(0xff, 0xd8, 0xff) },
  'text/plain': { extension: 'txt', matches: isText },
  'text/csv': { extension: 'csv', matches: isText },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extension: 'xlsx',
    matches: isZip,
  },
  'application/vnd.ms-excel': { extension: 'xls', matches: isOle },
  'application/vnd.oasis.opendocument.spreadsheet': {
    extension: 'ods',
    matches: isZip,
  },
};

export interface SavedAttachment {
  /** Path of the saved file. */
  path: string;
  fileName: string;
  /** The declared type, lower case, without parameters. */
  mimeType: string | null;
  /** Whether the shell may open the file with the system's viewer. */
  openable: boolean;
  /** Reason the file must not be opened, or null when it may be. */
  reason: string | null;
}

/** Decides whether an attachment may be opened, and why not. */
export function attachmentPolicy(
  mimeType: string | null,
  bytes: Uint8Array,
): { type: OpenableType | null; reason: string | null } {
  const type = mimeType ? OPENABLE_TYPES[mimeType] : undefined;
  if (!type) {
    return {
      type: null,
      reason: `Attachments of type '${mimeType ?? 'unknown'}' are not opened by the app; the file was only saved.`,
    };
  }
  if (!type.matches(bytes)) {
    return {
      type: null,
      reason: `The attachment is declared as '${mimeType}' but its content is not of that type, so it is not opened; the file was only saved.`,
    };
  }
  return { type, reason: null };
}

/**
 * Extracts attachment `index` of an archived invoice and saves it under
 * `<folder>/<CIF>/<message id>/` with mode 0600. `folder` is meant to be
 * the app's own (such as `attachments` in the data folder), because the
 * folders written to are made user-only. Fails with
 * `archive.notFound` when the message or its ZIP is missing, and with
 * `input.invalid` when the invoice has no embedded attachment at `index`.
 */
export async function saveAttachment(
  archive: Archive,
  cif: string,
  messageId: string,
  index: number,
  folder: string,
): Promise<SavedAttachment> {
  const zip = await readAnafMessageZip(
    await archive.readStoredZip(cif, messageId),
  );
  if (!zip.ok) {
    throw new AppFailure(zip.error.code, zip.error.message, zip.error.details);
  }
  const attachment = extractAttachment(zip.value.document, index);
  if (!attachment.ok) {
    throw new AppFailure(
      attachment.error.code,
      attachment.error.message,
      attachment.error.details,
    );
  }

  const { filename, bytes } = attachment.value;
  const mimeType = normalizeMimeType(attachment.value.mimeType);
  const policy = attachmentPolicy(mimeType, bytes);
  const fallback = `anexa-${index + 1}`;
  const fileName = policy.type
    ? sanitizeFileName(filename, fallback, policy.type.extension)
    : sanitizeFileName(filename, fallback);

  const target = path.join(folder, cif, messageId, fileName);
  await writeFileDurably(target, bytes);
  return {
    path: target,
    fileName,
    mimeType,
    openable: policy.type !== null,
    reason: policy.reason,
  };
}

function normalizeMimeType(value: string | null): string | null {
  const type = value?.split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}
