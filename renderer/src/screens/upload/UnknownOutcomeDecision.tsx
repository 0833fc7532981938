import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UploadRecord } from '../../../../shared/domain.ts';
import { useResolveUnknown } from '../../hooks/useUploads.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';

/** Asks the user to decide on an upload whose response was lost and never found in ANAF's list. */
export function UnknownOutcomeDecision({ record }: { record: UploadRecord }) {
  const { t } = useTranslation();
  const resolve = useResolveUnknown();
  const decide = (decision: 'markSent' | 'markNotSent'): void =>
    resolve.mutate(
      { uploadId: record.id, decision },
      { onSuccess: () => notifySuccess(t('upload.decided')), onError: (error) => notifyError(t, error) },
    );
  return (
    <Alert color="yellow" title={t('upload.decisionTitle')} p="xs" mt={4}>
      <Text size="sm">{t('upload.decisionText')}</Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" color="green" loading={resolve.isPending && resolve.variables.decision === 'markSent'} onClick={() => decide('markSent')}>
          {t('upload.markSent')}
        </Button>
        <Button
          size="xs"
          variant="default"
          loading={resolve.isPending && resolve.variables.decision === 'markNotSent'}
          onClick={() => decide('markNotSent')}
        >
          {t('upload.markNotSent')}
        </Button>
      </Group>
    </Alert>
  );
}
