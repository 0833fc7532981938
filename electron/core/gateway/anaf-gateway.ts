/**
 * The ANAF calls that a service makes by account id, not through a client
 * it already has (the connection test, the CLI's status query).
 * Each goes through the one request queue, as built in `queued-calls.ts`.
 */
import type { ApiPath } from '../../../shared/domain.ts';
import type { AnafClient, HelloResult, UploadStatus } from '../anaf/index.ts';
import type { Lane, RequestQueue } from '../queue/index.ts';
import { checkStatus, sendHello } from './queued-calls.ts';

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
    return sendHello(this.#queue, () => this.#clientFor(accountId), {
      lane: options.lane ?? 'interactive',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  status(
    target: CallTarget,
    uploadIndex: string,
    options: CallOptions = {},
  ): Promise<UploadStatus> {
    return checkStatus(
      {
        queue: this.#queue,
        client: () => this.#clientFor(target.accountId),
        cif: target.cif,
        api: target.api,
        lane: options.lane ?? 'background',
        ...(options.signal ? { signal: options.signal } : {}),
      },
      uploadIndex,
    );
  }
}
