/**
 * Hints on what to do next for each error code that main returns, as names
 * under the `errors.hints` strings. Codes are `group.name`, and i18n keys cannot
 * contain the dot (it separates key levels), so the names are camel-cased.
 */
import type { Strings } from '../i18n/ro.ts';

export type HintName = keyof Strings['errors']['hints'];

/** `auth.noCertificate` becomes `authNoCertificate`. */
export function hintName(code: string): string {
  const [group = '', name = ''] = code.split('.');
  return `${group}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/**
 * Picks the hint for an error, or null for a code without one. Main returns,
 * for a channel whose service is not wired yet, an `internal` error saying
 * it "is not available in this build yet". That case gets its own hint, so
 * the user is not asked to send a log for a feature this version lacks.
 */
export function hintFor(code: string | undefined, message: string, hints: Strings['errors']['hints']): HintName | null {
  if (/not implemented|not available in this build/i.test(message)) return 'notImplemented';
  if (!code) return null;
  const name = hintName(code);
  return Object.hasOwn(hints, name) ? (name as HintName) : null;
}
