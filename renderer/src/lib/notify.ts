/** Short confirmations and failures shown as Mantine notifications. */
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { ro } from '../i18n/ro.ts';
import { describeError } from './describe-error.ts';

export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'green', autoClose: 4000 });
}

/** Shows a failure with main's message and, when known, what to do next. */
export function notifyError(t: TFunction, error: unknown): void {
  const described = describeError(error, ro.errors.hints);
  const hint = described.hint ? ` ${t(`errors.hints.${described.hint}`)}` : '';
  notifications.show({
    title: t('errors.title'),
    message: `${described.message}${hint}`,
    color: 'red',
    autoClose: false,
  });
}
