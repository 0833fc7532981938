/**
 * Keeps cached data in step with what main pushes: changes made elsewhere
 * (another window, the CLI, the sync) and live upload, sync and queue state.
 * `notice` events become notifications.
 */
import { notifications } from '@mantine/notifications';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SyncProgress, UploadRecord } from '../../../shared/domain.ts';
import type { EventPayloads } from '../../../shared/ipc/contract.ts';
import { getApi } from '../ipc/api.ts';
import { syncFailureText } from '../lib/note-text.ts';
import { upsertUpload } from '../lib/upload/states.ts';
import { queryKeys } from '../queries.ts';

const NOTICE_COLORS = { info: 'blue', warning: 'orange', error: 'red' } as const;

function applyUpload(client: QueryClient, record: UploadRecord): void {
  const cached = client.getQueriesData<UploadRecord[]>({ queryKey: queryKeys.uploadsAll });
  for (const [key, list] of cached) {
    const scope = key[1];
    if (!list || (scope !== 'all' && scope !== record.cif)) continue;
    client.setQueryData(key, upsertUpload(list, record));
  }
}

/**
 * Stores a company's sync progress and returns whether this event ends a
 * run that was seen running with a failure, so the failure is announced
 * once and not for every later status of the same run.
 */
function applySyncProgress(client: QueryClient, progress: SyncProgress): boolean {
  const previous = client
    .getQueryData<SyncProgress[]>(queryKeys.syncStatus)
    ?.find((item) => item.cif === progress.cif);
  client.setQueryData<SyncProgress[]>(queryKeys.syncStatus, (list) => {
    const current = list ?? [];
    const index = current.findIndex((item) => item.cif === progress.cif);
    if (index === -1) return [...current, progress];
    const next = [...current];
    next[index] = progress;
    return next;
  });  return previous?.running === true && !progress.running && progress.error !== null;
}

/**
 * Words a notice of a known kind in the interface language, or returns null
 * for one that only has main's English message.
 */
export function noticeText(t: TFunction, notice: EventPayloads['notice']): { title: string; message: string } | null {
  const cif = String(notice.values?.cif ?? '');
  const count = Number(notice.values?.count ?? 0);
  if (notice.kind === 'invoicesReceived') {
    return { title: t('notices.kinds.invoicesReceivedTitle'), message: t('notices.kinds.invoicesReceived', { cif, count }) };
  }
  if (notice.kind === 'uploadsRejected') {
    return { title: t('notices.kinds.uploadsRejectedTitle'), message: t('notices.kinds.uploadsRejected', { cif, count }) };
  }
  return null;
}

export function useMainEvents(): void {
  const client = useQueryClient();
  const { t } = useTranslation();

  useEffect(() => {
    const api = getApi();
    const showNotice = (notice: EventPayloads['notice']): void => {
      const known = noticeText(t, notice);
      notifications.show({
        title: known?.title ?? t(`notices.${notice.level}`),
        message: known?.message ?? notice.message,
        color: NOTICE_COLORS[notice.level],
        autoClose: notice.level === 'info' ? 5000 : false,
      });
    };
    const showSyncFailure = (progress: SyncProgress): void => {
      notifications.show({
        title: t('companies.syncFailedTitle', { cif: progress.cif }),
        message: syncFailureText(t, progress),
        color: 'red',
        autoClose: false,
      });
    };
    const unsubscribers = [
      // A read-only window that took the data folder's lock drops its read-only badge.
      api.on('app.changed', (info) => client.setQueryData(queryKeys.appInfo, info)),
      api.on('settings.changed', (settings) => client.setQueryData(queryKeys.settings, settings)),
      api.on('environment.changed', (info) => client.setQueryData(queryKeys.environment, info)),
      api.on('accounts.changed', (accounts) => client.setQueryData(queryKeys.accounts, accounts)),
      api.on('companies.changed', (companies) => client.setQueryData(queryKeys.companies, companies)),
      api.on('uploads.changed', (record) => applyUpload(client, record)),
      api.on('invoices.changed', ({ cif }) => void client.invalidateQueries({ queryKey: queryKeys.invoices(cif) })),
      api.on('sync.progress', (progress) => {
        if (applySyncProgress(client, progress)) showSyncFailure(progress);
      }),
      api.on('queue.changed', (snapshot) => client.setQueryData(queryKeys.queue, snapshot)),
      api.on('notice', showNotice),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [client, t]);
}
