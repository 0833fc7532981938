/**
 * Repairs at start after a crash at any point of a download. Temporary
 * files are removed. A ZIP that was renamed into place but whose row was
 * not yet marked `downloaded` is verified and adopted, so it is not
 * downloaded again.
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
  return report;
}
