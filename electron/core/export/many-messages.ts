/**
 * Saving the stored ZIPs of several messages picked in the invoice list:
 * each ZIP unchanged into one folder, or all of them in one ZIP (stored,
 * not compressed again) for a shell that can hand over only one file. Each
 * file is named as a single save names it, `<invoice number>_<message id>.zip`.
 */
import path from 'node:path';
import type { Readable } from 'node:stream';

import yazl from 'yazl';

import type { InvoiceRow } from '../../../shared/domain.ts';
import { AppFailure } from '../../../shared/result.ts';
import type { Archive } from '../archive/index.ts';
import { romaniaWallClock } from '../time/romania-time.ts';

import { invoiceFile } from './invoice-file.ts';
import { writeExportFile } from './write-file.ts';

export interface ManyMessagesResult {
  saved: number;
  /** Message ids whose ZIP is not in the archive, so they were left out. */
  missing: string[];
}

/** Returns the name of the ZIP that contains several messages' ZIPs. */
export function manyMessagesFileName(cif: string, now = new Date()): string {
  return `facturi-${cif}-${now.toISOString().slice(0, 10)}.zip`;
}

/**
 * Returns the downloaded rows of the ids, in the order of the ids, and the
 * other ids as missing. Repeated ids count once, and one selection by id
 * reads the rows. Fails with `archive.notFound` when none is downloaded,
 * so that no empty folder or ZIP is offered.
 */
export function downloadedMessages(
  archive: Archive,
  cif: string,
  messageIds: readonly string[],
): { found: InvoiceRow[]; missing: string[] } {
  const downloaded = new Map<string, InvoiceRow>();
  for (const { row } of archive.selectByIds(cif, messageIds).rows()) {
    if (row.state === 'downloaded') downloaded.set(row.messageId, row);
  }
  const found: InvoiceRow[] = [];
  const missing: string[] = [];
  for (const messageId of new Set(messageIds)) {
    const row = downloaded.get(messageId);
    if (row) found.push(row);
    else missing.push(messageId);
  }
  if (found.length === 0) {
    throw new AppFailure(
      'archive.notFound',
      `None of the ${missing.length} selected messages of CIF ${cif} is downloaded into the archive. Sync the company, then save them again.`,
      { cif, count: missing.length },
    );
  }
  return { found, missing };
}

/**
 * Reads a stored ZIP, or returns null when its message is not in the
 * archive folder (`archive.notFound`). Other failures propagate.
 */
async function readZip(
  archive: Archive,
  cif: string,
  messageId: string,
): Promise<{ fileName: string; bytes: Uint8Array } | null> {
  try {
    return await invoiceFile(archive, cif, messageId, 'zip');
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'archive.notFound') {
      return null;
    }
    throw error;
  }
}

/**
 * Writes each message's stored ZIP into `folder` (created 0700 if missing,
 * an existing one left as it is) with mode 0600. A file of the same name is
 * replaced.
 */
export async function saveMessageZips(
  archive: Archive,
  cif: string,
  messageIds: readonly string[],
  folder: string,
): Promise<ManyMessagesResult> {
  const { found, missing } = downloadedMessages(archive, cif, messageIds);
  let saved = 0;
  for (const { messageId } of found) {
    const file = await readZip(archive, cif, messageId);
    if (!file) {
      missing.push(messageId);
      continue;
    }
    await writeExportFile(path.join(folder, file.fileName), file.bytes);
    saved += 1;
  }
  return { saved, missing };
}

/**
 * Writes one ZIP that contains each message's stored ZIP, to `targetFile`.
 * The output is written while the ZIPs are read, not after all of them are
 * read. NOTE: reading does not wait for the writing, so on a slow disk
 * many of the ZIPs can be in memory at once.
 */
export async function writeMessagesZip(
  archive: Archive,
  cif: string,
  messageIds: readonly string[],
  targetFile: string,
): Promise<ManyMessagesResult> {
  const { found, missing } = downloadedMessages(archive, cif, messageIds);
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  const writing = writeExportFile(targetFile, output);
  let saved = 0;
  try {
    for (const row of found) {
      const file = await readZip(archive, cif, row.messageId);
      if (!file) {
        missing.push(row.messageId);
        continue;
      }
      zip.addBuffer(Buffer.from(file.bytes), file.fileName, {
        compress: false,
        mtime: romaniaWallClock(row.createdAt),
      });
      saved += 1;
    }
  } catch (error) {
    // Ends the write, which then removes its temporary file.
    output.destroy(error instanceof Error ? error : new Error(String(error)));
    await writing.catch(() => undefined);
    throw error;
  }
  zip.end();
  await writing;
  return { saved, missing };
}
