/**
 * Every ANAF call the app makes, each submitted to the one request queue
 * with the endpoint, lane, company and message that its limits count by.
 * Services call this, never the client directly, so nothing bypasses the
 * rate limit or the daily budgets.
 */
import type { ApiPath } from '../../../shared/domain.ts';
import type {
  AnafClient,
  HelloResult,
  MessageList,
  MessageListRequest,
  MessagePage,
  MessagePageRequest,
  UploadOutcome,
  UploadRequest,
  UploadStatus,
} from '../anaf/index.ts';
import type { Lane, RequestQueue } from '../queue/index.ts';

/** The account whose token a call carries and the company it is for. */
export interface CallTarget {
  accountId: string;
  cif: string;
  api: ApiPath;
}

/** Resolves an account's client; async because accounts load from disk. */
export type ClientLookup = (accountId: string) => Promise<AnafClient>;

export interface CallOptions {
  lane?: Lane;
  signal?: AbortSignal;
}

export class AnafGateway {
  readonly #queue: RequestQueue;
  readonly #clientFor: ClientLookup;

  constructor(queue: RequestQueue, clientFor: ClientLookup) {
    this.#queue = queue;
    this.#clientFor = clientFor;
  }

  get queue(): RequestQueue {
    return this.#queue;
  }

  hello(accountId: string, options: CallOptions = {}): Promise<HelloResult> {
    const client = () => this.#clientFor(accountId);
    return this.#queue.submit({
      endpoint: 'hello',
      lane: options.lane ?? 'interactive',
      idempotent: true,
      ...(options.signal ? { signal: options.signal } : {}),
      run: async (signal) => (await client()).hello('efactura-desktop', { signal }),
    });
  }

  /**
   * Files a document. Not idempotent: a lost answer is never retried here
   * (the upload service reconciles it), but a 429 is, because the gateway
   * refuses such a call before ANAF records it.
   */
  upload(target: CallTarget, request: Omit<UploadRequest, 'apiPath' | 'cif'>, options: CallOptions = {}): Promise<UploadOutcome> {
    const client = () => this.#clientFor(target.accountId);
    return this.#queue.submit({
      endpoint: request.standard === 'RASP' ? 'uploadRasp' : 'upload',
      lane: options.lane ?? 'interactive',
      cif: target.cif,
      idempotent: false,
      retryOn429EvenIfNotIdempotent: true,
      ...(options.signal ? { signal: options.signal } : {}),
      run: async (signal) => (await client()).upload({ ...request, apiPath: target.api, cif: target.cif }, { signal }),
    });
  }

  status(target: CallTarget, uploadIndex: string, options: CallOptions = {}): Promise<UploadStatus> {
    const client = () => this.#clientFor(target.accountId);
    return this.#queue.submit({
      endpoint: 'status',
      lane: options.lane ?? 'background',
      cif: target.cif,
      messageKey: uploadIndex,
      idempotent: true,
      dedupeKey: `status:${target.api}:${uploadIndex}`,
      ...(options.signal ? { signal: options.signal } : {}),
      run: async (signal) => (await client()).status({ apiPath: target.api, uploadIndex }, { signal }),
    });
  }

  listPage(target: CallTarget, request: Omit<MessagePageRequest, 'apiPath' | 'cif'>, options: CallOptions = {}): Promise<MessagePage> {
    const client = () => this.#clientFor(target.accountId);
    return this.#queue.submit({
      endpoint: 'listPaginated',
      lane: options.lane ?? 'background',
      cif: target.cif,
      idempotent: true,
      dedupeKey: `list:${target.api}:${target.cif}:${request.window.startTime.getTime()}:${request.window.endTime.getTime()}:${request.page}:${request.filter ?? ''}`,
      ...(options.signal ? { signal: options.signal } : {}),
      run: async (signal) => (await client()).listMessagePage({ ...request, apiPath: target.api, cif: target.cif }, { signal }),
    });
  }

  listRecent(target: CallTarget, request: Omit<MessageListRequest, 'apiPath' | 'cif'>, options: CallOptions = {}): Promise<MessageList> {
    const client = () => this.#clientFor(target.accountId);
    return this.#queue.submit({
      endpoint: 'listSimple',
      lane: options.lane ?? 'background',
      cif: target.cif,
      idempotent: true,
      ...(options.signal ? { signal: options.signal } : {}),
      run: async (signal) => (await client()).listMessages({ ...request, apiPath: target.api, cif: target.cif }, { signal }),
    });
  }

  download(target: CallTarget, downloadId: string, options: CallOptions = {}): Promise<Uint8Array> {
    const client = () => this.#clientFor(target.accountId);
    return this.#queue.submit({
      endpoint: 'download',
      lane: options.lane ?? 'background',
      cif: target.cif,
      messageKey: downloadId,
      idempotent: true,
      dedupeKey: `download:${target.api}:${downloadId}`,
      ...(options.signal ? { signal: options.signal } : {}),
      run: async (signal) => (await client()).download({ apiPath: target.api, downloadId }, { signal }),
    });
  }
}
