/**
 * One archived message as a file to save: the stored ZIP unchanged, the
 * document member of the ZIP (the invoice XML as uploaded, or ANAF's error
 * document), or a PDF rendered from it. Nothing here calls ANAF.
 */
import path from 'node:path';

import { AppFailure } from '../../../shared/result.ts';
import type { Archive } from '../archive/index.ts';
import { readAnafMessageZip } from '../zip/index.ts';

import { sanitizeFileName } from './file-names.ts';
import { renderDocumentPdf } from './invoice-pdf.ts';
import { writeExportFile } from './write-file.ts';

export type InvoiceFileFormat = 'zip' | 'xml' | 'pdf';

export interface InvoiceFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

const MIME_TYPES: Record<InvoiceFileFormat, string> = {
  zip: 'application/zip',
  xml: 'application/xml',
  pdf: 'application/pdf',
};

/**
 * Builds the file of a message in a format. Fails with `archive.notFound`
 * when the message or its ZIP is not in the archive, and with
 * `input.invalid` when the ZIP contains no readable document for XML or
 * PDF.
 */
export async function invoiceFile(
  archive: Archive,
  cif: string,
  messageId: string,
  format: InvoiceFileFormat,
): Promise<InvoiceFile> {
  const row = archive.getRow(cif, messageId);
  const base = sanitizeFileName(
    row?.number ? `${row.number}_${messageId}` : null,
    `${cif}_${messageId}`,
  );
  const fileName = `${base}.${format}`;
  const mimeType = MIME_TYPES[format];

  if (format === 'zip') {
    return {
      fileName,
      mimeType,
      bytes: await archive.readStoredZip(cif, messageId),
    };
  }
  if (format === 'xml') {
    const zip = await readAnafMessageZip(
      await archive.readStoredZip(cif, messageId),
    );
    if (!zip.ok) {
      throw new AppFailure(
        zip.error.code,
        zip.error.message,
        zip.error.details,
      );
    }
    return { fileName, mimeType, bytes: zip.value.document };
  }
  const document = await archive.getDocument(cif, messageId);
  return { fileName, mimeType, bytes: await renderDocumentPdf(document) };
}

/**
 * Saves a message's file into `folder` (created 0700 if missing) with mode
 * 0600, and returns its path. An existing file of the same name is
 * replaced, and an existing folder keeps its permissions.
 */
export async function saveInvoiceFile(
  archive: Archive,
  cif: string,
  messageId: string,
  format: InvoiceFileFormat,
  folder: string,
): Promise<string> {
  const file = await invoiceFile(archive, cif, messageId, format);
  const target = path.join(folder, file.fileName);
  await writeExportFile(target, file.bytes);
  return target;
}
