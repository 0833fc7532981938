/**
 * The upload states and the pure decisions that move an upload between
 * them: what an upload response, a failed upload request or a stareMesaj
 * response means for the upload, and how each state counts for the per-CIF
 * gate.
 *
 * queued -> sending -> processing -> accepted | rejected
 * sending -> rejected (refused at upload) | failed (never recorded)
 * sending -> unknown (response lost) -> reconciling -> accepted | rejected
 *   | needsDecision (deadline passed; the user checks SPV)
 * needsDecision -> reconciling (marked as filed: ANAF's verdict is still
 *   looked for) | queued (marked as not filed: sent again)
 * sending -> queued (refused with 429, token rejected, or never connected:
 *   sent again)
 */
import type { AnafErrorEntry, UploadState } from '../../../shared/domain.ts';
import { AppFailure } from '../../../shared/result.ts';
import { anafFailureDetails, type AnafFailureKind } from '../anaf/errors.ts';
import type { ListedMessage as AnafListedMessage } from '../anaf/parse-lists.ts';
import type { UploadOutcome, UploadStatus } from '../anaf/parse-efactura.ts';
import { extractRuleId } from '../invoice/index.ts';
import type { ListedKind } from '../queue/reconcile.ts';
import type { UploadGateState } from '../queue/upload-gate.ts';
import { noteOf } from './notes.ts';
import type { UploadChange } from './upload-store.ts';

/** The states in which ANAF may hold the upload but the app cannot tell. */
export const UNRESOLVED_STATES: readonly UploadState[] = [
  'unknown',
  'reconciling',
];

/** The states `resolveUnknown` accepts. */
export const RESOLVABLE_STATES: readonly UploadState[] = [
  'unknown',
  'reconciling',
  'needsDecision',
];

/**
 * Maps an upload's state to the gate's view. An upload handed to the
 * request queue counts as sending even while its row is still queued.
 * After the reconciliation deadline (`needsDecision`) the gate opens, as
 * `uploadGate` defines it: nothing automatic is left to confuse. It stays
 * open once the user marked the upload as filed (`markedSent`), although
 * the app still looks for ANAF's verdict. That search links an error
 * message to the upload only while no other upload of the CIF is out.
 */
export function gateStateOf(
  state: UploadState,
  handedToQueue: boolean,
  markedSent = false,
): UploadGateState {
  if (handedToQueue || state === 'sending') return 'sending';
  if (state === 'queued') return 'queued';
  if (UNRESOLVED_STATES.includes(state) && !markedSent) return 'unresolved';
  return 'settled';
}

/** Returns the change that ANAF's response to the upload request makes. */
export function uploadAnswerChange(outcome: UploadOutcome): UploadChange {
  if (outcome.accepted) {
    return {
      state: 'processing',
      uploadIndex: outcome.uploadIndex,
      statusChecks: 0,
      errors: [],
      note: null,
    };
  }
  return {
    state: 'rejected',
    errors: errorEntries(outcome.messages),
    ...noteOf('rejectedAtUpload', {}),
  };
}

/**
 * `resendLater`: ANAF did not record the request (429, or no connection
 * was made), so it is sent again. `tokenRejected`: ANAF's gateway rejected
 * the access token with 401 or 403 before ANAF saw the file, so it is sent
 * again with a refreshed token a few times at the most. `unknown`: the
 * request may have been recorded. `failed`: not recorded, and sending again
 * would not help. `stayQueued`: the request never left the queue (the
 * service closed).
 */
export type UploadFailureAction =
  'resendLater' | 'tokenRejected' | 'unknown' | 'failed' | 'stayQueued';

/** Checks whether an action means ANAF did not record the file. */
export function isNotRecorded(action: UploadFailureAction): boolean {
  return action === 'resendLater' || action === 'tokenRejected';
}

/**
 * ANAF responded, but the response does not show whether the file was
 * recorded: a 5xx or a body that cannot be read.
 */
const UNKNOWN_WHEN_RESPONDED: ReadonlySet<AnafFailureKind> = new Set([
  'serverError',
  'badResponse',
  'timeout',
  'connectionReset',
]);

/**
 * Decides what a failed upload request means. `requestOut` is true once
 * the request was handed to the client, which may have sent it.
 */
export function uploadFailureAction(
  error: unknown,
  requestOut: boolean,
): UploadFailureAction {
  if (!requestOut) return isAbort(error) ? 'stayQueued' : 'failed';
  if (isAbort(error)) return 'unknown';

  const details = anafFailureDetails(error);
  if (!details) {
    // An AppFailure that is not an ANAF failure comes from the token
    // source (login, vault), which the client asks before it sends.
    if (error instanceof AppFailure) {
      return error.code === 'auth.network' ? 'resendLater' : 'failed';
    }
    return 'unknown';
  }
  if (details.kind === 'rateLimited') return 'resendLater';
  if (details.kind === 'forbidden') return 'tokenRejected';
  if (details.delivery === 'notSent') {
    return details.kind === 'invalidInput' ? 'failed' : 'resendLater';
  }
  if (details.delivery === 'unknown') return 'unknown';
  return UNKNOWN_WHEN_RESPONDED.has(details.kind) ? 'unknown' : 'failed';
}

function isAbort(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}

/** Next step after ANAF rejected the token of an upload's request again. */
export type TokenRejectionStep =
  { resend: true; delayMs: number } | { resend: false };

/**
 * Decides on the `rejections`-th rejection in a row (from 1): send again after
 * the matching wait of `delaysMs`, or give up once every wait was used.
 */
export function tokenRejectionStep(
  rejections: number,
  delaysMs: readonly number[],
): TokenRejectionStep {
  const delayMs = delaysMs[rejections - 1];
  return delayMs === undefined ? { resend: false } : { resend: true, delayMs };
}

/**
 * Returns the wait before try number `failures + 1` after `failures` failed
 * tries (from 1): `firstMs`, doubled after each failure, at most `maxMs`.
 */
export function widenedWait(
  failures: number,
  firstMs: number,
  maxMs: number,
): number {
  return Math.min(maxMs, firstMs * 2 ** Math.max(0, failures - 1));
}

/** Next step of an upload being processed, after a stareMesaj response. */
export type StatusStep =
  | { kind: 'wait' }
  | { kind: 'accepted'; messageId: string }
  | { kind: 'rejected'; messageId: string }
  | { kind: 'rejectedAtUpload' };

export function statusStep(status: UploadStatus): StatusStep {
  switch (status.state) {
    case 'ok':
      return { kind: 'accepted', messageId: status.downloadId };
    case 'nok':
      return { kind: 'rejected', messageId: status.downloadId };
    case 'rejectedAtUpload':
      return { kind: 'rejectedAtUpload' };
    default:
      return { kind: 'wait' };
  }
}

/** Turns ANAF's messages into error entries, each with its rule id. */
export function errorEntries(messages: readonly string[]): AnafErrorEntry[] {
  return messages.map((message) => ({
    ruleId: extractRuleId(message),
    message,
  }));
}

/**
 * Reads the earlier upload index from ANAF's duplicate message, "Factura a
 * mai fost transmisa anterior cu index=<n> si data incarcare=<date>".
 */
export function duplicateIndexIn(message: string): string | null {
  const folded = message.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const match =
    /a\s+mai\s+fost\s+transmisa\s+anterior\s+cu\s+index\s*=\s*(\d+)/i.exec(
      folded,
    );
  return match?.[1] ?? null;
}

/** Returns the first earlier upload index named by a duplicate message. */
export function duplicateIndexOf(
  errors: readonly AnafErrorEntry[],
): string | null {
  for (const entry of errors) {
    const index = duplicateIndexIn(entry.message);
    if (index !== null) return index;
  }
  return null;
}

/**
 * Sorts a list entry for reconciliation. A self-billed invoice that this
 * CIF transmitted as the buyer is one of its sent invoices, whatever `tip`
 * ANAF gives it.
 */
export function listedKind(
  message: AnafListedMessage,
  cif: string,
): ListedKind {
  if (message.direction === 'sent') return 'sent';
  if (message.direction === 'errors') return 'error';
  if (message.selfBilled && message.buyerCif === cif) return 'sent';
  return 'other';
}
