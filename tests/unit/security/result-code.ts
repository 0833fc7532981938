import type { Result } from '../../../shared/result.ts';

/** Returns a result's error code, or `ok` for a success, for one-value asserts. */
export function codeOf(result: Result<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}
