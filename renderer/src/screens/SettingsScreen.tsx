import { Alert, NumberInput, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '../../../shared/settings.ts';
import { MAX_RATE_LIMIT } from '../../../shared/settings.ts';
import { useReadOnly } from '../hooks/useReadOnly.ts';
import { localizeError } from '../lib/error-text.ts';
import { useSettings, useUpdateSettings } from '../queries.ts';
import { ArchiveDirInput } from './settings/ArchiveDirInput.tsx';

export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useSettings();
  const update = useUpdateSettings();
  // Settings live in the data folder, which a read-only window cannot write.
  const readOnly = useReadOnly();

  const save = (patch: SettingsPatch): void => {
    if (readOnly) return;
    update.mutate(patch, {
      // The language may just have changed, so the notice uses the new one.
      onSuccess: (saved) =>
        notifications.show({ message: t('settings.saved', { lng: saved.language }), color: 'green', autoClose: 2000 }),
      onError: (error) =>
        notifications.show({ message: t('settings.saveFailed', { message: localizeError(t, error).message }), color: 'red' }),
    });
  };

  if (!settings.data) {
    return settings.error ? (
      <Alert color="red">{t('errors.generic', { message: localizeError(t, settings.error).message })}</Alert>
    ) : null;
  }
  const current = settings.data;

  return (
    <Stack maw={640} gap="md">
      <Title order={2}>{t('settings.heading')}</Title>
      <div>
        <Text size="sm" fw={500} id="language-label">
          {t('settings.language')}
        </Text>
        <SegmentedControl
          disabled={readOnly}
          aria-labelledby="language-label"
          value={current.language}
          data={[
            { value: 'ro', label: 'Română' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(value) => save({ language: value === 'en' ? 'en' : 'ro' })}
        />
      </div>
      <Select
        disabled={readOnly}
        label={t('settings.theme')}
        value={current.theme}
        allowDeselect={false}
        data={[
          { value: 'system', label: t('settings.themeSystem') },
          { value: 'light', label: t('settings.themeLight') },
          { value: 'dark', label: t('settings.themeDark') },
        ]}
        onChange={(value) => {
          if (value === 'system' || value === 'light' || value === 'dark') save({ theme: value });
        }}
      />
      <Select
        disabled={readOnly}
        label={t('settings.environment')}
        value={current.environment}
        allowDeselect={false}
        data={[
          { value: 'sandbox', label: t('settings.environmentSandbox') },
          { value: 'anaf', label: t('settings.environmentAnaf') },
        ]}
        onChange={(value) => {
          if (value === 'sandbox' || value === 'anaf') save({ environment: value });
        }}
      />
      <Select
        disabled={readOnly}
        label={t('settings.defaultApi')}
        description={t('settings.defaultApiHelp')}
        value={current.defaultApi}
        allowDeselect={false}
        data={[
          { value: 'test', label: t('settings.defaultApiTest') },
          { value: 'prod', label: t('settings.defaultApiProd') },
        ]}
        onChange={(value) => {
          if (value === 'test' || value === 'prod') save({ defaultApi: value });
        }}
      />
      <NumberInput
        disabled={readOnly}
        label={t('settings.rateLimit')}
        description={t('settings.rateLimitHelp')}
        min={1}
        max={MAX_RATE_LIMIT}
        defaultValue={current.rateLimitPerMinute}
        key={`rate-${current.rateLimitPerMinute}`}
        onBlur={(event) => {
          const value = Number(event.currentTarget.value);
          if (value !== current.rateLimitPerMinute) save({ rateLimitPerMinute: value });
        }}
      />
      <NumberInput
        disabled={readOnly}
        label={t('settings.syncInterval')}
        description={t('settings.syncIntervalHelp')}
        min={0}
        max={1440}
        defaultValue={current.syncIntervalMinutes}
        key={`sync-${current.syncIntervalMinutes}`}
        onBlur={(event) => {
          const value = Number(event.currentTarget.value);
          if (value !== current.syncIntervalMinutes) save({ syncIntervalMinutes: value });
        }}
      />
      <NumberInput
        disabled={readOnly}
        label={t('settings.reconcileDeadline')}
        description={t('settings.reconcileDeadlineHelp')}
        min={1}
        max={1440}
        defaultValue={current.reconcileDeadlineMinutes}
        key={`deadline-${current.reconcileDeadlineMinutes}`}
        onBlur={(event) => {
          const value = Number(event.currentTarget.value);
          if (value !== current.reconcileDeadlineMinutes) save({ reconcileDeadlineMinutes: value });
        }}
      />
      <ArchiveDirInput disabled={readOnly} current={current.archiveDir} onSave={(archiveDir) => save({ archiveDir })} saving={update.isPending} />
    </Stack>
  );
}
