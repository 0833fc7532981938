/**
 * The buyer's messages (RASP) about the invoice on screen, read from the
 * archive by the invoice's upload index. The section is hidden while there
 * are none.
 */
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BuyerMessage } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { getApi, unwrap } from '../../ipc/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { downloadFailureText } from '../../lib/note-text.ts';
import { queryKeys } from '../../queries.ts';

/** Lists the buyer messages about the invoice with `uploadIndex`. */
export function BuyerMessages({
  cif,
  uploadIndex,
}: {
  cif: string;
  uploadIndex: string;
}) {
  const { t, i18n } = useTranslation();
  // Under the company's invoice key, so a sync that changes the archive
  // refreshes it with the lists.
  const messages = useQuery({
    queryKey: [...queryKeys.invoices(cif), 'buyerMessages', uploadIndex],
    queryFn: () =>
      unwrap(
        getApi().invoicesBuyerMessages({
          cif,
          invoiceUploadIndex: uploadIndex,
        }),
      ),
  });

  if (messages.error) {
    return (
      <ErrorAlert
        title={t('buyerMessages.heading')}
        error={messages.error}
        onRetry={() => void messages.refetch()}
      />
    );
  }
  if (!messages.data || messages.data.messages.length === 0) return null;

  return (
    <section aria-label={t('buyerMessages.heading')}>
      <Title order={3} size="h6" mb={4}>
        {t('buyerMessages.heading')}
      </Title>
      <Stack gap="xs">
        {messages.data.messages.map((message) => (
          <MessageCard
            key={message.messageId}
            message={message}
            failure={downloadFailureText(t, message)}
            language={i18n.language}
          />
        ))}
      </Stack>
    </section>
  );
}

function MessageCard({
  message,
  failure,
  language,
}: {
  message: BuyerMessage;
  /** The failure reason in the interface language, or null. */
  failure: string | null;
  language: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs">
      <Group gap="xs" mb={4}>
        <Text size="xs" c="dimmed">
          {formatDateTime(message.createdAt, language)}
        </Text>
        {message.direction ? (
          <Badge size="xs" variant="light">
            {t(`buyerMessages.${message.direction}`)}
          </Badge>
        ) : null}
      </Group>
      <MessageBody message={message} failure={failure} />
    </Paper>
  );
}

function MessageBody({
  message,
  failure,
}: {
  message: BuyerMessage;
  failure: string | null;
}) {
  const { t } = useTranslation();
  if (message.text !== null && message.text !== '') {
    return (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {message.text}
      </Text>
    );
  }
  if (message.state === 'downloaded') {
    const reason = failure ? `: ${failure}` : '';
    return (
      <Text size="sm" c="orange">
        {t('buyerMessages.unreadable')}
        {reason}
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      {failure ?? t('buyerMessages.notDownloaded')}
    </Text>
  );
}
