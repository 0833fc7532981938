import { Alert, Badge, Button, Divider, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../shared/domain.ts';
import { useRelogin } from '../../hooks/useAccounts.ts';
import { expiryOf } from '../../lib/expiry.ts';
import { formatDateTime } from '../../lib/format.ts';
import { notifyError } from '../../lib/notify.ts';
import { ConnectionTest } from './ConnectionTest.tsx';
import { ExpiryText } from './ExpiryText.tsx';
import { LogoutModal } from './LogoutModal.tsx';

const STATUS = {
  ok: { key: 'accounts.statusOk', color: 'green' },
  expiring: { key: 'accounts.statusExpiring', color: 'orange' },
  expired: { key: 'accounts.statusExpired', color: 'red' },
  loggedOut: { key: 'accounts.statusLoggedOut', color: 'gray' },
} as const;

export function AccountCard({ account, now }: { account: AccountSummary; now: number }) {
  const { t, i18n } = useTranslation();
  const relogin = useRelogin();
  const [logoutOpen, setLogoutOpen] = useState(false);
  const [logoutMessage, setLogoutMessage] = useState<string | null>(null);
  // Bumped on each logout so the connection test starts empty again.
  const [logoutCount, setLogoutCount] = useState(0);
  const refresh = expiryOf(account.refreshExpiresAt, now);
  const access = expiryOf(account.accessExpiresAt, now);
  const status = STATUS[account.status];
  // Main's own warning is English, so the renderer words the same cases
  // itself and shows main's text only for a case it does not know.
  const localWarning = refresh.level === 'soon' || refresh.level === 'expired' || account.status === 'expired';
  const accessWarning = !localWarning && (access.level === 'soon' || access.level === 'expired');

  return (
    <Paper withBorder p="sm" component="article" aria-label={account.certificateSubject}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Group gap={6}>
            <Text fw={600}>{account.certificateSubject}</Text>
            <Badge size="sm" variant="outline">
              {account.provider === 'anaf' ? t('accounts.providerAnaf') : t('accounts.providerSandbox')}
            </Badge>
            <Badge size="sm" color={status.color}>
              {t(status.key)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('accounts.issuer')}: {account.certificateIssuer ?? t('common.unknown')} · {t('accounts.serial')}: {account.certificateSerial}
            {account.provider === 'anaf' ? ` · ${t('accounts.clientId')}: ${account.clientId}` : ''}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap" role="group" aria-label={t('accounts.actionsFor', { subject: account.certificateSubject })}>
          <Button size="xs" loading={relogin.isPending} onClick={() => relogin.mutate(account.id, { onError: (error) => notifyError(t, error) })}>
            {t('accounts.relogin')}
          </Button>
          <Button size="xs" color="red" variant="light" onClick={() => setLogoutOpen(true)} disabled={account.status === 'loggedOut'}>
            {t('accounts.logout')}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={2} mt="xs" spacing="xs">
        <ExpiryText label={t('accounts.accessExpiry')} time={account.accessExpiresAt} now={now} />
        <ExpiryText label={t('accounts.refreshExpiry')} time={account.refreshExpiresAt} now={now} />
      </SimpleGrid>
      <Stack gap={6} mt="xs">
        {refresh.level === 'soon' ? (
          <Alert color="orange" p="xs">
            {t('accounts.warningSoon', { count: refresh.daysLeft ?? 0 })}
          </Alert>
        ) : null}
        {refresh.level === 'expired' || account.status === 'expired' ? (
          <Alert color="red" p="xs">
            {t('accounts.warningExpired')}
          </Alert>
        ) : null}
        {accessWarning ? (
          <Alert color="orange" p="xs">
            {t(access.level === 'expired' ? 'accounts.warningAccessExpired' : 'accounts.warningAccessSoon', {
              date: formatDateTime(account.accessExpiresAt, i18n.language),
            })}
          </Alert>
        ) : null}
        {account.warning && !localWarning && !accessWarning ? (
          <Alert color="orange" p="xs">
            {account.warning}
          </Alert>
        ) : null}
        {account.storageProblem ? (
          <Alert color="red" p="xs" title={t('accounts.storageProblem')}>
            {account.storageProblem} {t('errors.hints.storageUndecryptable')}
          </Alert>
        ) : null}
        {!account.persistent ? (
          <Alert color="yellow" p="xs">
            {t('accounts.sessionOnly')}
          </Alert>
        ) : null}
        {logoutMessage ? (
          <Alert color="blue" p="xs" title={t('accounts.loggedOut')} withCloseButton onClose={() => setLogoutMessage(null)}>
            {logoutMessage}
          </Alert>
        ) : null}
      </Stack>
      <Divider my="xs" />
      <ConnectionTest key={logoutCount} account={account} />
      {logoutOpen ? (
        <LogoutModal
          account={account}
          onClose={() => setLogoutOpen(false)}
          onLoggedOut={(message) => {
            setLogoutMessage(message);
            setLogoutCount((count) => count + 1);
          }}
        />
      ) : null}
    </Paper>
  );
}
