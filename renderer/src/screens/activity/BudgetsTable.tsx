import { Paper, Progress, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueSnapshot } from '../../../../shared/domain.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ro } from '../../i18n/ro.ts';

type EndpointLabel = keyof typeof ro.activity.endpoints;

function isLabelled(endpoint: string): endpoint is EndpointLabel {
  return Object.hasOwn(ro.activity.endpoints, endpoint);
}

/** ANAF's daily budgets in use today, with what is left until the reset. */
export function BudgetsTable({ budgets }: { budgets: QueueSnapshot['budgets'] }) {
  const { t, i18n } = useTranslation();
  // Main sends the queue's endpoint names. A service without a label keeps its name.
  const serviceName = (endpoint: string): string =>
    isLabelled(endpoint) ? t(`activity.endpoints.${endpoint}`) : endpoint;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="budgets-heading">
      <Title order={3} size="h5" id="budgets-heading" mb="xs">
        {t('activity.budgets')}
      </Title>
      {budgets.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('activity.noBudgets')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} aria-labelledby="budgets-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('activity.endpoint')}</Table.Th>
              <Table.Th>{t('activity.key')}</Table.Th>
              <Table.Th w="30%">{t('activity.used')}</Table.Th>
              <Table.Th ta="right">{t('activity.left')}</Table.Th>
              <Table.Th>{t('activity.resetsAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {budgets.map((budget) => {
              const left = Math.max(0, budget.limit - budget.used);
              const percent = budget.limit > 0 ? Math.min(100, (budget.used / budget.limit) * 100) : 100;
              let color = 'teal';
              if (left === 0) color = 'red';
              else if (percent >= 80) color = 'orange';
              return (
                <Table.Tr key={`${budget.endpoint}/${budget.key}`}>
                  <Table.Td ff={isLabelled(budget.endpoint) ? undefined : 'monospace'}>
                    {serviceName(budget.endpoint)}
                  </Table.Td>
                  <Table.Td ff="monospace">{budget.key}</Table.Td>
                  <Table.Td>
                    <Progress
                      value={percent}
                      color={color}
                      aria-label={`${serviceName(budget.endpoint)} ${budget.key}: ${budget.used} / ${budget.limit}`}
                    />
                    <Text size="xs" c="dimmed">
                      {budget.used} / {budget.limit}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" fw={600} c={left === 0 ? 'red' : undefined}>
                    {left}
                  </Table.Td>
                  <Table.Td>{formatDateTime(budget.resetsAt, i18n.language)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
