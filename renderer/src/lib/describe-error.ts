/**
 * Reads what the screens show about a failure: the contract's error code
 * (from `ApiError`), the message and the hint name for what to do next.
 */
import type { Strings } from '../i18n/ro.ts';
import { ApiError } from '../ipc/api.ts';
import { hintFor, type HintName } from './error-hints.ts';

export interface DescribedError {
  code: string | undefined;
  message: string;
  hint: HintName | null;
}

export function describeError(error: unknown, hints: Strings['errors']['hints']): DescribedError {
  const code = error instanceof ApiError ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return { code, message, hint: hintFor(code, message, hints) };
}
