import { Button, Group, Modal, Stack } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useExportBundle, type ExportOutcome } from '../../hooks/useInvoiceExports.ts';

export interface BundleModalProps {
  cif: string;
  initialFrom: string | null;
  initialTo: string | null;
  onDone: (outcome: ExportOutcome) => void;
  onClose: () => void;
}

/** Picks the period of a ZIP bundle of every archived message of the company. */
export function BundleModal({ cif, initialFrom, initialTo, onDone, onClose }: BundleModalProps) {
  const { t } = useTranslation();
  const bundle = useExportBundle();
  const [range, setRange] = useState<[string | null, string | null]>([initialFrom, initialTo]);
  const [from, to] = range;

  return (
    <Modal opened onClose={onClose} title={t('invoices.bundleTitle')}>
      <Stack gap="sm">
        <DatePickerInput
          type="range"
          label={t('invoices.bundlePeriod')}
          placeholder={t('invoices.datePlaceholder')}
          valueFormat="DD.MM.YYYY"
          allowSingleDateInRange
          value={range}
          onChange={([start, end]) => setRange([start, end])}
          data-autofocus
        />
        {bundle.error ? <ErrorAlert error={bundle.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!from || !to}
            loading={bundle.isPending}
            onClick={() => {
              if (!from || !to) return;
              bundle.mutate(
                { cif, dateFrom: from, dateTo: to },
                {
                  onSuccess: (outcome) => {
                    onDone(outcome);
                    onClose();
                  },
                },
              );
            }}
          >
            {t('invoices.bundleCreate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
