/**
 * Repairs at start after a crash at any point of a download. Temporary
 * files are removed. A ZIP that was renamed into place but whose row was
 * not yet marked `downloaded` is verified and adopted, so it is not
 * downloaded again. Buyer messages archived before the archive read their
 * documents are read once.
 */
import path from 'node:path';

import { describeError, type Logger } from '../log/logger.ts';

import { readIndexFields } from './index-fields.ts';
import type { MessageStore } from './message-store.ts';
import { absoluteZipPath } from './zip-path.ts';
import {
  readFileIfExists,
  removeTemporaryFiles,
  sha256Hex,
  verifyZip,
} from './zip-files.ts';

export interface RecoveryReport {
  temporaryFilesRemoved: number;
  adopted: number;
  /** Files found where a ZIP belongs that are not a readable ZIP. */
  rejected: number;
  /** Archived buyer messages whose document was read for the first time. */
  buyerMessagesRead: number;
}

/**
 * Looks only where an unfinished download can have left something: the
 * folders and files of rows that are not `downloaded`.
 */
export async function recoverArchive(
  store: MessageStore,
  root: string,
  logger: Logger,
  now: Date,
): Promise<RecoveryReport> {
  const report: RecoveryReport = {
    temporaryFilesRemoved: 0,
    adopted: 0,
    rejected: 0,
    buyerMessagesRead: 0,
  };
  const rows = store.filesNotDownloaded();
  const folders = new Set(
    rows.map((row) => path.dirname(absoluteZipPath(root, row.zipPath))),
  );
  for (const folder of folders) {
    report.temporaryFilesRemoved += await removeTemporaryFiles(folder);
  }

  for (const row of rows) {
    const file = absoluteZipPath(root, row.zipPath);
    const bytes = await readFileIfExists(file);
    if (bytes === null) continue;

    const verified = await verifyZip(bytes);
    if (!verified.ok) {
      // The next download replaces the file atomically.
      logger.warn('Unreadable file where an archived ZIP belongs', {
        cif: row.cif,
        messageId: row.messageId,
        error: verified.error.message,
      });
      report.rejected += 1;
      continue;
    }
    try {
      const fields = await readIndexFields(row.cif, row.direction, bytes);
      store.markDownloaded(row.id, {
        sha256: sha256Hex(bytes),
        size: bytes.length,
        fields,
        downloadedAt: now,
      });
      report.adopted += 1;
      logger.info('Adopted an archived ZIP whose record was unfinished', {
        cif: row.cif,
        messageId: row.messageId,
      });
    } catch (error) {
      logger.error('Adopting an archived ZIP failed', {
        cif: row.cif,
        messageId: row.messageId,
        error: describeError(error),
      });
    }
  }
  report.buyerMessagesRead = await readArchivedBuyerMessages(
    store,
    root,
    logger,
  );
  return report;
}

/**
 * Reads the documents of downloaded buyer messages that were never read,
 * so they link to their invoices. A missing file is skipped, and an
 * unreadable one records its problem so it is not read again.
 */
async function readArchivedBuyerMessages(
  store: MessageStore,
  root: string,
  logger: Logger,
): Promise<number> {
  let read = 0;
  for (const row of store.unreadBuyerMessages()) {
    const bytes = await readFileIfExists(absoluteZipPath(root, row.zipPath));
    if (bytes === null) continue;

    const fields = await readIndexFields(row.cif, row.direction, bytes);
    store.setBuyerMessageFields(row.id, fields);
    read += 1;
    if (fields.problem) {
      logger.warn('An archived buyer message could not be read', {
        cif: row.cif,
        messageId: row.messageId,
        problem: fields.problem,
      });
    }
  }
  if (read > 0) logger.info('Read archived buyer messages', { count: read });
  return read;
}
