import { Alert, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReadOnly } from '../../hooks/useReadOnly.ts';
import { useUploadSession } from '../../hooks/useUploadSession.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { countVerdicts, willSend } from '../../lib/upload/review.ts';
import { describeUploadRef } from '../../lib/upload/states.ts';
import { useUploads } from '../../hooks/useUploads.ts';
import { ReviewRow } from './ReviewRow.tsx';

/** Shows the files waiting to be sent, their check results, and the send button. */
export function ReviewTable() {
  const { t } = useTranslation();
  const session = useUploadSession();
  const readOnly = useReadOnly();
  const history = useUploads(null);
  const { reviews, confirmed, notes } = session;
  if (reviews.length === 0 && notes.skippedInFolders === 0 && notes.unreadable === 0) return null;

  const counts = countVerdicts(reviews);
  const sendable = reviews.filter((review) => willSend(review, confirmed)).length;

  const send = (): void => {
    session.submit().then(
      (queued) => notifySuccess(t('upload.queued', { count: queued })),
      (error: unknown) => notifyError(t, error),
    );
  };

  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={3} size="h5">
            {t('upload.review')}
          </Title>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('upload.summary', { ready: counts.ready, confirm: counts.confirm, blocked: counts.blocked })}
            {counts.checking > 0 ? ` · ${t('upload.checking')}` : ''}
          </Text>
        </div>
        <Group gap="xs">
          {counts.confirm > 0 ? (
            <Button size="xs" variant="light" color="orange" onClick={session.confirmAll}>
              {t('upload.confirmAll')}
            </Button>
          ) : null}
          <Button size="xs" variant="default" onClick={session.clear} disabled={session.submitting}>
            {t('upload.clear')}
          </Button>
          <Button size="xs" onClick={send} disabled={sendable === 0 || !session.cif || readOnly} loading={session.submitting}>
            {t('upload.send', { count: sendable })}
          </Button>
        </Group>
      </Group>
      {notes.skippedInFolders > 0 ? (
        <Alert color="gray" mb="xs" p="xs">
          {t('upload.skippedInFolders', { count: notes.skippedInFolders })}
        </Alert>
      ) : null}
      {notes.unreadable > 0 ? (
        <Alert color="orange" mb="xs" p="xs">
          {t('upload.unreadable', { count: notes.unreadable })}
        </Alert>
      ) : null}
      {reviews.length > 0 ? (
        <Table fz="sm" verticalSpacing={4} striped aria-label={t('upload.review')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t('upload.file')}</Table.Th>
              <Table.Th w={140}>{t('invoices.state')}</Table.Th>
              <Table.Th>{t('upload.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reviews.map((review) => (
              <ReviewRow
                key={review.key}
                review={review}
                confirmed={confirmed.has(review.key)}
                onConfirm={(value) => session.setConfirmed(review.key, value)}
                describeUpload={(id) => describeUploadRef(id, history.data ?? [])}
                uploadCif={session.cif}
              />
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}
