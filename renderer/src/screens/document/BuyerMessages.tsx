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

// NOTE: these strings are kept here so this section stays in one file.
// They belong in i18n/ro.ts and en.ts, which type-check every key.
const STRINGS = {
  ro: {
    heading: 'Mesajele cumpărătorului',
    sent: 'trimis',
    received: 'primit',
    notDownloaded:
      'Mesajul nu a fost descărcat încă. Următoarea sincronizare îl descarcă.',
    unreadable: 'Mesajul nu a putut fi citit',
  },
  en: {
    heading: 'Buyer messages',
    sent: 'sent',
    received: 'received',
    notDownloaded:
      'The message has not been downloaded yet. The next sync downloads it.',
    unreadable: 'The message could not be read',
  },
} as const;

type Strings = (typeof STRINGS)[keyof typeof STRINGS];

function stringsFor(language: string): Strings {
  return language.startsWith('en') ? STRINGS.en : STRINGS.ro;
}

/** Lists the buyer messages about the invoice with `uploadIndex`. */
export function BuyerMessages({
  cif,
  uploadIndex,
}: {
  cif: string;
  uploadIndex: string;
}) {
  const { t, i18n } = useTranslation();
  const strings = stringsFor(i18n.language);
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
        title={strings.heading}
        error={messages.error}
        onRetry={() => void messages.refetch()}
      />
    );
  }
  if (!messages.data || messages.data.messages.length === 0) return null;

  return (
    <section aria-label={strings.heading}>
      <Title order={3} size="h6" mb={4}>
        {strings.heading}
      </Title>
      <Stack gap="xs">
        {messages.data.messages.map((message) => (
          <MessageCard
            key={message.messageId}
            message={message}
            failure={downloadFailureText(t, message)}
            strings={strings}
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
  strings,
  language,
}: {
  message: BuyerMessage;
  /** The failure reason in the interface language, or null. */
  failure: string | null;
  strings: Strings;
  language: string;
}) {
  return (
    <Paper withBorder p="xs">
      <Group gap="xs" mb={4}>
        <Text size="xs" c="dimmed">
          {formatDateTime(message.createdAt, language)}
        </Text>
        {message.direction ? (
          <Badge size="xs" variant="light">
            {strings[message.direction]}
          </Badge>
        ) : null}
      </Group>
      <MessageBody message={message} failure={failure} strings={strings} />
    </Paper>
  );
}

function MessageBody({
  message,
  failure,
  strings,
}: {
  message: BuyerMessage;
  failure: string | null;
  strings: Strings;
}) {
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
        {strings.unreadable}
        {reason}
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      {failure ?? strings.notDownloaded}
    </Text>
  );
}
