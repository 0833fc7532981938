/** One invoice as a readable document, and the actions that save or open its files. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { getApi, unwrap } from '../ipc/api.ts';
import { completeSave } from '../lib/download.ts';
import { queryKeys } from '../queries.ts';

export type SaveFormat = 'zip' | 'xml' | 'pdf';

export function useInvoiceDocument(cif: string, messageId: string) {
  return useQuery({
    queryKey: queryKeys.invoiceDocument(cif, messageId),
    queryFn: () => unwrap(getApi().invoicesDocument({ cif, messageId })),
  });
}

/**
 * Saves one message as ZIP, XML or PDF. The result is the path main wrote to
 * (Electron) or null when a browser download was started instead.
 */
export function useSaveInvoice() {
  return useMutation({
    mutationFn: async (input: { cif: string; messageId: string; format: SaveFormat }) =>
      completeSave(await unwrap(getApi().invoicesSave(input))),
  });
}

export function useOpenAttachment() {
  return useMutation({
    mutationFn: async (input: { cif: string; messageId: string; attachmentIndex: number }) =>
      completeSave(await unwrap(getApi().invoicesOpenAttachment(input))),
  });
}
