/**
 * The ANAF calls made outside the sync and upload services (the connection
 * test, the CLI's status query), each submitted to the one request queue
 * with the endpoint, lane, company and message its limits count by. Sync
 * and uploads submit their own calls to the same queue.
 */
import type { ApiPath } from '../../../shared/domain.ts';
import type { AnafClient, HelloResult, UploadStatus } from '../anaf/index.ts';
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
}
