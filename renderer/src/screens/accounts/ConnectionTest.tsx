import { Alert, Button, Group, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary, ApiPath } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useTestConnection } from '../../hooks/useAccounts.ts';

/** Calls ANAF with the account's token and shows ANAF's response as it came. */
export function ConnectionTest({ account }: { account: AccountSummary }) {
  const { t } = useTranslation();
  const test = useTestConnection();
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
        <Alert color="green" mt="xs" p="xs" title={t('accounts.testAnswer')}>
          <Text size="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {test.data.answer}
          </Text>
        </Alert>
      ) : null}
      {test.error ? <ErrorAlert error={test.error} /> : null}
    </div>
  );
}
