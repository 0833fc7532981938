import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceLine } from '../../../../shared/invoice.ts';
import { formatDecimalText } from '../../lib/format.ts';

/** Shows the invoice lines: item, quantity, unit price, VAT rate and net amount. */
export function LinesTable({ lines }: { lines: InvoiceLine[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Table withTableBorder striped fz="sm" verticalSpacing={4} aria-label={t('document.lines')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={50}>{t('document.lineId')}</Table.Th>
          <Table.Th>{t('document.item')}</Table.Th>
          <Table.Th ta="right">{t('document.quantity')}</Table.Th>
          <Table.Th>{t('document.unit')}</Table.Th>
          <Table.Th ta="right">{t('document.price')}</Table.Th>
          <Table.Th ta="right">{t('document.vatRate')}</Table.Th>
          <Table.Th ta="right">{t('document.lineNet')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line, index) => (
          <Table.Tr key={`${line.id ?? ''}-${index}`}>
            <Table.Td>{line.id}</Table.Td>
            <Table.Td>
              <Text size="sm">{line.name}</Text>
              {line.description ? (
                <Text size="xs" c="dimmed">
                  {line.description}
                </Text>
              ) : null}
              {line.note ? (
                <Text size="xs" c="dimmed">
                  {line.note}
                </Text>
              ) : null}
              {line.allowancesCharges.map((item, itemIndex) => (
                <Text size="xs" c="dimmed" key={itemIndex}>
                  {item.isCharge ? t('document.charge') : t('document.allowance')}: {item.isCharge ? '' : '−'}
                  {formatDecimalText(item.amount?.text, language)} {item.reason ?? ''}
                </Text>
              ))}
            </Table.Td>
            <Table.Td ta="right">{formatDecimalText(line.quantity?.text, language, 0)}</Table.Td>
            <Table.Td>{line.unitCode}</Table.Td>
            <Table.Td ta="right">{formatDecimalText(line.price?.text, language)}</Table.Td>
            <Table.Td ta="right">
              {line.vatRate ? `${formatDecimalText(line.vatRate.text, language, 0)}%` : ''} {line.vatCategory}
            </Table.Td>
            <Table.Td ta="right">{formatDecimalText(line.netAmount?.text, language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
