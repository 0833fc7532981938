/**
 * Decisions on failed lists and downloads: the message's new state, and
 * whether the run goes on. ANAF's typed failures carry a `kind` (see the
 * ANAF client's errors), and the queue adds `anaf.dailyLimit` for a spent
 * budget.
 */
import type {
  DownloadFailureKind,
  FailureCause,
  MessageState,
} from '../../../shared/domain.ts';
import { AppFailure } from '../../../shared/result.ts';
import { anafFailureDetails } from '../anaf/index.ts';
import { describeError } from '../log/logger.ts';

export interface DownloadFailureDecision {
  /** The message's new state: final (`expired`, `failed`) or kept `listed`. */
  state: Exclude<MessageState, 'downloaded'>;
  /**
   * True when the cause affects every call (no connection, a rejected
   * token, a firewall page, a full disk), so the run stops instead of
   * failing each remaining message the same way.
   */
  stopRun: boolean;
  /** The reason in English, for the row, the log and the command line. */
  reason: string;
  /** The reason as a kind and its cause, for the renderer. */
  kind: DownloadFailureKind;
  cause: FailureCause;
}

/** ANAF failure kinds that concern this message only and will not change. */
const REFUSED_KINDS = new Set([
  'notFound',
  'noRight',
  'badResponse',
  'rejected',
  'invalidRequest',
  'invalidInput',
]);

/** ANAF failure kinds that every other call would meet as well. */
const SYSTEMIC_KINDS = new Set([
  'forbidden',
  'firewall',
  'tls',
  'connectionFailed',
]);

export function decideDownloadFailure(error: unknown): DownloadFailureDecision {
  const reason = failureText(error);
  const cause = failureCause(error, reason);
  const decide = (
    state: DownloadFailureDecision['state'],
    kind: DownloadFailureKind,
  ): DownloadFailureDecision => ({
    state,
    stopRun: kind === 'stoppedRun',
    reason,
    kind,
    cause,
  });
  const anafKind = anafFailureDetails(error)?.kind;

  if (anafKind === 'expired') return decide('expired', 'expired');
  if (anafKind !== undefined && REFUSED_KINDS.has(anafKind)) {
    return decide('failed', 'rejected');
  }
  if (anafKind !== undefined && SYSTEMIC_KINDS.has(anafKind)) {
    return decide('listed', 'stoppedRun');
  }
  if (anafKind === 'dailyLimit') return decide('listed', 'dailyLimit');
  if (anafKind !== undefined) return decide('listed', 'retryLater');

  if (error instanceof AppFailure) {
    // The archive's `input.invalid`: the response was not a usable ZIP.
    if (error.code === 'input.invalid') return decide('failed', 'unusableZip');
    // A spent daily budget only concerns this message until midnight.
    if (error.code === 'anaf.dailyLimit') return decide('listed', 'dailyLimit');
  }
  // Token failures (`auth.*`), archive write errors and anything
  // unexpected would repeat for every message.
  return decide('listed', 'stoppedRun');
}

/** Tells whether a failed list call makes the downloads pointless too. */
export function isSystemicFailure(error: unknown): boolean {
  return decideDownloadFailure(error).stopRun;
}

export function isAbort(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return true;
  // The queue rejects with a DOMException named AbortError when it closes.
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}

export function failureText(error: unknown): string {
  return error instanceof AppFailure ? error.message : describeError(error);
}

/** Detail fields a cause keeps: those the renderer names in its text. */
const CAUSE_DETAIL_NAMES = [
  'reason',
  'kind',
  'status',
  'cif',
  'messageId',
  'accountId',
  'limit',
  'resetsAtLocal',
  'anafMessage',
  'folder',
  'setting',
  'entry',
  'count',
] as const;

/**
 * Returns a failure as data for a note or a reason: its error code and the
 * detail values the renderer names. `message` is the English text that the
 * English note quotes, `failureText` by default.
 */
export function failureCause(
  error: unknown,
  message = failureText(error),
): FailureCause {
  if (!(error instanceof AppFailure))
    return { code: null, message, details: {} };
  const details: Record<string, string | number> = {};
  for (const name of CAUSE_DETAIL_NAMES) {
    const value = error.details?.[name];
    if (typeof value === 'string' || typeof value === 'number') {
      details[name] = value;
    }
  }
  return { code: error.code, message, details };
}
