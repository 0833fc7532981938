import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncProgress } from '../../../../shared/domain.ts';
import { formatDateTime } from '../../lib/format.ts';
import { syncErrorText } from '../../lib/note-text.ts';

/** Share of listed messages that are done (downloaded, already archived, expired or failed). */
export function syncPercent(progress: SyncProgress): number {
  if (progress.listed <= 0) return progress.running ? 0 : 100;
  return Math.min(100, Math.max(0, ((progress.listed - progress.remaining) / progress.listed) * 100));
}

export interface SyncRowProps {
  name: string;
  progress: SyncProgress | undefined;
  cif: string;
  starting: boolean;
  /** True in a read-only window, which cannot start a sync. */
  disabled: boolean;
  onSync: () => void;
}

export function SyncRow({ name, progress, cif, starting, disabled, onSync }: SyncRowProps) {
  const { t, i18n } = useTranslation();
  const status = !progress
    ? t('activity.syncNever')
    : progress.running
      ? t('activity.syncRunning')
      : progress.finishedAt
        ? t('activity.syncFinished', { time: formatDateTime(progress.finishedAt, i18n.language) })
        : t('activity.syncNever');
  return (
    <Stack gap={4} py={6}>
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text size="sm" fw={500}>
            {name}
            {/* Main names a company added without a name `CIF <cif>`, so the CIF is not repeated. */}
            {name.includes(cif) ? null : (
              <>
                {' '}
                <Text span size="xs" c="dimmed">
                  ({cif})
                </Text>
              </>
            )}
          </Text>
          <Text size="xs" c="dimmed">
            {status}
          </Text>
        </div>
        <Button size="xs" variant="light" loading={starting} disabled={disabled || progress?.running} onClick={onSync} aria-label={t('activity.syncOneLabel', { cif })}>
          {t('activity.syncOne')}
        </Button>
      </Group>
      {progress ? (
        <>
          <Progress
            value={syncPercent(progress)}
            animated={progress.running}
            striped={progress.running}
            color={progress.error ? 'red' : 'blue'}
            aria-label={t('activity.progress', { cif })}
          />
          <Text size="xs" c="dimmed">
            {t('activity.syncCounts', {
              downloaded: progress.downloaded,
              archived: progress.alreadyArchived,
              remaining: progress.remaining,
              listed: progress.listed,
            })}
            {progress.expired + progress.failed > 0 ? ` · ${t('activity.syncProblems', { expired: progress.expired, failed: progress.failed })}` : ''}
          </Text>
          {progress.error ? (
            <Text size="xs" c="red">
              {progress.errorKind ? syncErrorText(t, progress) : t('activity.syncError', { message: progress.error })}
            </Text>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
