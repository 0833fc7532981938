/**
 * One ZIP of the original ANAF ZIPs of a period, for an accountant's
 * records or an audit. Each message's ZIP is added unchanged (stored, not
 * compressed again) under the archive's own layout
 * `<CIF>/<year>/<month>/<message id>.zip`, next to `index.csv`, the
 * per-invoice CSV of the same messages.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

import yazl from 'yazl';

import type { InvoiceQuery } from '../../../shared/domain.ts';
import type { Archive } from '../archive/index.ts';
import { romaniaWallClock } from '../time/romania-time.ts';

import { UTF8_BOM } from './csv-format.ts';
import { selectionCsv } from './csv.ts';
import { writeExportFile } from './write-file.ts';

export interface BundleRequest {
  cif: string;
  /** First and last document date, `YYYY-MM-DD`, both included. */
  dateFrom: string;
  dateTo: string;
}

export interface BundleResult {
  /** Message ZIPs in the bundle. */
  messages: number;
  /** Messages recorded as downloaded whose file is missing from the archive. */
  missing: string[];
  fileName: string;
}

/** Returns the search behind a bundle: every archived message of the period. */
export function bundleQuery(request: BundleRequest): InvoiceQuery {
  return {
    cif: request.cif,
    dateFrom: request.dateFrom,
    dateTo: request.dateTo,
    state: 'downloaded',
    sort: { field: 'createdAt', descending: false },
  };
}

export function bundleFileName(request: BundleRequest): string {
  return `arhiva-${request.cif}-${request.dateFrom}-${request.dateTo}.zip`;
}

/**
 * Writes the bundle of a period to `targetFile`, through a temporary file
 * renamed at the end, with mode 0600. The period is on the document date:
 * the invoice's issue date, or the message's date at ANAF when no invoice
 * was read. Messages not downloaded are left out, and so are files missing
 * from the archive folder, which the result lists.
 * NOTE: files are read by path while the bundle is written. A concurrent
 * `moveArchive` can make the write fail, and then it can be run again.
 */
export async function writeBundle(
  archive: Archive,
  request: BundleRequest,
  targetFile: string,
): Promise<BundleResult> {
  const selection = archive.selectForExport(bundleQuery(request));
  const zip = new yazl.ZipFile();
  let messages = 0;
  const missing: string[] = [];
  for (const item of selection.rows()) {
    // yazl reads each file only when the output reaches it.
    const file = path.join(archive.root(), ...item.zipPath.split('/'));
    if (!fs.existsSync(file)) {
      missing.push(item.row.messageId);
      continue;
    }
    zip.addFile(file, item.zipPath, {
      compress: false,
      mtime: romaniaWallClock(item.row.createdAt),
    });
    messages += 1;
  }
  const csv = await selectionCsv(archive, selection);
  zip.addBuffer(Buffer.from(`${UTF8_BOM}${csv.text}`), 'index.csv');
  zip.end();

  await writeExportFile(targetFile, zip.outputStream as Readable);
  return { messages, missing, fileName: path.basename(targetFile) };
}
