import { Alert, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useAccounts } from '../hooks/useAccounts.ts';
import { notifySuccess } from '../lib/notify.ts';
import { readOnlyText } from '../lib/read-only-text.ts';
import { useNavigation } from '../navigation.ts';
import { useAppInfo } from '../queries.ts';
import { AboutTable } from './home/AboutTable.tsx';
import { Overview } from './home/Overview.tsx';
import { LoginPanel } from './login/LoginPanel.tsx';

/** The start page: the first login when there is no account yet, else an overview. */
export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const info = useAppInfo();
  const accounts = useAccounts();
  const { navigate } = useNavigation();
  const firstRun = accounts.isSuccess && accounts.data.length === 0;
  const readOnlyBanner = info.data ? readOnlyText(t, info.data, i18n.language) : null;

  return (
    <Stack maw={960} gap="md">
      <Title order={2}>{t('home.heading')}</Title>
      <Text>{t('home.intro')}</Text>
      {accounts.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {accounts.error ? <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} /> : null}
      {firstRun ? (
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb={4}>
            {t('firstRun.heading')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('firstRun.intro')}
          </Text>
          <LoginPanel
            onLoggedIn={(account, api) => {
              notifySuccess(`${t('firstRun.success', { subject: account.certificateSubject })} ${t('firstRun.nextStep')}`);
              navigate({ screen: 'companies', defaultApi: api });
            }}
          />
        </Paper>
      ) : null}
      {accounts.isSuccess && !firstRun ? <Overview accountCount={accounts.data.length} /> : null}
      {info.error ? <ErrorAlert error={info.error} /> : null}
      {info.data ? <AboutTable info={info.data} /> : null}
      {readOnlyBanner ? <Alert color="orange">{readOnlyBanner}</Alert> : null}
      {info.data?.weakTokenStorage ? <Alert color="yellow">{t('app.weakTokenStorage')}</Alert> : null}
    </Stack>
  );
}
