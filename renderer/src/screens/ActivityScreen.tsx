import { Loader, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useQueueSnapshot, useSyncStatus } from '../hooks/useActivity.ts';
import { useCompanies } from '../hooks/useCompanies.ts';
import { BudgetsTable } from './activity/BudgetsTable.tsx';
import { QueuePanel } from './activity/QueuePanel.tsx';
import { SyncPanel } from './activity/SyncPanel.tsx';

/** Shows what the app is doing with ANAF right now: the queue, the sync and today's budgets. */
export function ActivityScreen() {
  const { t } = useTranslation();
  const queue = useQueueSnapshot();
  const sync = useSyncStatus();
  const companies = useCompanies();

  return (
    <Stack gap="md" maw={1200}>
      <Title order={2}>{t('activity.heading')}</Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          {queue.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
          {queue.error ? <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} /> : null}
          {queue.data ? <QueuePanel snapshot={queue.data} /> : null}
        </Stack>
        <Stack gap="md">
          {sync.error ? <ErrorAlert error={sync.error} onRetry={() => void sync.refetch()} /> : null}
          {companies.error ? <ErrorAlert error={companies.error} onRetry={() => void companies.refetch()} /> : null}
          {companies.data ? <SyncPanel companies={companies.data} progress={sync.data ?? []} /> : null}
        </Stack>
      </SimpleGrid>
      {queue.data ? <BudgetsTable budgets={queue.data.budgets} /> : null}
    </Stack>
  );
}
