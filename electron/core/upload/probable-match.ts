/**
 * The "probably this file" outcome of reconciliation: the only unknown
 * upload in the CIF's list since the lost upload is an error message, so
 * the upload is linked to it and rejected with every error of its error
 * document. Error messages carry no copy of the invoice, so the note states
 * that the link is not certain.
 */
import { nextStatusCheckDelay } from '../queue/status-schedule.ts';
import { rejectionChange } from './following.ts';
import { joinNotes, noteOf, noteTime, type UploadNote } from './notes.ts';
import { companyRoute, type UploadRuntime } from './runtime.ts';
import type { UploadCompany } from './types.ts';
import type { StoredUpload, UploadChange } from './upload-store.ts';

/**
 * Links the upload to the single unknown error message and rejects it with
 * every error of that message's error document, adding `extraNote` to the
 * note. Returns false, leaving the upload `reconciling`, when the service
 * closed or the user resolved the upload before the document was read.
 */
export async function applyProbable(
  runtime: UploadRuntime,
  upload: StoredUpload,
  decision: { uploadIndex: string; downloadId: string },
  extraNote: UploadNote | null,
): Promise<boolean> {
  runtime.logger.info('Lost upload probably matches an error message', {
    upload: upload.id,
    cif: upload.cif,
    uploadIndex: decision.uploadIndex,
  });
  const probable = noteOf('probableMatch', {
    uploadIndex: decision.uploadIndex,
  });
  const company = runtime.companies.get(upload.cif);
  const change = company
    ? await fetchRejection(runtime, company, upload, decision, probable)
    : {
        state: 'rejected' as const,
        messageId: decision.downloadId,
        ...noteOf('errorsNotFetchedCompanyGone', {
          cif: upload.cif,
          messageId: decision.downloadId,
        }),
      };
  if (change === null) return false;

  // The rejection's own note (unreadable errors, a duplicate) follows.
  const rejectionNote = {
    note: change.note ?? null,
    noteParts: change.noteParts ?? [],
  };
  runtime.change(upload.id, {
    ...change,
    uploadIndex: decision.uploadIndex,
    ...joinNotes(probable, rejectionNote, extraNote),
  });
  runtime.pump();
  return true;
}

/**
 * Fetches the error document of a probable match, trying again on the
 * widening schedule of status checks until it is read, as following an
 * upload does. Returns null when the service closed or the upload is no
 * longer `reconciling`.
 */
async function fetchRejection(
  runtime: UploadRuntime,
  company: UploadCompany,
  upload: StoredUpload,
  decision: { uploadIndex: string; downloadId: string },
  probable: UploadNote,
): Promise<UploadChange | null> {
  for (let failures = 0; ; failures += 1) {
    if (failures > 0) {
      const waitMs = nextStatusCheckDelay(
        failures - 1,
        runtime.settings.statusScheduleMs,
      );
      const retrying = noteOf('errorsFetchRetrying', {
        seconds: Math.ceil(waitMs / 1000),
        retryAt: noteTime(runtime.clock.now() + waitMs),
      });
      runtime.change(upload.id, joinNotes(probable, retrying));
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
