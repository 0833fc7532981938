/**
 * Sends one queued upload through the request queue. The row becomes
 * `sending` (with the time) in the same synchronous step that hands the
 * request to the client, so after a crash a `sending` row means "may have
 * reached ANAF" and a `queued` row means "never left".
 */
import type { AnafClient } from '../anaf/client.ts';
import type { UploadOutcome } from '../anaf/parse-efactura.ts';
import { describeError } from '../log/logger.ts';
import type { UploadCompany } from './types.ts';
import type { UploadRuntime } from './runtime.ts';
import {
  uploadAnswerChange,
  uploadFailureAction,
  type UploadFailureAction,
} from './transitions.ts';
import type { StoredUpload } from './upload-store.ts';

export async function sendUpload(
  runtime: UploadRuntime,
  upload: StoredUpload,
): Promise<void> {
  const ids = { upload: upload.id, cif: upload.cif };
  const company = runtime.companies.get(upload.cif);
  if (!company) {
    runtime.logger.warn('Upload not sent: the company is not followed', ids);
    runtime.change(upload.id, {
      state: 'failed',
      note: `The company ${upload.cif} is no longer followed, so the file was not sent. Follow the company again, then send the file again.`,
    });
    return;
  }
  const body = runtime.bodies.read(upload.id);
  if (!body) {
    runtime.logger.error('Upload not sent: its stored file is missing', ids);
    runtime.change(upload.id, {
      state: 'failed',
      note: 'The copy of the file kept in the data folder is missing, so it was not sent. Drop the file again.',
    });
    return;
  }

  let client: AnafClient;
  try {
    client = runtime.clientFor(company);
  } catch (error) {
    runtime.logger.error('Upload not sent: no ANAF client for the company', {
      ...ids,
      error: describeError(error),
    });
    runtime.change(upload.id, {
      state: 'failed',
      note: `The file was not sent: ${describeError(error)}`,
    });
    return;
  }

  const attempt = { requestOut: false, lastError: undefined as unknown };
  let outcome: UploadOutcome;
  try {
    outcome = await runtime.queue.submit({
      endpoint: 'upload',
      lane: 'interactive',
      cif: upload.cif,
      idempotent: false,
      // The gateway refuses a 429 before ANAF records anything.
      retryOn429EvenIfNotIdempotent: true,
      signal: runtime.signal,
      run: (signal) =>
        sendOnce(runtime, upload, { company, client, body }, attempt, signal),
    });
  } catch (error) {
    const action =
      error === attempt.lastError
        ? uploadFailureAction(error, true)
        : uploadFailureAction(error, attempt.requestOut);
    applyFailure(runtime, upload, error, action);
    return;
  }

  const next = runtime.change(upload.id, uploadAnswerChange(outcome));
  runtime.logger.info('Upload response received', {
    upload: upload.id,
    cif: upload.cif,
    uploadIndex: next.uploadIndex,
    state: next.state,
  });
  if (next.state === 'processing') runtime.follow(upload.id);
}

/** Sends one attempt; the queue calls it again after a 429. */
async function sendOnce(
  runtime: UploadRuntime,
  upload: StoredUpload,
  request: { company: UploadCompany; client: AnafClient; body: Uint8Array },
  attempt: { requestOut: boolean; lastError: unknown },
  signal: AbortSignal,
): Promise<UploadOutcome> {
  const { company, client, body } = request;
  runtime.change(upload.id, {
    state: 'sending',
    sentAt: runtime.clock.now(),
    note: null,
  });
  attempt.requestOut = true;
  try {
    // NOTE: every file goes to `upload`; neither `uploadb2c` (consumers) nor
    // `extern=DA` (buyer outside Romania) is ever chosen.
    return await client.upload(
      {
        apiPath: company.api,
        cif: upload.cif,
        standard: upload.standard as 'UBL' | 'CN' | 'CII',
        body,
        selfBilled: upload.selfBilled,
      },
      { signal },
    );
  } catch (error) {
    attempt.lastError = error;
    if (uploadFailureAction(error, true) === 'resendLater') {
      // Not recorded: the row goes back to queued while the queue waits.
      attempt.requestOut = false;
      runtime.change(upload.id, {
        state: 'queued',
        note: `ANAF did not take the file (${describeError(error)}); it will be sent again.`,
      });
    }
    throw error;
  }
}

function applyFailure(
  runtime: UploadRuntime,
  upload: StoredUpload,
  error: unknown,
  action: UploadFailureAction,
): void {
  const fields = {
    upload: upload.id,
    cif: upload.cif,
    action,
    error: describeError(error),
  };
  const reason = error instanceof Error ? error.message : String(error);

  switch (action) {
    case 'stayQueued':
      runtime.logger.info('Upload left queued', fields);
      return;
    case 'resendLater': {
      const seconds = Math.round(runtime.settings.resendDelayMs / 1000);
      runtime.logger.warn(
        'Upload not recorded; sending it again later',
        fields,
      );
      runtime.change(upload.id, {
        state: 'queued',
        note: `ANAF did not take the file (${reason}). It will be sent again in ${seconds} s.`,
      });
      runtime.resendLater(upload.id);
      return;
    }
    case 'failed':
      runtime.logger.warn('Upload failed before ANAF recorded it', fields);
      runtime.change(upload.id, {
        state: 'failed',
        note: `The file was not sent: ${reason}`,
      });
      return;
    case 'unknown':
      runtime.logger.warn(
        'Upload response lost; the outcome is unknown',
        fields,
      );
      runtime.change(upload.id, {
        state: 'unknown',
        note: `The response to the upload was lost (${reason}). ANAF may have recorded the file, so it is not sent again; the app looks for it in ANAF's list of messages.`,
      });
      runtime.reconcile(upload.id);
  }
}
