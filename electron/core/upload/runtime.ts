/**
 * Shared context of the sending, following and reconciling steps, given by
 * the upload service that runs them: the stores, the queue, the clients, the settings,
 * and the service's hooks to record a change and start the next step.
 */
import type { Logger } from '../log/logger.ts';
import type { Clock } from '../queue/clock.ts';
import type { UploadBodies } from './body-files.ts';
import type {
  ClientFactory,
  CompanyLookup,
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
  /** Stores a change, logs it and notifies the listeners. */
  change(id: string, change: UploadChange): StoredUpload;
  /** Starts following an upload with stareMesaj (once per upload). */
  follow(id: string): void;
  /** Starts looking for a lost upload in ANAF's list (once per upload). */
  reconcile(id: string): void;
  /** Sends a queued upload again after the resend delay. */
  resendLater(id: string): void;
  /** Looks for queued uploads that may be sent now. */
  pump(): void;
}
