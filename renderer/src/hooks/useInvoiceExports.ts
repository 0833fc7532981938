/** Exports of the invoice list: CSV for the current filter or the picked rows, and a ZIP bundle for a period. */
import { useMutation } from '@tanstack/react-query';
import type { InvoiceQuery } from '../../../shared/domain.ts';
import { getApi, unwrap } from '../ipc/api.ts';
import { completeSave } from '../lib/download.ts';

export interface ExportOutcome {
  savedTo: string | null;
  count: number;
}

export function useExportCsv() {
  return useMutation({
    mutationFn: async (input: {
      query: InvoiceQuery;
      perLine: boolean;
      /** Only these messages of the query, e.g. the rows picked in the list. */
      messageIds?: string[];
    }): Promise<ExportOutcome> => {
      const { offset: _offset, limit: _limit, ...query } = input.query;
      const ids = input.messageIds && input.messageIds.length > 0 ? { messageIds: input.messageIds } : {};
      const answer = await unwrap(getApi().invoicesExportCsv({ query, perLine: input.perLine, ...ids }));
      return { savedTo: completeSave(answer), count: answer.rows };
    },
  });
}

export function useExportBundle() {
  return useMutation({
    mutationFn: async (input: { cif: string; dateFrom: string; dateTo: string }): Promise<ExportOutcome> => {
      const answer = await unwrap(getApi().invoicesExportBundle(input));
      return { savedTo: completeSave(answer), count: answer.messages };
    },
  });
}
