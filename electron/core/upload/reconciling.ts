/**
 * Looks for an upload whose response was lost in the CIF's list of messages,
 * pass after pass, until a pass finds it, the user resolves it, or the
 * deadline passes and the user is asked to check SPV. The upload is never
 * sent again from here.
 */
import { describeError } from '../log/logger.ts';
import {
  OUTCOME_UNKNOWN_MESSAGE,
  type InvoiceIdentity,
  type ReconcileDecision,
} from '../queue/reconcile.ts';
import { rejectionChange } from './following.ts';
import { runReconcilePass } from './reconcile-pass.ts';
import { companyRoute, type UploadRuntime } from './runtime.ts';
import { widenedWait } from './transitions.ts';
import type { UploadCompany } from './types.ts';
import type { StoredUpload, UploadChange } from './upload-store.ts';

const RECONCILING_NOTE =
  "The response to the upload was lost. ANAF may have recorded the file, so it is not sent again; the app looks for it in ANAF's list of messages.";

export async function reconcileUpload(
  runtime: UploadRuntime,
  id: string,
): Promise<void> {
  const upload = runtime.store.get(id);
  if (upload?.state !== 'unknown' && upload?.state !== 'reconciling') return;
  if (upload.state === 'unknown' || upload.sentAt === null) {
    runtime.change(id, {
      state: 'reconciling',
      sentAt: upload.sentAt ?? runtime.clock.now(),
      note: upload.note ?? RECONCILING_NOTE,
    });
  }

  const identities = new Map<string, InvoiceIdentity>();
  while (!runtime.signal.aborted) {
    const current = runtime.store.get(id);
    if (current?.state !== 'reconciling') return;

    const decision = await decide(runtime, current, identities);
    if (decision === null) return;
    // The user may have resolved the upload while the pass ran.
    if (runtime.store.get(id)?.state !== 'reconciling') return;
    if (await apply(runtime, current, decision)) return;
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
  // The list ends a margin before now, so the last pass runs that margin
  // after the deadline to cover everything up to the deadline itself.
  const deadlineMs =
    runtime.settings.reconcileDeadlineMs + runtime.settings.listEndMarginMs;
  const deadlineAt = sentAt + deadlineMs;
  if (!company) {
    runtime.change(upload.id, {
      state: 'needsDecision',
      note: `${OUTCOME_UNKNOWN_MESSAGE} The company ${upload.cif} is no longer followed, so the app cannot look for the file in ANAF's list.`,
    });
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

/** Applies a decision; returns true once reconciliation has ended. */
async function apply(
  runtime: UploadRuntime,
  upload: StoredUpload,
  decision: ReconcileDecision,
): Promise<boolean> {
  const fields = {
    upload: upload.id,
    cif: upload.cif,
    decision: decision.kind,
  };
  switch (decision.kind) {
    case 'matched': {
      const how =
        decision.by === 'contentHash'
          ? 'the same bytes'
          : 'the same seller, invoice number and issue date';
      runtime.logger.info('Lost upload found in the list', {
        ...fields,
        uploadIndex: decision.uploadIndex,
      });
      runtime.change(upload.id, {
        state: 'accepted',
        uploadIndex: decision.uploadIndex,
        messageId: decision.downloadId,
        note: `The response to the upload was lost, but ANAF's list shows the file as sent invoice ${decision.uploadIndex} (${how}). It was filed once.`,
      });
      runtime.pump();
      return true;
    }
    case 'probably':
      return applyProbable(runtime, upload, decision);
    case 'deadlinePassed':
      runtime.logger.warn('Lost upload not found before the deadline', fields);
      runtime.change(upload.id, {
        state: 'needsDecision',
        note: candidateNote(decision.message, decision.candidates),
      });
      runtime.pump();
      return true;
    default:
      return !(await waitForNextPass(runtime, decision));
  }
}

/**
 * Links the upload to the single unknown error message and rejects it with
 * every error of that message's error document. Returns false, leaving the
 * upload `reconciling`, when the service closed or the user resolved the
 * upload before the document was read.
 */
async function applyProbable(
  runtime: UploadRuntime,
  upload: StoredUpload,
  decision: { uploadIndex: string; downloadId: string },
): Promise<boolean> {
  runtime.logger.info('Lost upload probably matches an error message', {
    upload: upload.id,
    cif: upload.cif,
    uploadIndex: decision.uploadIndex,
  });
  const probable = `Probably this file: the response to the upload was lost, and the only message ANAF lists for an unknown upload since then is an error message for upload ${decision.uploadIndex}. Error messages carry no copy of the invoice, so this is not certain.`;
  const company = runtime.companies.get(upload.cif);
  const change = company
    ? await fetchRejection(runtime, company, upload, decision, probable)
    : {
        state: 'rejected' as const,
        messageId: decision.downloadId,
        note: `The company ${upload.cif} is no longer followed, so its error list was not fetched; open message ${decision.downloadId} in SPV to see the errors.`,
      };
  if (change === null) return false;

  runtime.change(upload.id, {
    ...change,
    uploadIndex: decision.uploadIndex,
    note: change.note ? `${probable} ${change.note}` : probable,
  });
  runtime.pump();
  return true;
}

/** Longest wait between two tries to fetch an error document. */
const MAX_ERROR_FETCH_WAIT_MS = 30 * 60_000;

/**
 * Fetches the error document of a probable match, trying again with
 * widening waits (the reconcile interval, doubled each time) until it is
 * read. Returns null when the service closed or the upload is no longer
 * `reconciling`.
 */
async function fetchRejection(
  runtime: UploadRuntime,
  company: UploadCompany,
  upload: StoredUpload,
  decision: { uploadIndex: string; downloadId: string },
  probable: string,
): Promise<UploadChange | null> {
  for (let failures = 0; ; failures += 1) {
    if (failures > 0) {
      const waitMs = widenedWait(
        failures,
        runtime.settings.reconcileIntervalMs,
        MAX_ERROR_FETCH_WAIT_MS,
      );
      runtime.change(upload.id, {
        note: `${probable} Fetching its list of errors failed; the app tries again in ${Math.ceil(waitMs / 1000)} s.`,
      });
      try {
        await runtime.clock.sleep(waitMs, runtime.signal);
      } catch {
        return null;
      }
      if (runtime.store.get(upload.id)?.state !== 'reconciling') return null;
    }
    const change = await rejectionChange(
      runtime,
      companyRoute(runtime, company),
      upload,
      decision.downloadId,
    );
    if (change !== null) return change;
    if (runtime.signal.aborted) return null;
  }
}

function candidateNote(message: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return message;
  return `${message} ANAF lists error messages for uploads ${candidates.join(', ')} that the app does not know; one of them may be this file.`;
}

/** Sleeps until the next pass; returns false when the service closed. */
async function waitForNextPass(
  runtime: UploadRuntime,
  decision: { kind: string; deadlineAt?: number },
): Promise<boolean> {
  const now = runtime.clock.now();
  const untilDeadline = Math.max(0, (decision.deadlineAt ?? now) - now);
  const delay = Math.min(runtime.settings.reconcileIntervalMs, untilDeadline);
  try {
    // Never spin: a pass right at the deadline still waits a moment.
    await runtime.clock.sleep(Math.max(delay, 50), runtime.signal);
    return true;
  } catch {
    return false;
  }
}
