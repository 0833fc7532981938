import { Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CurrencyTotals } from '../../../../shared/domain.ts';
import { formatAmount, formatCount } from '../../lib/format.ts';

/** Totals of every invoice the filter matches, one row per currency. */
export function InvoiceTotals({ total, totals }: { total: number; totals: CurrencyTotals[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="xs">
      <Group justify="space-between" mb={totals.length > 0 ? 4 : 0}>
        <Text size="sm" fw={600}>
          {t('invoices.totals')}
        </Text>
        <Text size="sm">{t('invoices.rowsFound', { count: total })}</Text>
      </Group>
      {totals.length > 0 ? (
        <Table fz="sm" verticalSpacing={0} withRowBorders={false} maw={760} aria-label={t('invoices.totals')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoices.currency')}</Table.Th>
              <Table.Th ta="right">{t('invoices.count')}</Table.Th>
              <Table.Th ta="right">{t('invoices.net')}</Table.Th>
              <Table.Th ta="right">{t('invoices.vat')}</Table.Th>
              <Table.Th ta="right">{t('invoices.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {totals.map((row) => (
              <Table.Tr key={row.currency}>
                <Table.Td>{row.currency}</Table.Td>
                <Table.Td ta="right">{formatCount(row.count, i18n.language)}</Table.Td>
                <Table.Td ta="right">{formatAmount(row.net, i18n.language)}</Table.Td>
                <Table.Td ta="right">{formatAmount(row.vat, i18n.language)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {formatAmount(row.total, i18n.language)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}
