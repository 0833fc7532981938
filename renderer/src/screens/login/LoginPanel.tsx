import { Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary, ApiPath } from '../../../../shared/domain.ts';
import { useSelectEnvironment } from '../../hooks/useEnvironment.ts';
import { notifyError } from '../../lib/notify.ts';
import { useSettings, useUpdateSettings } from '../../queries.ts';
import { AnafLogin } from './AnafLogin.tsx';
import { SandboxLogin } from './SandboxLogin.tsx';

export const LOGIN_TARGETS = ['sandbox', 'anafTest', 'anafProd'] as const;
export type LoginTarget = (typeof LOGIN_TARGETS)[number];

/** Returns the API path new companies default to after a login on this target. */
export function apiPathOf(target: LoginTarget): ApiPath {
  return target === 'anafProd' ? 'prod' : 'test';
}

export interface LoginPanelProps {
  onLoggedIn: (account: AccountSummary, api: ApiPath) => void;
}

/** Chooses sandbox, ANAF test or ANAF production, then shows the matching login. */
export function LoginPanel({ onLoggedIn }: LoginPanelProps) {
  const { t } = useTranslation();
  const settings = useSettings();
  const selectEnvironment = useSelectEnvironment();
  const updateSettings = useUpdateSettings();
  const [target, setTarget] = useState<LoginTarget>(settings.data?.environment === 'anaf' ? 'anafTest' : 'sandbox');

  const choose = (value: string): void => {
    const next = LOGIN_TARGETS.find((candidate) => candidate === value);
    if (!next) return;
    setTarget(next);
    const environment = next === 'sandbox' ? 'sandbox' : 'anaf';
    if (settings.data?.environment !== environment) {
      selectEnvironment.mutate(environment, { onError: (error) => notifyError(t, error) });
    }
  };
  const done = (account: AccountSummary): void => {
    const api = apiPathOf(target);
    // An ANAF login on test or production makes that path the default for the companies added next.
    if (target !== 'sandbox' && settings.data?.defaultApi !== api) {
      updateSettings.mutate({ defaultApi: api }, { onError: (error) => notifyError(t, error) });
    }
    onLoggedIn(account, api);
  };

  return (
    <Stack gap="md">
      <Radio.Group label={t('firstRun.target')} value={target} onChange={choose}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
          {LOGIN_TARGETS.map((value) => (
            <Radio.Card key={value} value={value} p="sm" radius="sm" withBorder>
              <Stack gap={2}>
                <Group gap={8} wrap="nowrap">
                  <Radio.Indicator size="xs" />
                  <Text fw={600} size="sm">
                    {t(`firstRun.${value}`)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {t(`firstRun.${value}Help`)}
                </Text>
              </Stack>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
      {target === 'sandbox' ? <SandboxLogin onLoggedIn={done} /> : <AnafLogin onLoggedIn={done} />}
    </Stack>
  );
}
