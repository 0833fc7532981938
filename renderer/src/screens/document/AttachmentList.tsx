import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceAttachment } from '../../../../shared/invoice.ts';
import { useOpenAttachment } from '../../hooks/useInvoiceDocument.ts';
import { formatBytes } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';

/** Attachments embedded in the invoice; main saves one and opens it, or serves it as a download. */
export function AttachmentList({ cif, messageId, attachments }: { cif: string; messageId: string; attachments: InvoiceAttachment[] }) {
  const { t, i18n } = useTranslation();
  const open = useOpenAttachment();
  return (
    <Stack gap={4}>
      {attachments.map((attachment) => {
        const name = attachment.filename ?? attachment.id ?? `#${attachment.index + 1}`;
        const details = [attachment.description, attachment.mimeType, attachment.size !== null ? formatBytes(attachment.size, i18n.language) : null]
          .filter(Boolean)
          .join(' · ');
        return (
          <Group key={attachment.index} gap="sm" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <Text size="sm">{name}</Text>
              <Text size="xs" c="dimmed">
                {attachment.externalUri ? t('document.attachmentExternal', { uri: attachment.externalUri }) : details}
              </Text>
            </div>
            {attachment.size !== null ? (
              <Button
                size="xs"
                variant="light"
                data-print-hide
                aria-label={t('document.openAttachmentLabel', { name })}
                loading={open.isPending && open.variables.attachmentIndex === attachment.index}
                onClick={() =>
                  open.mutate(
                    { cif, messageId, attachmentIndex: attachment.index },
                    {
                      onSuccess: (path) => notifySuccess(path ? t('invoices.savedTo', { path }) : t('invoices.downloadStarted')),
                      onError: (error) => notifyError(t, error),
                    },
                  )
                }
              >
                {t('document.openAttachment')}
              </Button>
            ) : null}
          </Group>
        );
      })}
    </Stack>
  );
}
