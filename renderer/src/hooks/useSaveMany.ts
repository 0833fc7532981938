/**
 * Saves the invoices picked in the list. ZIPs go in one call
 * (`invoices.saveMany`): into one folder in Electron, or as one ZIP of the
 * ZIPs downloaded in the browser shell. XML and PDF files are saved one
 * after another, so a large selection does not flood main or the browser's
 * download prompt.
 */
import { useMutation } from '@tanstack/react-query';
import type { InvoiceRow } from '../../../shared/domain.ts';
import { getApi, unwrap } from '../ipc/api.ts';
import { completeSave } from '../lib/download.ts';
import type { SaveFormat } from './useInvoiceDocument.ts';

export interface SaveManyOutcome {
  saved: number;
  /** Picked invoices whose ZIP is not in the archive yet, so they were left out. */
  missing: number;
  /** The folder or the last file main wrote to, in Electron; null after a cancelled dialog. */
  lastPath: string | null;
  downloads: number;
}

async function saveZips(rows: InvoiceRow[]): Promise<SaveManyOutcome> {
  const cif = rows[0]?.cif ?? '';
  const answer = await unwrap(
    getApi().invoicesSaveMany({
      cif,
      messageIds: rows.map((row) => row.messageId),
    }),
  );
  return {
    saved: answer.saved,
    missing: answer.missing.length,
    lastPath: completeSave(answer),
    downloads: answer.downloadUrl ? 1 : 0,
  };
}

async function saveOneByOne(
  rows: InvoiceRow[],
  format: SaveFormat,
): Promise<SaveManyOutcome> {
  const outcome: SaveManyOutcome = {
    saved: 0,
    missing: 0,
    lastPath: null,
    downloads: 0,
  };
  for (const row of rows) {
    const answer = await unwrap(
      getApi().invoicesSave({ cif: row.cif, messageId: row.messageId, format }),
    );
    const path = completeSave(answer);
    if (path) outcome.lastPath = path;
    if (answer.downloadUrl) outcome.downloads += 1;
    if (path || answer.downloadUrl) outcome.saved += 1;
  }
  return outcome;
}

export function useSaveMany() {
  return useMutation({
    mutationFn: (input: {
      rows: InvoiceRow[];
      format: SaveFormat;
    }): Promise<SaveManyOutcome> =>
      input.format === 'zip'
        ? saveZips(input.rows)
        : saveOneByOne(input.rows, input.format),
  });
}
