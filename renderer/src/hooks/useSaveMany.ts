/**
 * Saves several invoices one after another, so a large selection does not
 * flood main or the browser's download prompt.
 */
import { useMutation } from '@tanstack/react-query';
import type { InvoiceRow } from '../../../shared/domain.ts';
import { getApi, unwrap } from '../ipc/api.ts';
import { completeSave } from '../lib/download.ts';
import type { SaveFormat } from './useInvoiceDocument.ts';

export interface SaveManyOutcome {
  saved: number;
  /** The last path main wrote to, in Electron. */
  lastPath: string | null;
  downloads: number;
}

export function useSaveMany() {
  return useMutation({
    mutationFn: async (input: { rows: InvoiceRow[]; format: SaveFormat }): Promise<SaveManyOutcome> => {
      const outcome: SaveManyOutcome = { saved: 0, lastPath: null, downloads: 0 };
      for (const row of input.rows) {
        const answer = await unwrap(getApi().invoicesSave({ cif: row.cif, messageId: row.messageId, format: input.format }));
        const path = completeSave(answer);
        outcome.saved += 1;
        if (path) outcome.lastPath = path;
        if (answer.downloadUrl) outcome.downloads += 1;
      }
      return outcome;
    },
  });
}
