/** Exports of the invoice list: CSV for the current filter and a ZIP bundle for a period. */
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
    mutationFn: async (input: { query: InvoiceQuery; perLine: boolean }): Promise<ExportOutcome> => {
      const { offset: _offset, limit: _limit, ...query } = input.query;
      const answer = await unwrap(getApi().invoicesExportCsv({ query, perLine: input.perLine }));
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
