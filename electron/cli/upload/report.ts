/**
 * The per-file results of `efactura upload` and `efactura status`: the
 * upload's status in five words a script can switch on, plus `unknown`
 * for an upload whose outcome the app could not establish.
 */
import type {
  UploadProblem,
  UploadRecord,
  UploadState,
} from '../../../shared/domain.ts';
import { formatTable } from '../output.ts';

/**
 * `ok`: ANAF accepted the invoice. `nok`: ANAF's validation rejected it
 * (the errors come from its error document). `rejected`: it was never
 * filed (refused by a local check, at upload, or not sent). A file that
 * local checks kept back also has `blocked: true`. `processing`:
 * not finished yet. `duplicate`: the same invoice was sent before.
 * `unknown`: the response to the upload was lost and the app could not match
 * it in ANAF's list before the deadline; check in SPV before sending again.
 */
export type UploadStatusWord =
  'ok' | 'nok' | 'rejected' | 'processing' | 'duplicate' | 'unknown';

/** An error of a file: ANAF's rule id, or the local check's code. */
export interface FileError {
  code: string | null;
  message: string;
}

export interface FileOutcome {
  file: string;
  cif: string | null;
  standard: string | null;
  uploadIndex: string | null;
  status: UploadStatusWord;
  /** The app's upload state, when the file reached the upload service. */
  state: UploadState | null;
  messageId: string | null;
  errors: FileError[];
  /**
   * Present when the app's own checks kept the file back, so ANAF never
   * saw it. Its status is then `rejected`, the word scripts already use.
   */
  blocked?: true;
}

/** The states after which nothing changes without a person. */
export const FINAL_STATES: readonly UploadState[] = [
  'accepted',
  'rejected',
  'failed',
  'needsDecision',
];

export function isFinal(record: UploadRecord): boolean {
  return FINAL_STATES.includes(record.state);
}

/** The states of an upload that the service has not sent yet. */
const UNSENT_STATES: readonly UploadState[] = ['queued', 'sending'];

/** Returns true once the upload request has ended, whatever its outcome. */
export function isSent(record: UploadRecord): boolean {
  return !UNSENT_STATES.includes(record.state);
}

export function statusOf(record: UploadRecord): UploadStatusWord {
  switch (record.state) {
    case 'accepted':
      return 'ok';
    case 'rejected':
      if (record.duplicateOf !== null) return 'duplicate';
      return record.messageId !== null ? 'nok' : 'rejected';
    case 'failed':
      return 'rejected';
    case 'needsDecision':
      return 'unknown';
    default:
      return 'processing';
  }
}

export function outcomeOfRecord(
  file: string,
  record: UploadRecord,
): FileOutcome {
  const errors: FileError[] = record.errors.map((error) => ({
    code: error.ruleId,
    message: error.message,
  }));
  if (errors.length === 0 && record.note && record.state !== 'accepted') {
    errors.push({ code: null, message: record.note });
  }
  return {
    file,
    cif: record.cif,
    standard: record.standard,
    uploadIndex: record.uploadIndex,
    status: statusOf(record),
    state: record.state,
    messageId: record.messageId,
    errors,
  };
}

/**
 * Builds the outcome of a file that was not sent: `duplicate` when only a
 * duplicate check stopped it, else `rejected` and marked `blocked`.
 */
export function outcomeNotSent(
  file: string,
  cif: string | null,
  standard: string | null,
  status: 'rejected' | 'duplicate',
  errors: FileError[],
): FileOutcome {
  const outcome: FileOutcome = {
    file,
    cif,
    standard,
    uploadIndex: null,
    status,
    state: null,
    messageId: null,
    errors,
  };
  if (status === 'rejected') outcome.blocked = true;
  return outcome;
}

export function problemError(problem: UploadProblem): FileError {
  return { code: problem.code, message: problem.message };
}

/** Statuses after which the command still exits with 0. */
export function succeeded(outcome: FileOutcome, waited: boolean): boolean {
  return (
    outcome.status === 'ok' || (!waited && outcome.status === 'processing')
  );
}

/**
 * Formats the outcomes for people. A blocked file shows `not sent` in place
 * of `rejected`, so it cannot be taken for ANAF's rejection at upload.
 */
export function formatOutcomes(outcomes: readonly FileOutcome[]): string {
  const table = formatTable(
    ['FILE', 'STATUS', 'UPLOAD INDEX', 'CIF'],
    outcomes.map((outcome) => [
      outcome.file,
      outcome.blocked ? 'not sent' : outcome.status,
      outcome.uploadIndex ?? '-',
      outcome.cif ?? '-',
    ]),
  );
  const details = outcomes.flatMap((outcome) =>
    outcome.errors.map((error) => errorLine(outcome, error)),
  );
  return details.length > 0 ? `${table}\n\n${details.join('\n')}` : table;
}

function errorLine(outcome: FileOutcome, error: FileError): string {
  const text = `${error.code ? `[${error.code}] ` : ''}${error.message}`;
  return outcome.blocked
    ? `${outcome.file}: not sent: blocked by local checks (${text})`
    : `${outcome.file}: ${text}`;
}
