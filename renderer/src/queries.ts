/**
 * Query keys and the settings and app-info hooks over the IPC contract,
 * cached by TanStack Query. Feature hooks live in `hooks/`; events from main
 * update these caches in `hooks/useMainEvents.ts`.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvoiceQuery } from '../../shared/domain.ts';
import type { SettingsPatch } from '../../shared/settings.ts';
import { getApi, unwrap } from './ipc/api.ts';

export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  settings: ['settings'] as const,
  environment: ['environment'] as const,
  accounts: ['accounts', 'list'] as const,
  sandboxCertificates: ['accounts', 'sandboxCertificates'] as const,
  companies: ['companies'] as const,
  /** Everything cached for one company's invoices: pages and documents. */
  invoices: (cif: string) => ['invoices', cif] as const,
  invoicePage: (query: InvoiceQuery) => ['invoices', query.cif, 'page', query] as const,
  invoiceDocument: (cif: string, messageId: string) => ['invoices', cif, 'document', messageId] as const,
  uploadsAll: ['uploads'] as const,
  uploads: (cif: string | null) => ['uploads', cif ?? 'all'] as const,
  syncStatus: ['sync', 'status'] as const,
  queue: ['queue', 'snapshot'] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => unwrap(getApi().appInfo()) });
}

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => unwrap(getApi().settingsGet()) });
}

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => unwrap(getApi().settingsSet(patch)),
    onSuccess: (settings) => client.setQueryData(queryKeys.settings, settings),
  });
}
