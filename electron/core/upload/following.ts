/**
 * Follows an accepted upload with stareMesaj on the widening schedule until
 * ANAF decides: `ok` (accepted), `nok` (rejected, with every error of the
 * error document) or rejected at upload. The number of checks is stored, so
 * the schedule goes on where it was after a restart.
 */
import type { AnafErrorEntry } from '../../../shared/domain.ts';
import { AppFailure } from '../../../shared/result.ts';
import type { UploadStatus } from '../anaf/index.ts';
import { describeError } from '../log/logger.ts';
import { nextStatusCheckDelay } from '../queue/status-schedule.ts';
import {
  checkStatus,
  downloadMessage,
  type CompanyRoute,
} from '../gateway/queued-calls.ts';
import { failureCause } from '../sync/failures.ts';
import { readErrorEntries } from './message-zip.ts';
import { noteOf, noteTime } from './notes.ts';
import { companyRoute, type UploadRuntime } from './runtime.ts';
import { duplicateIndexOf, statusStep } from './transitions.ts';
import type { StoredUpload, UploadChange } from './upload-store.ts';

export async function followUpload(
  runtime: UploadRuntime,
  id: string,
): Promise<void> {
  for (;;) {
    const upload = runtime.store.get(id);
    if (upload?.state !== 'processing' || upload.uploadIndex === null) return;
    const company = runtime.companies.get(upload.cif);
    if (!company) {
      runtime.logger.warn(
        'Not following an upload of a company no longer followed',
        {
          upload: id,
          cif: upload.cif,
        },
      );
      return;
    }

    const delay = nextStatusCheckDelay(
      upload.statusChecks,
      runtime.settings.statusScheduleMs,
    );
    try {
      await runtime.clock.sleep(delay, runtime.signal);
    } catch {
      return;
    }

    const route = companyRoute(runtime, company);
    const done = await checkOnce(runtime, route, upload, upload.uploadIndex);
    if (done) return;
  }
}

/** Makes one status check; returns true once the upload has ended. */
async function checkOnce(
  runtime: UploadRuntime,
  route: CompanyRoute,
  upload: StoredUpload,
  uploadIndex: string,
): Promise<boolean> {
  const statusChecks = upload.statusChecks + 1;
  let status: UploadStatus;
  try {
    // Status checks wait for the daily budget's reset instead of failing.
    status = await checkStatus(route, uploadIndex, 'wait');
  } catch (error) {
    if (runtime.signal.aborted) return true;
    runtime.logger.warn('Status check failed; checking again later', {
      upload: upload.id,
      uploadIndex,
      error: describeError(error),
    });
    const nextCheckMs = nextStatusCheckDelay(
      statusChecks,
      runtime.settings.statusScheduleMs,
    );
    runtime.change(upload.id, {
      statusChecks,
      ...noteOf('statusCheckFailed', {
        uploadIndex,
        cause: failureCause(error, describeError(error)),
        retryAt: noteTime(runtime.clock.now() + nextCheckMs),
      }),
    });
    return false;
  }

  return applyStatus(runtime, route, upload, status, statusChecks);
}

/**
 * Applies one stareMesaj response to a processing upload and returns true
 * once the upload has ended. `statusChecks` is the count to store with it.
 */
export async function applyStatus(
  runtime: UploadRuntime,
  route: CompanyRoute,
  upload: StoredUpload,
  status: UploadStatus,
  statusChecks: number,
): Promise<boolean> {
  const step = statusStep(status);
  switch (step.kind) {
    case 'wait':
      runtime.store.update(upload.id, { statusChecks });
      return false;
    case 'accepted':
      runtime.change(upload.id, {
        state: 'accepted',
        messageId: step.messageId,
        statusChecks,
        note: null,
      });
      return true;
    case 'rejected': {
      const change = await rejectionChange(
        runtime,
        route,
        upload,
        step.messageId,
      );
      if (change === null) {
        // The error document could not be fetched this time; the next status
        // check tries again, so the rejection keeps its list of errors.
        runtime.change(upload.id, {
          statusChecks,
          ...noteOf('rejectedFetchingErrors', {
            uploadIndex: upload.uploadIndex ?? '',
            messageId: step.messageId,
          }),
        });
        return false;
      }
      runtime.change(upload.id, { ...change, statusChecks });
      return true;
    }
    case 'rejectedAtUpload':
      runtime.change(upload.id, {
        state: 'rejected',
        statusChecks,
        ...noteOf('rejectedAtUploadByStatus', {
          uploadIndex: upload.uploadIndex ?? '',
        }),
      });
      return true;
  }
}

/** Failures that a later try can pass: network, gateway, token, daily budget. */
const PASSING_CODES: ReadonlySet<string> = new Set([
  'anaf.timeout',
  'anaf.unavailable',
  'anaf.rateLimited',
  'anaf.firewall',
  'anaf.forbidden',
  'anaf.dailyLimit',
]);

function mayPassLater(error: unknown): boolean {
  if (!(error instanceof AppFailure)) return false;
  return PASSING_CODES.has(error.code) || error.code.startsWith('auth.');
}

/**
 * Builds the change for a rejected (`nok`) upload: every error of the
 * error document, and the link to the earlier upload when ANAF reports that the
 * invoice was sent before.
 */
export async function rejectionChange(
  runtime: UploadRuntime,
  route: CompanyRoute,
  upload: StoredUpload,
  messageId: string,
): Promise<UploadChange | null> {
  let errors: AnafErrorEntry[];
  try {
    errors = await readErrorEntries(await downloadMessage(route, messageId));
  } catch (error) {
    if (mayPassLater(error)) {
      runtime.logger.warn(
        'Fetching the error document failed; trying again later',
        {
          upload: upload.id,
          messageId,
          error: describeError(error),
        },
      );
      return null;
    }
    runtime.logger.warn(
      'The error document of a rejected upload is unreadable',
      {
        upload: upload.id,
        messageId,
        error: describeError(error),
      },
    );
    return {
      state: 'rejected',
      messageId,
      errors: [],
      ...noteOf('errorDocumentUnreadable', {
        messageId,
        cause: failureCause(error, describeError(error)),
      }),
    };
  }

  const change: UploadChange = {
    state: 'rejected',
    messageId,
    errors,
    note: null,
  };
  const earlierIndex = duplicateIndexOf(errors);
  if (earlierIndex === null) return change;

  const earlier = runtime.store.findByUploadIndex(earlierIndex);
  const linked = earlier !== null && earlier.id !== upload.id ? earlier : null;
  return {
    ...change,
    duplicateOfIndex: earlierIndex,
    duplicateOf: linked?.id ?? null,
    ...(linked
      ? noteOf('alreadyFiled', {
          earlierIndex,
          earlierFileName: linked.fileName,
        })
      : noteOf('alreadyFiledElsewhere', { earlierIndex })),
  };
}
