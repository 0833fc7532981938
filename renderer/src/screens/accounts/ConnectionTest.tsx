import { Alert, Button, Group, SegmentedControl, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary, ApiPath } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useTestConnection } from '../../hooks/useAccounts.ts';

/** Calls ANAF with the account's token and words ANAF's response as a sentence. */
export function ConnectionTest({ account }: { account: AccountSummary }) {
  const { t } = useTranslation();
  const test = useTestConnection();
  const { reset } = test;
  const loggedOut = account.status === 'loggedOut';
  // A result from before a logout (here or in another window) no longer holds.
  useEffect(() => {
    if (loggedOut) reset();
  }, [loggedOut, reset]);
  const [api, setApi] = useState<ApiPath>('test');
  const isAnaf = account.provider === 'anaf';
  return (
    <div>
      <Group gap="xs">
        {isAnaf ? (
          <SegmentedControl
            size="xs"
            aria-label={t('accounts.testApi')}
            value={api}
            onChange={(value) => setApi(value === 'prod' ? 'prod' : 'test')}
            data={[
              { value: 'test', label: t('companies.apiTest') },
              { value: 'prod', label: t('companies.apiProd') },
            ]}
          />
        ) : null}
        <Button
          size="xs"
          variant="default"
          loading={test.isPending}
          onClick={() => test.mutate({ accountId: account.id, ...(isAnaf ? { api } : {}) })}
        >
          {t('accounts.testConnection')}
        </Button>
      </Group>
      {test.data ? (
        <Alert color="green" mt="xs" p="xs" role="status">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {t('accounts.testSucceeded', { answer: test.data.answer.trim() })}
          </Text>
        </Alert>
      ) : null}
      {test.error ? <ErrorAlert error={test.error} /> : null}
    </div>
  );
}
