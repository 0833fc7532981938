import { EmptyState, Loader, Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useUploads } from '../../hooks/useUploads.ts';
import { describeUploadRef } from '../../lib/upload/states.ts';
import { UploadHistoryRow } from './UploadHistoryRow.tsx';

/** Recent uploads of every company, newest first, updated live by `uploads.changed`. */
export function UploadHistory({ companies }: { companies: CompanySummary[] }) {
  const { t } = useTranslation();
  const uploads = useUploads(null);
  const nameOf = (cif: string): string => companies.find((company) => company.cif === cif)?.name || cif;

  return (
    <Paper withBorder p="sm">
      <Title order={3} size="h5" mb="xs">
        {t('upload.history')}
      </Title>
      {uploads.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {uploads.error ? <ErrorAlert error={uploads.error} onRetry={() => void uploads.refetch()} /> : null}
      {uploads.isSuccess && uploads.data.length === 0 ? (
        <EmptyState size="sm" title={t('upload.historyEmptyTitle')} description={t('upload.historyEmptyText')} />
      ) : null}
      {uploads.isSuccess && uploads.data.length > 0 ? (
        <Table fz="sm" verticalSpacing={4} aria-label={t('upload.history')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="26%">{t('upload.file')}</Table.Th>
              <Table.Th w={190}>{t('invoices.state')}</Table.Th>
              <Table.Th w={110}>{t('upload.uploadIndex')}</Table.Th>
              <Table.Th w={130}>{t('upload.updated')}</Table.Th>
              <Table.Th>{t('upload.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {uploads.data.map((record) => (
              <UploadHistoryRow key={record.id} record={record} companyName={nameOf(record.cif)} describeUpload={(id) => describeUploadRef(id, uploads.data)} />
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}
