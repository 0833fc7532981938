/**
 * Names of the i18n keys for each error code that main returns, under
 * `errors.hints` and `errors.codes`. Codes are `group.name`, and i18n keys
 * cannot contain the dot (it separates key levels), so the names are
 * camel-cased.
 */
import type { Strings } from '../i18n/ro.ts';

export type HintName = keyof Strings['errors']['hints'];

/** `auth.noCertificate` becomes `authNoCertificate`. */
export function hintName(code: string): string {
  const [group = '', name = ''] = code.split('.');
  return `${group}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}
