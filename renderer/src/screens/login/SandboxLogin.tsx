import { Alert, Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLoginSandbox, useSandboxCertificates } from '../../hooks/useAccounts.ts';

/** Ignores a failed login, because the component already shows it through `login.error`. */
function ignoreShownError(): void {}

/**
 * Lists the sandbox's certificates, each with a one-click login. `mutateAsync` is used
 * because storing the new account can unmount this component (the first-run
 * panel disappears), and TanStack Query skips per-call callbacks then.
 */
export function SandboxLogin({ onLoggedIn }: { onLoggedIn: (account: AccountSummary) => void }) {
  const { t } = useTranslation();
  const certificates = useSandboxCertificates(true);
  const login = useLoginSandbox();

  if (certificates.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (certificates.error) return <ErrorAlert error={certificates.error} onRetry={() => void certificates.refetch()} />;
  if (certificates.data.length === 0) return <Alert color="orange">{t('firstRun.noCertificates')}</Alert>;

  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('firstRun.certificates')}
      </Text>
      {certificates.data.map((certificate) => (
        <Card key={certificate.index} withBorder padding="sm">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text size="sm" fw={500}>
                {certificate.subject}
              </Text>
              <Text size="xs" c="dimmed">
                {certificate.cifs.length > 0 ? t('firstRun.certificateCifs', { cifs: certificate.cifs.join(', ') }) : t('firstRun.certificateNoCifs')} ·{' '}
                {t('firstRun.certificateSerial', { serial: certificate.serial })}
              </Text>
            </div>
            <Button
              size="xs"
              loading={login.isPending && login.variables === certificate.index}
              disabled={login.isPending}
              aria-label={t('firstRun.loginWith', { subject: certificate.subject })}
              onClick={() => void login.mutateAsync(certificate.index).then(onLoggedIn, ignoreShownError)}
            >
              {t('firstRun.loginShort')}
            </Button>
          </Group>
        </Card>
      ))}
      {login.error ? <ErrorAlert error={login.error} /> : null}
    </Stack>
  );
}
