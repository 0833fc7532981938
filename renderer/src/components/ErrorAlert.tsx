import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localizeError } from '../lib/error-text.ts';

export interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** A failed call: what went wrong and what to do next, in the interface language. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const localized = localizeError(t, error);
  return (
    <Alert color="red" title={title ?? t('errors.title')} role="alert">
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {localized.message}
      </Text>
      {localized.hint ? (
        <Text size="sm" mt={4}>
          <Text span fw={600}>
            {t('errors.whatNext')}:
          </Text>{' '}
          {localized.hint}
        </Text>
      ) : null}
      {onRetry ? (
        <Group mt="xs">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}
