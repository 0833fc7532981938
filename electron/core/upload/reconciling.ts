/**
 * Looks for an upload whose response was lost in the CIF's list of messages,
 * pass after pass, until a pass finds it, the user resolves it, or the
 * deadline passes and the user is asked to check SPV. After the user marks
 * it as filed, the search goes on with widening waits until the list shows
 * ANAF's verdict, for as long as ANAF lists messages. The upload is never
 * sent again from here.
 */
import { RETENTION_DAYS } from '../anaf/list-window.ts';
import { describeError } from '../log/logger.ts';
import {
  OUTCOME_UNKNOWN_MESSAGE,
  type InvoiceIdentity,
  type ReconcileDecision,
} from '../queue/reconcile.ts';
import { joinNotes, noteOf, noteTime, type UploadNote } from './notes.ts';
import { applyProbable } from './probable-match.ts';
import { runReconcilePass } from './reconcile-pass.ts';
import { companyRoute, type UploadRuntime } from './runtime.ts';
import { widenedWait } from './transitions.ts';
import type { UploadSettings } from './types.ts';
import type { StoredUpload } from './upload-store.ts';

/**
 * How long the search for a marked upload goes on after it was sent: ANAF
 * lists and serves a message for 60 days, so later passes cannot find it.
 */
const MARKED_SEARCH_MS = RETENTION_DAYS * 86_400_000;

/** Maximum wait between two passes for a marked upload. */
const MAX_MARKED_WAIT_MS = 15 * 60_000;

/**
 * Wait before the next pass while another upload of the CIF is out, whose
 * own error message could be the one the pass found.
 */
const OTHER_UPLOAD_OUT_WAIT_MS = 2_000;

export async function reconcileUpload(
  runtime: UploadRuntime,
  id: string,
): Promise<void> {
  const upload = runtime.store.get(id);
  if (upload?.state !== 'unknown' && upload?.state !== 'reconciling') return;
  if (upload.state === 'unknown' || upload.sentAt === null) {
    const sentAt = upload.sentAt ?? runtime.clock.now();
    // An upload that became unknown keeps the note that states the cause.
    const note =
      upload.note === null
        ? noteOf('reconciling', {
            deadlineAt: noteTime(decisionDeadlineAt(runtime.settings, sentAt)),
          })
        : {};
    runtime.change(id, { state: 'reconciling', sentAt, ...note });
  }

  const identities = new Map<string, InvoiceIdentity>();
  let markedPasses = 0;
  while (!runtime.signal.aborted) {
    const current = runtime.store.get(id);
    if (current?.state !== 'reconciling') return;

    const decision = await decide(runtime, current, identities);
    if (decision === null) return;
    // The user may have resolved or marked the upload while the pass ran.
    const latest = runtime.store.get(id);
    if (latest?.state !== 'reconciling') return;
    if (latest.markedSentAt !== null) markedPasses += 1;
    if (await apply(runtime, latest, decision, markedPasses)) return;
  }
}

/** Runs one pass; returns null when the service closed or the company is gone. */
async function decide(
  runtime: UploadRuntime,
  upload: StoredUpload,
  identities: Map<string, InvoiceIdentity>,
): Promise<ReconcileDecision | null> {
  const company = runtime.companies.get(upload.cif);
  const sentAt = upload.sentAt ?? runtime.clock.now();
  const deadlineMs = searchDeadlineMs(runtime, upload);
  const deadlineAt = sentAt + deadlineMs;
  if (!company) {
    if (upload.markedSentAt !== null) {
      acceptOnUsersWord(
        runtime,
        upload,
        noteOf('acceptedCompanyGone', {
          cif: upload.cif,
          markedAt: noteTime(upload.markedSentAt),
        }),
      );
    } else {
      runtime.change(upload.id, {
        state: 'needsDecision',
        ...noteOf('outcomeUnknownCompanyGone', { cif: upload.cif }),
      });
    }
    runtime.pump();
    return null;
  }

  try {
    return await runReconcilePass({
      route: companyRoute(runtime, company),
      upload,
      knownUploadIndexes: runtime.store.knownUploadIndexes(upload.cif),
      identities,
      now: runtime.clock.now(),
      deadlineMs,
      endMarginMs: runtime.settings.listEndMarginMs,
      logger: runtime.logger,
    });
  } catch (error) {
    if (runtime.signal.aborted) return null;
    runtime.logger.warn('Listing messages to reconcile an upload failed', {
      upload: upload.id,
      cif: upload.cif,
      error: describeError(error),
    });
    return runtime.clock.now() >= deadlineAt
      ? {
          kind: 'deadlinePassed',
          message: OUTCOME_UNKNOWN_MESSAGE,
          candidates: [],
        }
      : { kind: 'waiting', deadlineAt, candidates: [] };
  }
}

/**
 * Returns when the search for a lost upload that the user has not marked
 * ends and the user is asked to check SPV, from the time it was sent.
 */
export function decisionDeadlineAt(
  settings: UploadSettings,
  sentAt: number,
): number {
  return sentAt + settings.reconcileDeadlineMs + settings.listEndMarginMs;
}

/**
 * Returns how long after sending the search ends. The list ends a margin
 * before now, so the last pass runs that margin after the deadline to cover
 * everything up to the deadline itself.
 */
function searchDeadlineMs(
  runtime: UploadRuntime,
  upload: StoredUpload,
): number {
  if (upload.markedSentAt !== null) return MARKED_SEARCH_MS;
  return (
    runtime.settings.reconcileDeadlineMs + runtime.settings.listEndMarginMs
  );
}

/**
 * Applies a decision, or waits for the next pass. Returns true once
 * reconciliation has ended or the service closed.
 */
async function apply(
  runtime: UploadRuntime,
  upload: StoredUpload,
  decision: ReconcileDecision,
  markedPasses: number,
): Promise<boolean> {
  const marked = upload.markedSentAt !== null;
  const extraNote =
    upload.markedSentAt === null
      ? null
      : noteOf('verdictAfterMark', {
          markedAt: noteTime(upload.markedSentAt),
        });
  switch (decision.kind) {
    case 'matched':
      applyMatch(runtime, upload, decision, extraNote);
      return true;
    case 'probably':
      // The gate lets other uploads of the CIF go out once the user marked
      // this one, and an error message does not show which file it is for.
      if (marked && otherUploadOut(runtime, upload)) {
        return !(await sleepBeforePass(runtime, OTHER_UPLOAD_OUT_WAIT_MS));
      }
      return applyProbable(runtime, upload, decision, extraNote);
    case 'deadlinePassed':
      if (upload.markedSentAt !== null) {
        acceptOnUsersWord(
          runtime,
          upload,
          noteOf('acceptedNotListed', {
            retentionDays: RETENTION_DAYS,
            markedAt: noteTime(upload.markedSentAt),
          }),
        );
      } else {
        runtime.logger.warn('Lost upload not found before the deadline', {
          upload: upload.id,
          cif: upload.cif,
        });
        runtime.change(upload.id, {
          state: 'needsDecision',
          ...deadlineNote(runtime, upload, decision.candidates),
        });
      }
      runtime.pump();
      return true;
    default: {
      const deadlineAt =
        decision.kind === 'waiting' ? decision.deadlineAt : undefined;
      const waitMs = nextPassWait(runtime, upload, deadlineAt, markedPasses);
      return !(await sleepBeforePass(runtime, waitMs));
    }
  }
}

function applyMatch(
  runtime: UploadRuntime,
  upload: StoredUpload,
  decision: Extract<ReconcileDecision, { kind: 'matched' }>,
  extraNote: UploadNote | null,
): void {
  runtime.logger.info('Lost upload found in the list', {
    upload: upload.id,
    cif: upload.cif,
    uploadIndex: decision.uploadIndex,
  });
  const found = noteOf('foundInList', {
    uploadIndex: decision.uploadIndex,
    matchedBy: decision.by,
  });
  runtime.change(upload.id, {
    state: 'accepted',
    uploadIndex: decision.uploadIndex,
    messageId: decision.downloadId,
    ...joinNotes(found, extraNote),
  });
  runtime.pump();
}

/**
 * Ends the search for a marked upload without ANAF's verdict: it counts as
 * filed because the user found it in SPV. `note` states why the search ended.
 */
function acceptOnUsersWord(
  runtime: UploadRuntime,
  upload: StoredUpload,
  note: UploadNote,
): void {
  runtime.logger.warn('Marked upload not found in the list; kept as filed', {
    upload: upload.id,
    cif: upload.cif,
  });
  runtime.change(upload.id, { state: 'accepted', ...note });
}

/** Checks whether another upload of the CIF may be at ANAF without a known index. */
function otherUploadOut(runtime: UploadRuntime, upload: StoredUpload): boolean {
  // NOTE: two marked uploads of one CIF that ANAF both rejected wait here
  // for each other until the search ends, because neither error message
  // shows which file it is for.
  return runtime.store
    .inStates(['sending', 'unknown', 'reconciling'])
    .some((other) => other.cif === upload.cif && other.id !== upload.id);
}

/**
 * Builds the note of a lost upload whose search ended at the deadline,
 * naming the unknown error messages that may be this file.
 */
function deadlineNote(
  runtime: UploadRuntime,
  upload: StoredUpload,
  candidates: readonly string[],
): UploadNote {
  const sentAt = upload.sentAt ?? runtime.clock.now();
  const outcome = noteOf('outcomeUnknown', {
    sentAt: noteTime(sentAt),
    deadlineAt: noteTime(decisionDeadlineAt(runtime.settings, sentAt)),
  });
  if (candidates.length === 0) return outcome;
  return joinNotes(
    outcome,
    noteOf('unknownCandidates', { uploadIndexes: [...candidates] }),
  );
}

/**
 * Returns the wait before the next pass, never past the deadline: the
 * reconcile interval, widening for a marked upload with each pass.
 */
function nextPassWait(
  runtime: UploadRuntime,
  upload: StoredUpload,
  deadlineAt: number | undefined,
  markedPasses: number,
): number {
  const interval = runtime.settings.reconcileIntervalMs;
  const wait =
    upload.markedSentAt === null
      ? interval
      : widenedWait(markedPasses, interval, MAX_MARKED_WAIT_MS);
  const now = runtime.clock.now();
  const untilDeadline = Math.max(0, (deadlineAt ?? now) - now);
  return Math.min(wait, untilDeadline);
}

/** Sleeps until the next pass; returns false when the service closed. */
async function sleepBeforePass(
  runtime: UploadRuntime,
  waitMs: number,
): Promise<boolean> {
  try {
    // Never spin: a pass right at the deadline still waits a moment.
    await runtime.clock.sleep(Math.max(waitMs, 50), runtime.signal);
    return true;
  } catch {
    return false;
  }
}
