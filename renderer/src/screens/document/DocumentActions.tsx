import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSaveInvoice, type SaveFormat } from '../../hooks/useInvoiceDocument.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';

const BUTTONS: Array<{ format: SaveFormat; key: 'document.saveZip' | 'document.saveXml' | 'document.savePdf' }> = [
  { format: 'zip', key: 'document.saveZip' },
  { format: 'xml', key: 'document.saveXml' },
  { format: 'pdf', key: 'document.savePdf' },
];

/** Save as ZIP, XML or PDF, and print through the print stylesheet. */
export function DocumentActions({ cif, messageId, canSaveInvoice }: { cif: string; messageId: string; canSaveInvoice: boolean }) {
  const { t } = useTranslation();
  const save = useSaveInvoice();
  return (
    <Group gap="xs" role="toolbar" aria-label={t('document.actions')} data-print-hide>
      {BUTTONS.map(({ format, key }) => (
        <Button
          key={format}
          size="xs"
          variant={format === 'zip' ? 'filled' : 'light'}
          disabled={format !== 'zip' && !canSaveInvoice}
          loading={save.isPending && save.variables.format === format}
          onClick={() =>
            save.mutate(
              { cif, messageId, format },
              {
                onSuccess: (path) => notifySuccess(path ? t('invoices.savedTo', { path }) : t('invoices.downloadStarted')),
                onError: (error) => notifyError(t, error),
              },
            )
          }
        >
          {t(key)}
        </Button>
      ))}
      <Button size="xs" variant="default" onClick={() => window.print()}>
        {t('document.print')}
      </Button>
    </Group>
  );
}
