import { Code, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AnafErrorEntry } from '../../../../shared/domain.ts';
import { explainAnafError, type ExplainedError } from '../../lib/anaf-errors.ts';

/** The plain-language sentence for one explained error. */
export function explanationText(t: TFunction, explained: ExplainedError): string {
  const { kind, params } = explained;
  if (kind === 'duplicate') {
    return params.index ? t('anafErrors.duplicate', { index: params.index, date: params.date ?? '?' }) : t('anafErrors.duplicateNoIndex');
  }
  if (kind === 'schema') {
    return params.line
      ? t('anafErrors.schema', { line: params.line, column: params.column ?? '?' })
      : t('anafErrors.schemaNoPosition');
  }
  if (kind === 'sellerNotRegistered') return t('anafErrors.sellerNotRegistered', { cif: params.cif ?? '' });
  return t(`anafErrors.${kind}`);
}

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
