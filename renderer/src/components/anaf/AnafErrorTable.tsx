import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnafErrorEntry } from '../../../../shared/domain.ts';
import { explainAnafError, explanationText } from '../../lib/anaf-errors.ts';

/** Every error ANAF reported, with its rule id, what it means and ANAF's own words. */
export function AnafErrorTable({ errors }: { errors: AnafErrorEntry[] }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder fz="sm" verticalSpacing={4} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={110}>{t('anafErrors.rule')}</Table.Th>
          <Table.Th>{t('anafErrors.explanation')}</Table.Th>
          <Table.Th>{t('anafErrors.original')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {errors.map((entry, index) => {
          const explained = explainAnafError(entry);
          return (
            <Table.Tr key={index}>
              <Table.Td>{explained.ruleId ? <Code>{explained.ruleId}</Code> : t('common.none')}</Table.Td>
              <Table.Td>{explanationText(t, explained)}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                  {explained.original}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
