import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/describe-error.ts';
import { ro } from '../i18n/ro.ts';

export interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** A failed call: what went wrong, in main's words, and what to do next. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const described = describeError(error, ro.errors.hints);
  return (
    <Alert color="red" title={title ?? t('errors.title')} role="alert">
      <Text size="sm">{described.message}</Text>
      {described.hint ? (
        <Text size="sm" mt={4}>
          <Text span fw={600}>
            {t('errors.whatNext')}:
          </Text>{' '}
          {t(`errors.hints.${described.hint}`)}
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
