import { Alert, Button, EmptyState, Loader, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiPath, CompanySummary } from '../../../shared/domain.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useRunSync, useSyncStatus } from '../hooks/useActivity.ts';
import { useAccounts } from '../hooks/useAccounts.ts';
import { useReadOnly } from '../hooks/useReadOnly.ts';
import { useCompanies } from '../hooks/useCompanies.ts';
import { syncFailureText } from '../lib/note-text.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { useNavigation } from '../navigation.ts';
import { useSettings } from '../queries.ts';
import { AddCompanyForm } from './companies/AddCompanyForm.tsx';
import { CompanyEditModal } from './companies/CompanyEditModal.tsx';
import { CompanyRemoveModal } from './companies/CompanyRemoveModal.tsx';
import { CompanyRow } from './companies/CompanyRow.tsx';

type Dialog = { kind: 'edit' | 'remove'; company: CompanySummary } | null;

export function CompaniesScreen({ defaultApi }: { defaultApi?: ApiPath | undefined }) {
  const { t } = useTranslation();
  const companies = useCompanies();
  const accounts = useAccounts();
  const settings = useSettings();
  const sync = useRunSync();
  const syncStatus = useSyncStatus();
  const readOnly = useReadOnly();
  const { navigate } = useNavigation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const accountList = accounts.data ?? [];

  const syncFailure = (cif: string): string | null => {
    const progress = syncStatus.data?.find((item) => item.cif === cif);
    return progress && !progress.running ? syncFailureText(t, progress) : null;
  };

  const runSync = (cif: string): void =>
    sync.mutate(cif, {
      onSuccess: () => notifySuccess(t('companies.syncStarted')),
      onError: (error) => notifyError(t, error),
    });

  return (
    <Stack gap="md">
      <Title order={2}>{t('companies.heading')}</Title>
      {accounts.error ? <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} /> : null}
      {accounts.isSuccess && accountList.length === 0 ? (
        <Alert color="blue">
          {t('companies.noAccount')}{' '}
          <Button size="compact-sm" variant="subtle" onClick={() => navigate({ screen: 'accounts' })}>
            {t('companies.goToAccounts')}
          </Button>
        </Alert>
      ) : null}
      {accountList.length > 0 ? <AddCompanyForm
          accounts={accountList}
          defaultApi={defaultApi ?? settings.data?.defaultApi ?? DEFAULT_SETTINGS.defaultApi}
        /> : null}
      {companies.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {companies.error ? <ErrorAlert error={companies.error} onRetry={() => void companies.refetch()} /> : null}
      {companies.isSuccess && companies.data.length === 0 ? (
        <EmptyState title={t('companies.emptyTitle')} description={t('companies.emptyText')} />
      ) : null}
      {companies.isSuccess && companies.data.length > 0 ? (
        <Table striped highlightOnHover withTableBorder verticalSpacing={6} aria-label={t('companies.list')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('companies.name')}</Table.Th>
              <Table.Th>{t('companies.account')}</Table.Th>
              <Table.Th>{t('companies.lastSync')}</Table.Th>
              <Table.Th ta="right">{t('companies.newReceived')}</Table.Th>
              <Table.Th ta="right">{t('companies.rejectedUploads')}</Table.Th>
              <Table.Th ta="right">{t('companies.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {companies.data.map((company) => (
              <CompanyRow
                key={company.cif}
                company={company}
                account={accountList.find((account) => account.id === company.accountId)}
                syncing={sync.isPending && sync.variables === company.cif}
                syncDisabled={readOnly}
                syncFailure={syncFailure(company.cif)}
                onOpen={() => navigate({ screen: 'invoices', cif: company.cif, direction: 'received' })}
                onSync={() => runSync(company.cif)}
                onEdit={() => setDialog({ kind: 'edit', company })}
                onRemove={() => setDialog({ kind: 'remove', company })}
              />
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {dialog?.kind === 'edit' ? (
        <CompanyEditModal
          company={dialog.company}
          canChooseApi={accountList.find((account) => account.id === dialog.company.accountId)?.provider === 'anaf'}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'remove' ? <CompanyRemoveModal company={dialog.company} onClose={() => setDialog(null)} /> : null}
    </Stack>
  );
}
