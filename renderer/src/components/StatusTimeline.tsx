import { Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UploadState } from '../../../shared/domain.ts';
import { timelineFor, type StepStatus, type TimelineStep } from '../lib/upload/states.ts';

const STEP_KEYS = {
  queued: 'upload.stepQueued',
  sending: 'upload.stepSending',
  processing: 'upload.stepProcessing',
  outcome: 'upload.stepOutcome',
} as const satisfies Record<TimelineStep, string>;

const STATUS_COLORS: Record<StepStatus, string> = {
  done: 'var(--mantine-color-green-6)',
  active: 'var(--mantine-color-blue-6)',
  error: 'var(--mantine-color-red-6)',
  warning: 'var(--mantine-color-orange-6)',
  todo: 'var(--mantine-color-default-border)',
};

/**
 * Draws a compact four-step timeline of one upload. Each step is a coloured bar;
 * the list carries the step names and their status for screen readers.
 */
export function StatusTimeline({ state, name }: { state: UploadState; name: string }) {
  const { t } = useTranslation();
  const items = timelineFor(state);
  return (
    <Group gap={3} wrap="nowrap" component="ol" aria-label={t('upload.timeline', { name })} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => (
        <Tooltip key={item.step} label={t(STEP_KEYS[item.step])} withArrow>
          <li data-step={item.step} data-status={item.status} aria-label={`${t(STEP_KEYS[item.step])}: ${t(`upload.stepStatus.${item.status}`)}`}>
            <div style={{ width: 26, height: 6, borderRadius: 3, background: STATUS_COLORS[item.status] }} />
          </li>
        </Tooltip>
      ))}
      <Text component="span" size="xs" c="dimmed" ml={4} aria-hidden>
        {t(STEP_KEYS[items.find((item) => item.status !== 'done' && item.status !== 'todo')?.step ?? 'outcome'])}
      </Text>
    </Group>
  );
}
