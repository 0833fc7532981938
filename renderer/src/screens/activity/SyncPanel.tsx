import { Button, Divider, EmptyState, Group, Paper, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanySummary, SyncProgress } from '../../../../shared/domain.ts';
import { useRunSync } from '../../hooks/useActivity.ts';
import { useReadOnly } from '../../hooks/useReadOnly.ts';
import { companyName } from '../../lib/company-label.ts';
import { notifyError } from '../../lib/notify.ts';
import { SyncRow } from './SyncRow.tsx';

/** Sync state of every followed company, with a progress bar each and "sync now". */
export function SyncPanel({ companies, progress }: { companies: CompanySummary[]; progress: SyncProgress[] }) {
  const { t } = useTranslation();
  const sync = useRunSync();
  const readOnly = useReadOnly();
  const run = (cif: string | undefined): void => sync.mutate(cif, { onError: (error) => notifyError(t, error) });
  const anyRunning = progress.some((item) => item.running);

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="sync-heading">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="sync-heading">
          {t('activity.sync')}
        </Title>
        <Button size="xs" onClick={() => run(undefined)} loading={sync.isPending && sync.variables === undefined} disabled={anyRunning || companies.length === 0 || readOnly}>
          {t('activity.syncAll')}
        </Button>
      </Group>
      {companies.length === 0 ? <EmptyState size="sm" title={t('activity.noSyncTitle')} description={t('activity.noSyncText')} /> : null}
      {companies.map((company, index) => (
        <Fragment key={company.cif}>
          {index > 0 ? <Divider /> : null}
          <SyncRow
            name={companyName(company)}
            cif={company.cif}
            progress={progress.find((item) => item.cif === company.cif)}
            starting={sync.isPending && sync.variables === company.cif}
            disabled={readOnly}
            onSync={() => run(company.cif)}
          />
        </Fragment>
      ))}
    </Paper>
  );
}
