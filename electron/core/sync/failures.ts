/**
 * Decisions on failed lists and downloads: the message's new state, and
 * whether the run goes on. ANAF's typed failures carry a `kind` (see the
 * ANAF client's errors), and the queue adds `anaf.dailyLimit` for a spent
 * budget.
 */
import type { MessageState } from '../../../shared/domain.ts';
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
  reason: string;
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
  const kind = anafFailureDetails(error)?.kind;

  if (kind === 'expired') return { state: 'expired', stopRun: false, reason };
  if (kind !== undefined && REFUSED_KINDS.has(kind)) {
    return { state: 'failed', stopRun: false, reason };
  }
  if (kind !== undefined && SYSTEMIC_KINDS.has(kind)) {
    return { state: 'listed', stopRun: true, reason };
  }
  if (kind !== undefined) return { state: 'listed', stopRun: false, reason };

  if (error instanceof AppFailure) {
    // The archive's `input.invalid`: the response was not a usable ZIP.
    if (error.code === 'input.invalid') {
      return { state: 'failed', stopRun: false, reason };
    }
    // A spent daily budget only concerns this message until midnight.
    if (error.code === 'anaf.dailyLimit') {
      return { state: 'listed', stopRun: false, reason };
    }
  }
  // Token failures (`auth.*`), archive write errors and anything
  // unexpected would repeat for every message.
  return { state: 'listed', stopRun: true, reason };
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
