/**
 * Sends one queued upload through the request queue. The row becomes
 * `sending` (with the time) in the same synchronous step that hands the
 * request to the client, so after a crash a `sending` row means "may have
 * reached ANAF" and a `queued` row means "never left".
 */
import type { AnafClient } from '../anaf/client.ts';
import type { UploadOutcome } from '../anaf/parse-efactura.ts';
import {
  uploadDocument,
  type UploadAttemptHooks,
} from '../gateway/queued-calls.ts';
import { describeError } from '../log/logger.ts';
import { failureCause } from '../sync/failures.ts';
import { noteOf, noteTime } from './notes.ts';
import { decisionDeadlineAt } from './reconciling.ts';
import { companyRoute, type UploadRuntime } from './runtime.ts';
import {
  isNotRecorded,
  tokenRejectionStep,
  uploadAnswerChange,
  uploadFailureAction,
  type UploadFailureAction,
} from './transitions.ts';
import type { UploadCompany } from './types.ts';
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
      ...noteOf('companyNotFollowed', { cif: upload.cif }),
    });
    return;
  }
  const body = runtime.bodies.read(upload.id);
  if (!body) {
    runtime.logger.error('Upload not sent: its stored file is missing', ids);
    runtime.change(upload.id, {
      state: 'failed',
      ...noteOf('storedFileMissing', {}),
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
      ...noteOf('notSent', {
        cause: failureCause(error, describeError(error)),
      }),
    });
    return;
  }

  const attempt = { requestOut: false, lastError: undefined as unknown };
  let outcome: UploadOutcome;
  try {
    // NOTE: every file goes to `upload`; neither `uploadb2c` (consumers) nor
    // `extern=DA` (buyer outside Romania) is ever chosen.
    outcome = await uploadDocument(
      companyRoute(runtime, company, client),
      {
        standard: upload.standard as 'UBL' | 'CN' | 'CII',
        body,
        selfBilled: upload.selfBilled,
      },
      attemptHooks(runtime, upload, attempt),
    );
  } catch (error) {
    const action =
      error === attempt.lastError
        ? uploadFailureAction(error, true)
        : uploadFailureAction(error, attempt.requestOut);
    if (action !== 'tokenRejected') runtime.tokenRejections.delete(upload.id);
    applyFailure(runtime, { upload, company }, error, action);
    return;
  }

  runtime.tokenRejections.delete(upload.id);
  const next = runtime.change(upload.id, uploadAnswerChange(outcome));
  runtime.logger.info('Upload response received', {
    upload: upload.id,
    cif: upload.cif,
    uploadIndex: next.uploadIndex,
    state: next.state,
  });
  if (next.state === 'processing') runtime.follow(upload.id);
}

/**
 * Marks each attempt on the row: `sending` (with the time) just before the
 * request leaves, and back to `queued` when ANAF did not record it (a 429,
 * a rejected token, no connection). A crash before the next attempt then
 * sends the file again instead of reconciling it.
 */
function attemptHooks(
  runtime: UploadRuntime,
  upload: StoredUpload,
  attempt: { requestOut: boolean; lastError: unknown },
): UploadAttemptHooks {
  return {
    beforeRequest: () => {
      runtime.change(upload.id, {
        state: 'sending',
        sentAt: runtime.clock.now(),
        note: null,
      });
      attempt.requestOut = true;
    },
    afterFailure: (error) => {
      attempt.lastError = error;
      if (!isNotRecorded(uploadFailureAction(error, true))) return;
      attempt.requestOut = false;
      runtime.change(upload.id, {
        state: 'queued',
        ...noteOf('notTaken', {
          cause: failureCause(error, describeError(error)),
        }),
      });
    },
  };
}

/**
 * Sends an upload whose token ANAF rejected (so ANAF never saw the file)
 * again after a wait. The next attempt takes the account's token anew, and
 * the client refreshes it after another 401. After the last wait the upload
 * fails, naming the account to log in to again.
 */
function applyTokenRejection(
  runtime: UploadRuntime,
  upload: StoredUpload,
  company: UploadCompany,
  error: unknown,
): void {
  const rejections = (runtime.tokenRejections.get(upload.id) ?? 0) + 1;
  const step = tokenRejectionStep(
    rejections,
    runtime.settings.tokenRetryDelaysMs,
  );
  const fields = {
    upload: upload.id,
    cif: upload.cif,
    accountId: company.accountId,
    rejections,
    error: describeError(error),
  };

  if (step.resend) {
    runtime.tokenRejections.set(upload.id, rejections);
    const seconds = Math.round(step.delayMs / 1000);
    runtime.logger.warn(
      'ANAF rejected the access token; sending the upload again later',
      fields,
    );
    runtime.change(upload.id, {
      state: 'queued',
      ...noteOf('tokenRejectedResending', {
        seconds,
        retryAt: noteTime(runtime.clock.now() + step.delayMs),
      }),
    });
    runtime.resendLater(upload.id, step.delayMs);
    return;
  }

  runtime.tokenRejections.delete(upload.id);
  runtime.logger.warn(
    'ANAF kept rejecting the access token; upload failed',
    fields,
  );
  runtime.change(upload.id, {
    state: 'failed',
    ...noteOf('tokenRejectedFailed', {
      accountId: company.accountId,
      companyName: company.name,
      cif: company.cif,
      rejections,
    }),
  });
}

function applyFailure(
  runtime: UploadRuntime,
  { upload, company }: { upload: StoredUpload; company: UploadCompany },
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
    case 'tokenRejected':
      applyTokenRejection(runtime, upload, company, error);
      return;
    case 'resendLater': {
      const seconds = Math.round(runtime.settings.resendDelayMs / 1000);
      runtime.logger.warn(
        'Upload not recorded; sending it again later',
        fields,
      );
      runtime.change(upload.id, {
        state: 'queued',
        ...noteOf('notTakenResendLater', {
          cause: failureCause(error, reason),
          seconds,
          retryAt: noteTime(
            runtime.clock.now() + runtime.settings.resendDelayMs,
          ),
        }),
      });
      runtime.resendLater(upload.id);
      return;
    }
    case 'failed':
      runtime.logger.warn('Upload failed before ANAF recorded it', fields);
      runtime.change(upload.id, {
        state: 'failed',
        ...noteOf('notSent', { cause: failureCause(error, reason) }),
      });
      return;
    case 'unknown':
      runtime.logger.warn(
        'Upload response lost; the outcome is unknown',
        fields,
      );
      runtime.change(upload.id, {
        state: 'unknown',
        ...noteOf('responseLost', {
          cause: failureCause(error, reason),
          deadlineAt: noteTime(
            decisionDeadlineAt(
              runtime.settings,
              runtime.store.get(upload.id)?.sentAt ?? runtime.clock.now(),
            ),
          ),
        }),
      });
      runtime.reconcile(upload.id);
  }
}
