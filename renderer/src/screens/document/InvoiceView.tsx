import { Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { codeName, TYPE_CODE_NAMES } from '../../../../shared/code-lists.ts';
import type { Invoice } from '../../../../shared/invoice.ts';
import { formatDate } from '../../lib/format.ts';
import { AllowanceChargeTable } from './AllowanceChargeTable.tsx';
import { LinesTable } from './LinesTable.tsx';
import { PartyCard } from './PartyCard.tsx';
import { PaymentSection } from './PaymentSection.tsx';
import { TotalsTable } from './TotalsTable.tsx';
import { VatBreakdownTable } from './VatBreakdownTable.tsx';

/** Writes a UNTDID 1001 type code with its name when the shared list has one. */
function typeCodeText(code: string, language: string): string {
  const name = codeName(TYPE_CODE_NAMES, code, language.startsWith('en') ? 'en' : 'ro');
  return name ? `${code} (${name})` : code;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title}>
      <Title order={3} size="h6" mb={4}>
        {title}
      </Title>
      {children}
    </section>
  );
}

function References({ invoice }: { invoice: Invoice }) {
  const { t, i18n } = useTranslation();
  const rows: Array<[string, string | null]> = [
    [t('document.orderReference'), invoice.orderReference],
    [t('document.contractReference'), invoice.contractReference],
    [t('document.buyerReference'), invoice.buyerReference],
    ...invoice.precedingInvoices.map(
      (preceding): [string, string] => [
        t('document.precedingInvoices'),
        [preceding.number, formatDate(preceding.issueDate, i18n.language)].filter(Boolean).join(' / '),
      ],
    ),
  ];
  const present = rows.filter((row): row is [string, string] => Boolean(row[1]));
  if (present.length === 0) return null;
  return (
    <Section title={t('document.references')}>
      <Table fz="sm" verticalSpacing={2}>
        <Table.Tbody>
          {present.map(([label, value], index) => (
            <Table.Tr key={index}>
              <Table.Th w={200}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

/** Lays out the invoice model as a readable document. */
export function InvoiceView({ invoice, attachments }: { invoice: Invoice; attachments: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Paper withBorder p="md" className="invoice-document">
      <Stack gap="md">
        <Group gap="xl" wrap="wrap">
          <Text size="sm">
            <Text span c="dimmed">
              {t('document.issueDate')}:
            </Text>{' '}
            {formatDate(invoice.issueDate, language)}
          </Text>
          {invoice.dueDate ? (
            <Text size="sm">
              <Text span c="dimmed">
                {t('document.dueDate')}:
              </Text>{' '}
              {formatDate(invoice.dueDate, language)}
            </Text>
          ) : null}
          <Text size="sm">
            <Text span c="dimmed">
              {t('document.currency')}:
            </Text>{' '}
            {invoice.currency}
          </Text>
          {invoice.typeCode ? (
            <Text size="sm">
              <Text span c="dimmed">
                {t('document.typeCode')}:
              </Text>{' '}
              {typeCodeText(invoice.typeCode, language)}
            </Text>
          ) : null}
        </Group>
        <SimpleGrid cols={2} spacing="sm">
          <PartyCard title={t('document.seller')} party={invoice.seller} />
          <PartyCard title={t('document.buyer')} party={invoice.buyer} />
        </SimpleGrid>
        <References invoice={invoice} />
        <Section title={t('document.lines')}>
          <LinesTable lines={invoice.lines} />
        </Section>
        {invoice.allowancesCharges.length > 0 ? (
          <Section title={t('document.allowancesCharges')}>
            <AllowanceChargeTable rows={invoice.allowancesCharges} currency={invoice.currency} />
          </Section>
        ) : null}
        <SimpleGrid cols={2} spacing="md">
          {invoice.vatBreakdown.length > 0 ? (
            <Section title={t('document.vatBreakdown')}>
              <VatBreakdownTable rows={invoice.vatBreakdown} />
            </Section>
          ) : (
            <div />
          )}
          <Section title={t('document.totals')}>
            <TotalsTable invoice={invoice} />
          </Section>
        </SimpleGrid>
        {invoice.paymentMeans.length > 0 || invoice.paymentTerms ? (
          <Section title={t('document.payment')}>
            {invoice.paymentMeans.length > 0 ? <PaymentSection invoice={invoice} /> : null}
            {invoice.paymentTerms ? (
              <Text size="sm" mt={4}>
                <Text span c="dimmed">
                  {t('document.paymentTerms')}:
                </Text>{' '}
                {invoice.paymentTerms}
              </Text>
            ) : null}
          </Section>
        ) : null}
        {invoice.notes.length > 0 ? (
          <Section title={t('document.notes')}>
            <List size="sm" spacing={2}>
              {invoice.notes.map((note, index) => (
                <List.Item key={index}>{note}</List.Item>
              ))}
            </List>
          </Section>
        ) : null}
        {invoice.attachments.length > 0 ? <Section title={t('document.attachments')}>{attachments}</Section> : null}
      </Stack>
    </Paper>
  );
}
