import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLogout } from '../../hooks/useAccounts.ts';

export interface LogoutModalProps {
  account: AccountSummary;
  onClose: () => void;
  /** Receives the sentence about what stays valid at ANAF. */
  onLoggedOut: (message: string) => void;
}

export function LogoutModal({ account, onClose, onLoggedOut }: LogoutModalProps) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Modal opened onClose={onClose} title={t('accounts.logoutTitle')}>
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {account.certificateSubject}
        </Text>
        <Text size="sm">{t('accounts.logoutText')}</Text>
        {logout.error ? <ErrorAlert error={logout.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={logout.isPending}
            onClick={() =>
              logout.mutate(account.id, {
                onSuccess: (report) => {
                  onLoggedOut(t(report.revoked ? 'accounts.logoutRevoked' : 'accounts.logoutNotRevoked'));
                  onClose();
                },
              })
            }
          >
            {t('accounts.logout')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
