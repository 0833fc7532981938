import { Button, Group, Menu, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceQuery, InvoiceRow } from '../../../../shared/domain.ts';
import type { SaveFormat } from '../../hooks/useInvoiceDocument.ts';
import {
  useExportCsv,
  type ExportOutcome,
} from '../../hooks/useInvoiceExports.ts';
import { useSaveMany, type SaveManyOutcome } from '../../hooks/useSaveMany.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { BundleModal } from './BundleModal.tsx';

export interface SelectionActionsProps {
  query: InvoiceQuery;
  selected: InvoiceRow[];
}

const FORMATS: Array<{
  format: SaveFormat;
  key: 'invoices.downloadZip' | 'invoices.downloadXml' | 'invoices.downloadPdf';
}> = [
  { format: 'zip', key: 'invoices.downloadZip' },
  { format: 'xml', key: 'invoices.downloadXml' },
  { format: 'pdf', key: 'invoices.downloadPdf' },
];

/** Downloads and CSV of the selected invoices, and exports of the current filter. */
export function SelectionActions({ query, selected }: SelectionActionsProps) {
  const { t } = useTranslation();
  const saveMany = useSaveMany();
  const exportCsv = useExportCsv();
  const [bundleOpen, setBundleOpen] = useState(false);
  const count = selected.length;

  const announceExport = (
    outcome: ExportOutcome,
    kind: 'csv' | 'bundle',
  ): void => {
    const where = outcome.savedTo
      ? t('invoices.savedTo', { path: outcome.savedTo })
      : t('invoices.downloadStarted');
    const done =
      kind === 'csv'
        ? t('invoices.exported', { count: outcome.count })
        : t('invoices.bundleDone', { count: outcome.count });
    notifySuccess(`${done} ${where}`);
  };

  const announceSaved = (outcome: SaveManyOutcome): void => {
    // A cancelled folder or save dialog wrote nothing and needs no notice.
    if (outcome.saved === 0 && outcome.downloads === 0) return;
    const where = outcome.lastPath
      ? t('invoices.savedTo', { path: outcome.lastPath })
      : t('invoices.downloadStarted');
    const missing =
      outcome.missing > 0
        ? ` ${t('invoices.notArchived', { count: outcome.missing })}`
        : '';
    notifySuccess(
      `${t('invoices.savedMany', { count: outcome.saved })} ${where}${missing}`,
    );
  };

  const save = (format: SaveFormat): void =>
    saveMany.mutate(
      { rows: selected, format },
      { onSuccess: announceSaved, onError: (error) => notifyError(t, error) },
    );

  const exportRows = (perLine: boolean, picked: boolean): void => {
    // The picked rows are named by id, whatever the filter shows now.
    const input = picked
      ? {
          query: { cif: query.cif, direction: query.direction },
          perLine,
          messageIds: selected.map((row) => row.messageId),
        }
      : { query, perLine };
    exportCsv.mutate(input, {
      onSuccess: (outcome) => announceExport(outcome, 'csv'),
      onError: (error) => notifyError(t, error),
    });
  };

  return (
    <Group gap="xs">
      <Text size="sm" c="dimmed" aria-live="polite">
        {count > 0
          ? t('invoices.selected', { count })
          : t('invoices.selectionHint')}
      </Text>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button size="xs" disabled={count === 0} loading={saveMany.isPending}>
            {t('invoices.download')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {FORMATS.map(({ format, key }) => (
            <Menu.Item key={format} onClick={() => save(format)}>
              {t(key)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => exportRows(false, true)}>
            {t('invoices.exportSelectedCsv')}
          </Menu.Item>
          <Menu.Item onClick={() => exportRows(true, true)}>
            {t('invoices.exportSelectedCsvLines')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button size="xs" variant="default" loading={exportCsv.isPending}>
            {t('invoices.export')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => exportRows(false, false)}>
            {t('invoices.exportCsv')}
          </Menu.Item>
          <Menu.Item onClick={() => exportRows(true, false)}>
            {t('invoices.exportCsvLines')}
          </Menu.Item>
          <Menu.Item onClick={() => setBundleOpen(true)}>
            {t('invoices.exportBundle')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {bundleOpen ? (
        <BundleModal
          cif={query.cif}
          initialFrom={query.dateFrom ?? null}
          initialTo={query.dateTo ?? null}
          onDone={(outcome) => announceExport(outcome, 'bundle')}
          onClose={() => setBundleOpen(false)}
        />
      ) : null}
    </Group>
  );
}
