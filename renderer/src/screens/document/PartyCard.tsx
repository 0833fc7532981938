import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceParty, PostalAddress } from '../../../../shared/invoice.ts';

function addressLines(address: PostalAddress): string[] {
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  const regionLine = [address.countySubentity, address.countryCode].filter(Boolean).join(', ');
  return [address.street, address.additionalStreet, cityLine, regionLine].filter((line): line is string => Boolean(line));
}

function Field({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <Text size="sm">
      <Text span c="dimmed" size="xs">
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
}

/** Shows a seller or buyer: name, identifiers, address and contact. */
export function PartyCard({ title, party }: { title: string; party: InvoiceParty }) {
  const { t } = useTranslation();
  const contact = [party.contact.name, party.contact.phone, party.contact.email].filter(Boolean).join(' · ');
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
        {title}
      </Text>
      <Text fw={600}>{party.name ?? t('common.unknown')}</Text>
      {party.tradingName && party.tradingName !== party.name ? <Text size="sm">{party.tradingName}</Text> : null}
      <Stack gap={0} mt={4}>
        <Field label={t('document.cif')} value={party.cif} />
        <Field label={t('document.vatId')} value={party.vatId} />
        <Field label={t('document.registration')} value={party.registrationNumber} />
        <Field label={t('document.legalInfo')} value={party.legalInfo} />
      </Stack>
      <Stack gap={0} mt={4} aria-label={t('document.address')}>
        {addressLines(party.address).map((line) => (
          <Text size="sm" key={line}>
            {line}
          </Text>
        ))}
      </Stack>
      {contact ? <Field label={t('document.contact')} value={contact} /> : null}
    </Paper>
  );
}
