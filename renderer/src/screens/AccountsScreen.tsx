import { Button, EmptyState, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useAccounts } from '../hooks/useAccounts.ts';
import { notifySuccess } from '../lib/notify.ts';
import { AccountCard } from './accounts/AccountCard.tsx';
import { LoginPanel } from './login/LoginPanel.tsx';

export function AccountsScreen() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const [adding, setAdding] = useState(false);
  // Expiry warnings are computed against the time the screen opened.
  const [now] = useState(() => Date.now());

  return (
    <Stack gap="md" maw={1000}>
      <Group justify="space-between">
        <Title order={2}>{t('accounts.heading')}</Title>
        <Button size="xs" variant={adding ? 'default' : 'filled'} onClick={() => setAdding((value) => !value)}>
          {adding ? t('common.close') : t('accounts.add')}
        </Button>
      </Group>
      {adding ? (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            {t('accounts.addHeading')}
          </Title>
          <LoginPanel
            onLoggedIn={(account) => {
              notifySuccess(t('firstRun.success', { subject: account.certificateSubject }));
              setAdding(false);
            }}
          />
        </Paper>
      ) : null}
      {accounts.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {accounts.error ? <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} /> : null}
      {accounts.isSuccess && accounts.data.length === 0 && !adding ? (
        <EmptyState title={t('accounts.emptyTitle')} description={t('accounts.emptyText')} />
      ) : null}
      {accounts.data?.map((account) => (
        <AccountCard key={account.id} account={account} now={now} />
      ))}
    </Stack>
  );
}
