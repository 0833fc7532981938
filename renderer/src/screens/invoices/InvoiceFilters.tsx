import { Button, Group, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import type { MessageState } from '../../../../shared/domain.ts';
import { isInvalidAmountText } from '../../lib/invoices/amount-text.ts';
import { countActiveFilters, EMPTY_FILTERS, type InvoiceFilterValues } from '../../lib/invoices/filters.ts';
import { stateLabel } from './columns.ts';

const STATES: MessageState[] = ['downloaded', 'listed', 'expired', 'failed'];

export interface InvoiceFiltersProps {
  values: InvoiceFilterValues;
  onChange: (values: InvoiceFilterValues) => void;
}

/** Renders the filter row above the invoice list. Every field maps onto `invoices.query`. */
export function InvoiceFilters({ values, onChange }: InvoiceFiltersProps) {
  const { t } = useTranslation();
  const set = <K extends keyof InvoiceFilterValues>(field: K, value: InvoiceFilterValues[K]): void =>
    onChange({ ...values, [field]: value });
  const active = countActiveFilters(values);

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" role="search" aria-label={t('invoices.filters')}>
      <TextInput
        size="xs"
        w={190}
        label={t('invoices.partnerFilter')}
        value={values.partner}
        onChange={(event) => set('partner', event.currentTarget.value)}
      />
      <TextInput
        size="xs"
        w={120}
        label={t('invoices.numberFilter')}
        value={values.number}
        onChange={(event) => set('number', event.currentTarget.value)}
      />
      <DatePickerInput
        size="xs"
        w={190}
        type="range"
        label={t('invoices.dateFilter')}
        placeholder={t('invoices.datePlaceholder')}
        valueFormat="DD.MM.YYYY"
        clearable
        allowSingleDateInRange
        value={[values.dateFrom, values.dateTo]}
        onChange={([from, to]) => onChange({ ...values, dateFrom: from, dateTo: to })}
      />
      <TextInput
        size="xs"
        w={110}
        inputMode="decimal"
        label={t('invoices.amountMin')}
        value={values.amountMin}
        error={isInvalidAmountText(values.amountMin) ? t('invoices.amountInvalid') : undefined}
        onChange={(event) => set('amountMin', event.currentTarget.value)}
      />
      <TextInput
        size="xs"
        w={110}
        inputMode="decimal"
        label={t('invoices.amountMax')}
        value={values.amountMax}
        error={isInvalidAmountText(values.amountMax) ? t('invoices.amountInvalid') : undefined}
        onChange={(event) => set('amountMax', event.currentTarget.value)}
      />
      <Select
        size="xs"
        w={130}
        label={t('invoices.stateFilter')}
        placeholder={t('invoices.anyState')}
        clearable
        value={values.state}
        onChange={(value) => set('state', STATES.find((state) => state === value) ?? null)}
        data={STATES.map((state) => ({ value: state, label: stateLabel(t, state) }))}
      />
      <Button size="xs" variant="subtle" disabled={active === 0} onClick={() => onChange(EMPTY_FILTERS)}>
        {t('invoices.clearFilters')}
        {active > 0 ? ` (${active})` : ''}
      </Button>
    </Group>
  );
}
