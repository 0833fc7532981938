import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MEANS_NAMES } from '../../../../shared/code-lists.ts';
import type { Invoice } from '../../../../shared/invoice.ts';

function meansName(code: string | null, text: string | null, language: string): string {
  const known = code ? MEANS_NAMES[code] : undefined;
  let name: string | null = code;
  if (known) name = language === 'en' ? known.en : known.ro;
  return [name, text].filter(Boolean).join(' — ');
}

/** Shows how to pay: means, IBAN, BIC, account holder and payment reference. */
export function PaymentSection({ invoice }: { invoice: Invoice }) {
  const { t, i18n } = useTranslation();
  return (
    <Table withTableBorder fz="sm" verticalSpacing={4} aria-label={t('document.payment')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('document.paymentMeans')}</Table.Th>
          <Table.Th>{t('document.iban')}</Table.Th>
          <Table.Th>{t('document.bic')}</Table.Th>
          <Table.Th>{t('document.accountName')}</Table.Th>
          <Table.Th>{t('document.paymentId')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invoice.paymentMeans.map((means, index) => (
          <Table.Tr key={index}>
            <Table.Td>{meansName(means.code, means.text, i18n.language)}</Table.Td>
            <Table.Td ff="monospace">{means.iban}</Table.Td>
            <Table.Td>{means.bic}</Table.Td>
            <Table.Td>{means.accountName}</Table.Td>
            <Table.Td>{means.paymentId}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
