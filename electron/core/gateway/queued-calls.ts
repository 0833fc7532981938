/**
 * Every ANAF call the app sends through the request queue, each with the
 * endpoint, lane, company and message that its limits count by. Each job
 * hands the queue's `reserveCall` to the client, so the client's retry after
 * a token refresh waits for room in the rate window and is counted there.
 */
import type { ApiPath } from '../../../shared/domain.ts';
import type {
  AnafClient,
  CallOptions,
  HelloResult,
  ListedMessage,
  ListWindow,
  MessagePage,
  UploadOutcome,
  UploadRequest,
  UploadStatus,
} from '../anaf/index.ts';
import { walkMessagePages } from '../anaf/index.ts';
import type { JobContext, Lane, QueueJob } from '../queue/index.ts';

/** The part of the request queue the calls use. */
export interface CallQueue {
  submit<T>(job: QueueJob<T>): Promise<T>;
}

/** Returns the client of the account whose token the call carries. */
export type ClientSource = () => AnafClient | Promise<AnafClient>;

/** The queue, client, company and lane of a company's calls. */
export interface CompanyRoute {
  queue: CallQueue;
  client: ClientSource;
  cif: string;
  api: ApiPath;
  lane: Lane;
  signal?: AbortSignal;
}

/** Returns the client options of one queued attempt. */
export function attemptOptions(
  signal: AbortSignal,
  context: JobContext,
): CallOptions {
  return { signal, reserveCall: () => context.reserveCall() };
}

function signalOf(route: { signal?: AbortSignal }): { signal?: AbortSignal } {
  return route.signal ? { signal: route.signal } : {};
}

/** Calls TestOauth hello with the account's token. */
export function sendHello(
  queue: CallQueue,
  client: ClientSource,
  options: { lane: Lane; signal?: AbortSignal },
): Promise<HelloResult> {
  return queue.submit({
    endpoint: 'hello',
    lane: options.lane,
    idempotent: true,
    ...signalOf(options),
    run: async (signal, context) =>
      (await client()).hello(
        'efactura-desktop',
        attemptOptions(signal, context),
      ),
  });
}

/**
 * Asks stareMesaj about an upload. `whenBudgetSpent: 'wait'` keeps the call
 * until the daily budget of 100 checks per upload resets.
 */
export function checkStatus(
  route: CompanyRoute,
  uploadIndex: string,
  whenBudgetSpent: 'fail' | 'wait' = 'fail',
): Promise<UploadStatus> {
  return route.queue.submit({
    endpoint: 'status',
    lane: route.lane,
    cif: route.cif,
    messageKey: uploadIndex,
    idempotent: true,
    dedupeKey: `status:${route.api}:${uploadIndex}`,
    whenBudgetSpent,
    ...signalOf(route),
    run: async (signal, context) =>
      (await route.client()).status(
        { apiPath: route.api, uploadIndex },
        attemptOptions(signal, context),
      ),
  });
}

/** Downloads a message's ZIP (10 a day per message at ANAF). */
export function downloadMessage(
  route: CompanyRoute,
  downloadId: string,
): Promise<Uint8Array> {
  return route.queue.submit({
    endpoint: 'download',
    lane: route.lane,
    cif: route.cif,
    messageKey: downloadId,
    idempotent: true,
    dedupeKey: `download:${route.api}:${downloadId}`,
    ...signalOf(route),
    run: async (signal, context) =>
      (await route.client()).download(
        { apiPath: route.api, downloadId },
        attemptOptions(signal, context),
      ),
  });
}

/** Fetches one page of the company's paginated message list. */
export function fetchMessagePage(
  route: CompanyRoute,
  window: ListWindow,
  page: number,
): Promise<MessagePage> {
  return route.queue.submit({
    endpoint: 'listPaginated',
    lane: route.lane,
    cif: route.cif,
    idempotent: true,
    ...signalOf(route),
    run: async (signal, context) =>
      (await route.client()).listMessagePage(
        { apiPath: route.api, cif: route.cif, window, page },
        attemptOptions(signal, context),
      ),
  });
}

/**
 * Lists every message of the company created from `since` until
 * `endMarginMs` before `now`, following `numar_total_pagini`. An end that
 * ANAF's clock puts in the future is moved back once to the server time it
 * quotes minus the margin.
 */
export async function listMessagesSince(
  route: CompanyRoute,
  since: Date,
  window: { now: Date; endMarginMs: number },
): Promise<ListedMessage[]> {
  const messages: ListedMessage[] = [];
  const pages = walkMessagePages(
    (listWindow, page) => fetchMessagePage(route, listWindow, page),
    { now: () => window.now, since, endMarginMs: window.endMarginMs },
  );
  for await (const page of pages) messages.push(...page.messages);
  return messages;
}

/** Hooks around each attempt of an upload, which the queue repeats after a 429. */
export interface UploadAttemptHooks {
  /** Runs in the same synchronous step that hands the request to the client. */
  beforeRequest(): void;
  /** Runs when the attempt failed, before the queue decides on a retry. */
  afterFailure(error: unknown): void;
}

/**
 * Files a document. Not idempotent: a lost response is never retried here
 * (the upload service reconciles it), but a 429 is, because the gateway
 * refuses such a call before ANAF records it.
 */
export function uploadDocument(
  route: CompanyRoute,
  request: Omit<UploadRequest, 'apiPath' | 'cif'>,
  hooks: UploadAttemptHooks,
): Promise<UploadOutcome> {
  return route.queue.submit({
    endpoint: request.standard === 'RASP' ? 'uploadRasp' : 'upload',
    lane: route.lane,
    cif: route.cif,
    idempotent: false,
    retryOn429EvenIfNotIdempotent: true,
    ...signalOf(route),
    run: async (signal, context) => {
      const client = await route.client();
      hooks.beforeRequest();
      try {
        return await client.upload(
          { ...request, apiPath: route.api, cif: route.cif },
          attemptOptions(signal, context),
        );
      } catch (error) {
        hooks.afterFailure(error);
        throw error;
      }
    },
  });
}
