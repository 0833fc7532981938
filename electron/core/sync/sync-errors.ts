/**
 * The reasons a sync stopped early or failed in part: each is a kind with
 * values for the renderer, and this module builds the English text from
 * the same kind and values for the log and the command line.
 */
import type { SyncErrorKind, SyncErrorValues } from '../../../shared/domain.ts';

export interface SyncError {
  /** The English text that `SyncProgress.error` carries. */
  text: string;
  kind: SyncErrorKind;
  values: Partial<SyncErrorValues>;
}

const ENGLISH: Record<
  SyncErrorKind,
  (values: Partial<SyncErrorValues>) => string
> = {
  cancelled: () => 'The sync was cancelled.',
  listFailed: ({ cause }) => `Listing the messages failed: ${cause?.message}`,
  downloadsStopped: ({ cause }) => `Downloads stopped: ${cause?.message}`,
  unexpected: ({ cause }) => `The sync failed unexpectedly: ${cause?.message}`,
};

export function syncError(kind: 'cancelled'): SyncError;
export function syncError(
  kind: 'listFailed' | 'unexpected',
  values: Pick<SyncErrorValues, 'cause'>,
): SyncError;
export function syncError(
  kind: 'downloadsStopped',
  values: SyncErrorValues,
): SyncError;
export function syncError(
  kind: SyncErrorKind,
  values: Partial<SyncErrorValues> = {},
): SyncError {
  return { text: ENGLISH[kind](values), kind, values };
}
