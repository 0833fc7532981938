import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Direction, InvoiceDocument, MessageState } from '../../../shared/domain.ts';
import { AnafErrorTable } from '../components/anaf/AnafErrorTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useInvoiceDocument } from '../hooks/useInvoiceDocument.ts';
import { useNavigation } from '../navigation.ts';
import type { InvoiceFilterValues } from '../lib/invoices/filters.ts';
import { downloadFailureText } from '../lib/note-text.ts';
import { AnafDetails } from './document/AnafDetails.tsx';
import { AttachmentList } from './document/AttachmentList.tsx';
import { BuyerMessages } from './document/BuyerMessages.tsx';
import { DocumentActions } from './document/DocumentActions.tsx';
import { InvoiceView } from './document/InvoiceView.tsx';

export interface InvoiceDocumentScreenProps {
  cif: string;
  messageId: string;
  direction: Direction;
  /** The list's filters, restored on the way back. */
  filters?: InvoiceFilterValues | undefined;
}

/**
 * The reason a message has no readable document, by its archive state.
 * The archive's own reason is English, and the state decides which it is.
 */
const PROBLEM_KEYS = {
  listed: 'document.problemListed',
  expired: 'document.problemExpired',
  failed: 'document.problemFailed',
  downloaded: 'document.problemDownloaded',
} as const satisfies Record<MessageState, string>;

function documentTitle(t: ReturnType<typeof useTranslation>['t'], document: InvoiceDocument): string {
  const number = document.invoice?.number ?? document.row.number;
  if (!number) return t('document.headingUnknown', { id: document.row.messageId });
  return document.invoice?.rootKind === 'CreditNote' ? t('document.creditNote', { number }) : t('document.heading', { number });
}

/** Shows one message: the invoice as a document, ANAF's errors for a rejected one, and the save actions. */
export function InvoiceDocumentScreen({ cif, messageId, direction, filters }: InvoiceDocumentScreenProps) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const document = useInvoiceDocument(cif, messageId);
  const back = (
    <Button size="xs" variant="subtle" onClick={() => navigate({ screen: 'invoices', cif, direction, filters })} data-print-hide>
      ← {t('document.back')}
    </Button>
  );

  if (document.isPending) {
    return (
      <Stack>
        {back}
        <Loader size="sm" aria-label={t('app.loading')} />
      </Stack>
    );
  }
  if (document.error) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={document.error} onRetry={() => void document.refetch()} />
      </Stack>
    );
  }

  const value = document.data;
  // A failed download's own reason follows the state's sentence.
  const failure = value.row.state !== 'downloaded' && value.row.failureKind ? downloadFailureText(t, value.row) : null;
  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          {back}
          <Title order={2}>{documentTitle(t, value)}</Title>
        </Group>
        <DocumentActions cif={cif} messageId={messageId} canSaveInvoice={value.invoice !== null} />
      </Group>
      {value.errors.length > 0 ? (
        <Alert color="red" title={t('document.rejectedHeading')}>
          <Text size="sm" mb="xs">
            {t('document.rejectedText')}
          </Text>
          <AnafErrorTable errors={value.errors} />
        </Alert>
      ) : null}
      {value.problem ? (
        <Alert color="orange">
          {t('document.problem', { problem: t(PROBLEM_KEYS[value.row.state]) })}
          {failure ? ` ${failure}` : ''}
        </Alert>
      ) : null}
      {!value.invoice && value.errors.length === 0 && !value.problem ? (
        <Alert color="blue">{t('document.notDownloaded')}</Alert>
      ) : null}
      {value.invoice ? (
        <InvoiceView
          invoice={value.invoice}
          attachments={<AttachmentList cif={cif} messageId={messageId} attachments={value.invoice.attachments} />}
        />
      ) : null}
      {value.invoice ? <BuyerMessages cif={cif} uploadIndex={value.row.uploadIndex} /> : null}
      <section aria-label={t('document.anaf')}>
        <Title order={3} size="h6" mb={4}>
          {t('document.anaf')}
        </Title>
        <AnafDetails document={value} />
      </section>
    </Stack>
  );
}
