import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DecimalValue, Invoice } from '../../../../shared/invoice.ts';
import { formatDecimalText } from '../../lib/format.ts';

/** Shows the document totals (BG-22), with the amount due last and in bold. */
export function TotalsTable({ invoice }: { invoice: Invoice }) {
  const { t, i18n } = useTranslation();
  const { totals, currency, taxCurrency } = invoice;
  const rows: Array<{ label: string; value: DecimalValue | null; currency: string; strong?: boolean }> = [
    { label: t('document.totalLineNet'), value: totals.lineNet, currency },
    { label: t('document.totalAllowances'), value: totals.allowances, currency },
    { label: t('document.totalCharges'), value: totals.charges, currency },
    { label: t('document.totalNet'), value: totals.net, currency },
    { label: t('document.totalVat'), value: totals.vat, currency },
    {
      label: t('document.totalVatInTaxCurrency', { currency: taxCurrency ?? '' }),
      value: taxCurrency && taxCurrency !== currency ? totals.vatInTaxCurrency : null,
      currency: taxCurrency ?? '',
    },
    { label: t('document.totalWithVat'), value: totals.withVat, currency },
    { label: t('document.totalPrepaid'), value: totals.prepaid, currency },
    { label: t('document.totalRounding'), value: totals.rounding, currency },
    { label: t('document.totalPayable'), value: totals.payable, currency, strong: true },
  ];
  return (
    <Table fz="sm" verticalSpacing={2} maw={380} ml="auto" aria-label={t('document.totals')}>
      <Table.Tbody>
        {rows
          .filter((row) => row.value !== null)
          .map((row) => (
            <Table.Tr key={row.label} fw={row.strong ? 700 : undefined}>
              <Table.Td>{row.label}</Table.Td>
              <Table.Td ta="right">
                {formatDecimalText(row.value?.text, i18n.language)} {row.currency}
              </Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}
