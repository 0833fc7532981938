/**
 * One sync of one company: walk the paginated message list over ANAF's
 * 60-day window, record every message in the archive, then download each
 * ZIP the archive does not have yet, oldest first, and store it. Every ANAF
 * call goes through the request queue's background lane.
 *
 * A re-run downloads nothing twice, because only messages that are not
 * `downloaded` are fetched, and a crash loses nothing, because the archive
 * records each message before its download and stores each ZIP atomically.
 */
import type { InvoiceRow, SyncProgress } from '../../../shared/domain.ts';
import type { AnafClient, ApiPath } from '../anaf/index.ts';
import { walkMessagePages, type ListWindow } from '../anaf/index.ts';
import type { Archive, PendingDownload } from '../archive/index.ts';
import type { Logger } from '../log/logger.ts';
import type { RequestQueue } from '../queue/index.ts';

import {
  decideDownloadFailure,
  failureCause,
  isAbort,
  isSystemicFailure,
} from './failures.ts';
import { ProgressReporter, setProgressError } from './progress.ts';
import { syncError, type SyncError } from './sync-errors.ts';
import { attemptOptions } from '../gateway/queued-calls.ts';

/** Downloads one company keeps queued at once; the queue sets the pace. */
export const DEFAULT_DOWNLOAD_CONCURRENCY = 8;

export interface CompanySync {
  /** The company's CIF, digits only. */
  cif: string;
  apiPath: ApiPath;
  /** A client of the account that has SPV rights on the company. */
  client: Pick<AnafClient, 'listMessagePage' | 'download'>;
}

export interface SyncContext {
  archive: Archive;
  queue: Pick<RequestQueue, 'submit'>;
  logger: Logger;
  now?: () => Date;
  downloadConcurrency?: number;
  /** Attempts after which a `failed` message is no longer retried. */
  maxAttempts?: number;
}

export interface SyncRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncOutcome {
  progress: SyncProgress;
  /** Received invoices archived in this run. */
  received: InvoiceRow[];
  /** Error messages of rejected uploads archived in this run. */
  rejected: InvoiceRow[];
}

interface RunState {
  company: CompanySync;
  context: SyncContext;
  logger: Logger;
  signal: AbortSignal;
  reporter: ProgressReporter;
  outcome: SyncOutcome;
  /** Reason the run stopped early, or null while it goes on. */
  stopped: SyncError | null;
}

/**
 * Syncs one company. Resolves with the final progress, whose `error`
 * states why the run stopped early: cancelled, or a failure that every
 * further call would meet. Failures of single messages are recorded on
 * their rows.
 */
export async function syncCompany(
  company: CompanySync,
  context: SyncContext,
  options: SyncRunOptions = {},
): Promise<SyncOutcome> {
  const now = context.now ?? (() => new Date());
  const reporter = new ProgressReporter(
    company.cif,
    options.onProgress ?? (() => undefined),
    now(),
  );
  const state: RunState = {
    company,
    context,
    logger: context.logger.child('sync'),
    signal: options.signal ?? new AbortController().signal,
    reporter,
    outcome: { progress: reporter.progress, received: [], rejected: [] },
    stopped: null,
  };
  state.logger.info('Sync started', { cif: company.cif });
  reporter.update(true);

  await listMessages(state, now);
  if (state.stopped === null) await downloadPending(state);

  const finishedAt = now();
  const progress = reporter.finish(finishedAt, state.stopped);
  if (progress.error === null) {
    context.archive.recordSyncCompleted(company.cif, finishedAt);
  }
  state.logger.info('Sync finished', { ...progress });
  return { ...state.outcome, progress };
}

async function listMessages(state: RunState, now: () => Date): Promise<void> {
  const { company, context, reporter } = state;
  const fetchPage = (window: ListWindow, page: number) =>
    context.queue.submit({
      endpoint: 'listPaginated',
      lane: 'background',
      cif: company.cif,
      idempotent: true,
      signal: state.signal,
      run: (signal, job) =>
        company.client.listMessagePage(
          { apiPath: company.apiPath, cif: company.cif, window, page },
          attemptOptions(signal, job),
        ),
    });

  try {
    const pages = walkMessagePages(fetchPage, { now, logger: state.logger });
    for await (const page of pages) {
      const listed = context.archive.recordListed(company.cif, page.messages);
      reporter.progress.listed += page.messages.length;
      reporter.progress.alreadyArchived += listed.alreadyDownloaded;
      reporter.update();
    }
  } catch (error) {
    if (isAbort(error, state.signal)) {
      state.stopped = syncError('cancelled');
      return;
    }
    const failure = syncError('listFailed', { cause: failureCause(error) });
    state.logger.warn(failure.text, { cif: company.cif });
    // Messages listed by earlier runs may still download unless every call
    // would fail the same way.
    if (isSystemicFailure(error)) state.stopped = failure;
    else setProgressError(reporter.progress, failure);
  }
}

async function downloadPending(state: RunState): Promise<void> {
  const { context, reporter } = state;
  const pending = context.archive.pendingDownloads(
    state.company.cif,
    context.maxAttempts,
  );
  reporter.progress.remaining = pending.length;
  reporter.update(true);

  let next = 0;
  const worker = async () => {
    while (state.stopped === null && next < pending.length) {
      const item = pending[next] as PendingDownload;
      next += 1;
      await downloadOne(state, item);
      reporter.progress.remaining -= 1;
      reporter.update();
    }
  };
  const workers = Math.max(
    1,
    context.downloadConcurrency ?? DEFAULT_DOWNLOAD_CONCURRENCY,
  );
  await Promise.all(Array.from({ length: workers }, worker));
}

async function downloadOne(
  state: RunState,
  item: PendingDownload,
): Promise<void> {
  const { company, context, reporter, outcome } = state;
  const ids = { cif: company.cif, messageId: item.messageId };
  try {
    const bytes = await context.queue.submit({
      endpoint: 'download',
      lane: 'background',
      cif: company.cif,
      messageKey: item.messageId,
      idempotent: true,
      dedupeKey: `download:${company.apiPath}:${item.messageId}`,
      signal: state.signal,
      run: (signal, job) =>
        company.client.download(
          { apiPath: company.apiPath, downloadId: item.messageId },
          attemptOptions(signal, job),
        ),
    });
    const row = await context.archive.storeDownload(
      company.cif,
      item.messageId,
      bytes,
    );
    reporter.progress.downloaded += 1;
    if (row?.direction === 'received') outcome.received.push(row);
    if (row?.direction === 'errors') outcome.rejected.push(row);
  } catch (error) {
    if (isAbort(error, state.signal)) {
      state.stopped ??= syncError('cancelled');
      return;
    }
    const decision = decideDownloadFailure(error);
    context.archive.recordFailedDownload(
      company.cif,
      item.messageId,
      decision.state,
      decision.reason,
      { kind: decision.kind, values: { cause: decision.cause } },
    );
    if (decision.state === 'expired') reporter.progress.expired += 1;
    if (decision.state === 'failed') reporter.progress.failed += 1;
    state.logger.warn('Download failed', {
      ...ids,
      state: decision.state,
      reason: decision.reason,
    });
    if (decision.stopRun) {
      state.stopped ??= syncError('downloadsStopped', {
        messageId: item.messageId,
        cause: decision.cause,
      });
    }
  }
}
