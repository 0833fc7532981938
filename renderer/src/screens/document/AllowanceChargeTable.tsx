import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AllowanceCharge } from '../../../../shared/invoice.ts';
import { formatDecimalText } from '../../lib/format.ts';

/** Document-level allowances (discounts) and charges (BG-20, BG-21). */
export function AllowanceChargeTable({ rows, currency }: { rows: AllowanceCharge[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Table withTableBorder fz="sm" verticalSpacing={4} aria-label={t('document.allowancesCharges')}>
      <Table.Tbody>
        {rows.map((row, index) => (
          <Table.Tr key={index}>
            <Table.Td>{row.isCharge ? t('document.charge') : t('document.allowance')}</Table.Td>
            <Table.Td>{[row.reasonCode, row.reason].filter(Boolean).join(' ')}</Table.Td>
            <Table.Td ta="right">
              {row.percent ? `${formatDecimalText(row.percent.text, language, 0)}% × ${formatDecimalText(row.baseAmount?.text, language)}` : ''}
            </Table.Td>
            <Table.Td ta="right">{row.vatCategory ? `${row.vatCategory} ${row.vatRate ? `${formatDecimalText(row.vatRate.text, language, 0)}%` : ''}` : ''}</Table.Td>
            <Table.Td ta="right" fw={600}>
              {row.isCharge ? '' : '−'}
              {formatDecimalText(row.amount?.text, language)} {currency}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
