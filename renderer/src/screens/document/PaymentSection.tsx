import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../../../shared/invoice.ts';

/** UNTDID 4461 payment means codes that appear on Romanian invoices. */
const MEANS_NAMES: Record<string, { ro: string; en: string }> = {
  '1': { ro: 'nespecificat', en: 'not defined' },
  '10': { ro: 'numerar', en: 'cash' },
  '20': { ro: 'cec', en: 'cheque' },
  '30': { ro: 'transfer bancar', en: 'credit transfer' },
  '31': { ro: 'transfer de debit', en: 'debit transfer' },
  '42': { ro: 'plată în cont bancar', en: 'payment to bank account' },
  '48': { ro: 'card bancar', en: 'bank card' },
  '49': { ro: 'debit direct', en: 'direct debit' },
  '57': { ro: 'acord permanent', en: 'standing agreement' },
  '58': { ro: 'transfer SEPA', en: 'SEPA credit transfer' },
  '59': { ro: 'debit direct SEPA', en: 'SEPA direct debit' },
  '97': { ro: 'compensare', en: 'clearing between partners' },
};

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
