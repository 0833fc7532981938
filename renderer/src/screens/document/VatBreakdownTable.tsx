import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VatBreakdown } from '../../../../shared/invoice.ts';
import { formatDecimalText } from '../../lib/format.ts';

export function VatBreakdownTable({ rows }: { rows: VatBreakdown[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Table withTableBorder fz="sm" verticalSpacing={4} aria-label={t('document.vatBreakdown')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('document.vatCategory')}</Table.Th>
          <Table.Th ta="right">{t('document.vatRate')}</Table.Th>
          <Table.Th ta="right">{t('document.taxable')}</Table.Th>
          <Table.Th ta="right">{t('document.taxAmount')}</Table.Th>
          <Table.Th>{t('document.exemption')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) => (
          <Table.Tr key={index}>
            <Table.Td>{row.category}</Table.Td>
            <Table.Td ta="right">{row.rate ? `${formatDecimalText(row.rate.text, language, 0)}%` : ''}</Table.Td>
            <Table.Td ta="right">{formatDecimalText(row.taxableAmount?.text, language)}</Table.Td>
            <Table.Td ta="right">{formatDecimalText(row.taxAmount?.text, language)}</Table.Td>
            <Table.Td>{[row.exemptionReasonCode, row.exemptionReason].filter(Boolean).join(' ')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
