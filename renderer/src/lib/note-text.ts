/**
 * Words the texts main sends as kinds with values: an upload's note, a
 * sync's error and a failed download's reason. Each kind has a sentence
 * under `uploadNotes`, `syncErrors` or `downloadFailures` that names every
 * value. A failure quoted as a cause is worded by its error code, as
 * `localizeError` words any failure from main. Main's English text is
 * shown when a record carries no kind (written before kinds existed).
 */
import type { TFunction } from 'i18next';
import type {
  DownloadFailureKind,
  DownloadFailureValues,
  FailureCause,
  SyncProgress,
  UploadNotePart,
  UploadNoteValues,
  UploadRecord,
} from '../../../shared/domain.ts';
import { ApiError } from '../ipc/api.ts';
import { localizeError, type LocalizedError } from './error-text.ts';
import { formatDateTime } from './format.ts';

/**
 * `t` for keys built from a kind. The typed `t` cannot check a key picked
 * at run time, so the table test checks that every kind has its sentence.
 */
type LooseT = (key: string, values?: Record<string, string>) => string;

/** Note values that are instants, shown in Romania time. */
const TIME_VALUES = ['retryAt', 'sentAt', 'deadlineAt', 'markedAt'] as const;

/** Returns a quoted failure in the interface language, with its next step. */
export function causeText(t: TFunction, cause: FailureCause): LocalizedError {
  if (cause.code === null) {
    return { code: undefined, message: cause.message, hint: null };
  }
  return localizeError(
    t,
    new ApiError(cause.code, cause.message, cause.details),
  );
}

/** Options for wording an upload's note. */
export interface NoteTextOptions {
  language: string;
  /** Names another upload from its id, e.g. by its file name. */
  describeUpload?: (id: string) => string;
}

/** Returns the values of one sentence as the text names them. */
function noteValues(
  t: TFunction,
  values: Partial<UploadNoteValues>,
  options: NoteTextOptions,
): Record<string, string> {
  const named: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number') {
      named[name] = String(value);
    }
  }
  for (const name of TIME_VALUES) {
    const value = values[name];
    if (value !== undefined)
      named[name] = formatDateTime(value, options.language);
  }
  if (values.cause) named.cause = causeText(t, values.cause).message;
  if (values.uploadIndexes)
    named.uploadIndexes = values.uploadIndexes.join(', ');
  if (values.uploadIds) {
    const describe = options.describeUpload ?? ((id: string) => id);
    named.uploadIds = values.uploadIds.map(describe).join(', ');
  }
  if (values.matchedBy === 'contentHash') {
    named.matchedBy = t('uploadNoteWords.matchedByContentHash');
  }
  if (values.matchedBy === 'invoiceFields') {
    named.matchedBy = t('uploadNoteWords.matchedByInvoiceFields');
  }
  return named;
}

/** Words one sentence of an upload's note. */
export function notePartText(
  t: TFunction,
  part: UploadNotePart,
  options: NoteTextOptions,
): string {
  const loose = t as unknown as LooseT;
  return loose(`uploadNotes.${part.kind}`, noteValues(t, part.values, options));
}

/** Words an upload's note; returns null when it has none. */
export function uploadNoteText(
  t: TFunction,
  record: Pick<UploadRecord, 'note' | 'noteParts'>,
  options: NoteTextOptions,
): string | null {
  const parts = record.noteParts ?? [];
  if (parts.length === 0) return record.note;
  return parts.map((part) => notePartText(t, part, options)).join(' ');
}

/** Words why a sync stopped or failed in part, with the cause's next step; null when it did not. */
export function syncErrorText(
  t: TFunction,
  progress: Pick<SyncProgress, 'error' | 'errorKind' | 'errorValues'>,
): string | null {
  const kind = progress.errorKind;
  if (!kind) return progress.error;
  const values = progress.errorValues ?? {};
  const named: Record<string, string> = {};
  if (values.messageId !== undefined) named.messageId = values.messageId;
  const cause = values.cause ? causeText(t, values.cause) : null;
  if (cause) named.cause = cause.message;
  const loose = t as unknown as LooseT;
  const sentence = loose(`syncErrors.${kind}`, named);
  return cause?.hint ? `${sentence} ${cause.hint}` : sentence;
}

/**
 * Words why a company's last sync failed, or returns null when it did not.
 * Without a kind from main, the sentence quotes main's English reason.
 */
export function syncFailureText(
  t: TFunction,
  progress: Pick<SyncProgress, 'error' | 'errorKind' | 'errorValues'>,
): string | null {
  if (!progress.error) return null;
  if (progress.errorKind) return syncErrorText(t, progress);
  return t('activity.syncError', { message: progress.error });
}

/** A row whose download may have failed: an invoice row or a buyer message. */
export interface FailedDownload {
  failureReason: string | null;
  failureKind?: DownloadFailureKind | null;
  failureValues?: DownloadFailureValues | null;
}

/** Words why a message's download failed; null when it did not. */
export function downloadFailureText(
  t: TFunction,
  row: FailedDownload,
): string | null {
  const cause = row.failureValues?.cause;
  if (!row.failureKind || !cause) return row.failureReason;
  const loose = t as unknown as LooseT;
  return loose(`downloadFailures.${row.failureKind}`, {
    cause: causeText(t, cause).message,
  });
}
