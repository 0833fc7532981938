/** Public API of the sync; other modules import from here. */
export {
  DEFAULT_DOWNLOAD_CONCURRENCY,
  syncCompany,
  type CompanySync,
  type SyncContext,
  type SyncOutcome,
  type SyncRunOptions,
} from './sync-company.ts';
export {
  SyncService,
  type SyncNotice,
  type SyncServiceOptions,
  type Timers,
} from './sync-service.ts';
export {
  decideDownloadFailure,
  failureCause,
  type DownloadFailureDecision,
} from './failures.ts';
export { idleProgress } from './progress.ts';
export { syncError, type SyncError } from './sync-errors.ts';
