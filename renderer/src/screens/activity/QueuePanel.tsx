import { Group, Paper, Progress, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueJobState, QueueSnapshot } from '../../../../shared/domain.ts';

const JOB_STATES: Array<{ state: QueueJobState; color?: string }> = [
  { state: 'pending' },
  { state: 'running', color: 'blue' },
  { state: 'waitingForBudget', color: 'orange' },
  { state: 'retrying', color: 'orange' },
  { state: 'done', color: 'green' },
  { state: 'failed', color: 'red' },
];

/** Jobs by state and the calls made in the sliding minute against the limit. */
export function QueuePanel({ snapshot }: { snapshot: QueueSnapshot }) {
  const { t } = useTranslation();
  const { callsInLastMinute: calls, rateLimitPerMinute: limit } = snapshot;
  const percent = limit > 0 ? Math.min(100, (calls / limit) * 100) : 0;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="queue-heading">
      <Title order={3} size="h5" id="queue-heading" mb="xs">
        {t('activity.queue')}
      </Title>
      <SimpleGrid cols={{ base: 3, md: 6 }} spacing="xs">
        {JOB_STATES.map(({ state, color }) => (
          <div key={state}>
            <Text size="xs" c="dimmed">
              {t(`activity.${state}`)}
            </Text>
            <Text size="lg" fw={600} c={snapshot.counts[state] > 0 ? color : undefined}>
              {snapshot.counts[state]}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Group justify="space-between" mt="sm" mb={4}>
        <Text size="sm" id="rate-label">
          {t('activity.rate')}
        </Text>
        <Text size="sm">{t('activity.rateOf', { calls, limit })}</Text>
      </Group>
      <Progress value={percent} color={percent >= 90 ? 'orange' : 'blue'} aria-labelledby="rate-label" />
    </Paper>
  );
}
