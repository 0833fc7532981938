/** Short confirmations and failures shown as Mantine notifications. */
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { localizeError } from './error-text.ts';

export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'green', autoClose: 4000 });
}

/** Shows a failure and, when known, what to do next, in the interface language. */
export function notifyError(t: TFunction, error: unknown): void {
  const localized = localizeError(t, error);
  const hint = localized.hint ? ` ${localized.hint}` : '';
  notifications.show({
    title: t('errors.title'),
    message: `${localized.message}${hint}`,
    color: 'red',
    autoClose: false,
    style: { whiteSpace: 'pre-line' },
  });
}
