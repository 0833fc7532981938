/**
 * Shared context of the sending, following and reconciling steps, given by
 * the upload service that runs them: the stores, the queue, the clients, the settings,
 * and the service's hooks to record a change and start the next step.
 */
import type { CompanyRoute } from '../gateway/queued-calls.ts';
import type { Logger } from '../log/logger.ts';
import type { Clock } from '../queue/clock.ts';
import type { UploadBodies } from './body-files.ts';
import type {
  ClientFactory,
  CompanyLookup,
  UploadCompany,
  UploadQueue,
  UploadSettings,
} from './types.ts';
import type {
  StoredUpload,
  UploadChange,
  UploadStore,
} from './upload-store.ts';

export interface UploadRuntime {
  store: UploadStore;
  bodies: UploadBodies;
  queue: UploadQueue;
  companies: CompanyLookup;
  clientFor: ClientFactory;
  logger: Logger;
  clock: Clock;
  settings: UploadSettings;
  /** Aborts when the service closes. */
  signal: AbortSignal;
  /** Token rejections in a row of each upload since the service started. */
  tokenRejections: Map<string, number>;
  /** Stores a change, logs it and notifies the listeners. */
  change(id: string, change: UploadChange): StoredUpload;
  /** Starts following an upload with stareMesaj (once per upload). */
  follow(id: string): void;
  /** Starts looking for a lost upload in ANAF's list (once per upload). */
  reconcile(id: string): void;
  /** Sends a queued upload again after `delayMs` (the resend delay by default). */
  resendLater(id: string, delayMs?: number): void;
  /** Looks for queued uploads that may be sent now. */
  pump(): void;
}

/**
 * Returns the route of the service's calls for a company. They wait in the
 * queue's interactive lane, because a person waits for each upload's outcome.
 */
export function companyRoute(
  runtime: UploadRuntime,
  company: UploadCompany,
  client = runtime.clientFor(company),
): CompanyRoute {
  return {
    queue: runtime.queue,
    client: () => client,
    cif: company.cif,
    api: company.api,
    lane: 'interactive',
    signal: runtime.signal,
  };
}
