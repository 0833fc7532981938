/** The request queue and the pure policies it and the upload service use. */
export type { Clock } from './clock.ts';
export { systemClock } from './clock.ts';
export { ManualClock } from './manual-clock.ts';
export type { JobContext, QueueJob } from './job.ts';
export type { RequestQueueOptions } from './request-queue.ts';
export { DEFAULT_MAX_CONCURRENT, RequestQueue } from './request-queue.ts';
export type {
  JobSnapshot,
  JobState,
  QueueEventMap,
  QueueEventName,
  QueueListener,
  QueueTotals,
} from './events.ts';
export { JOB_STATES } from './events.ts';
export type { Lane } from './lanes.ts';
export { LANES } from './lanes.ts';
export type {
  BudgetRule,
  BudgetScope,
  EndpointPolicy,
  QueueEndpoint,
} from './endpoints.ts';
export { ENDPOINT_POLICIES, QUEUE_ENDPOINTS } from './endpoints.ts';
export type { BudgetSlot, BudgetStatus, BudgetTarget } from './budgets.ts';
export { budgetSlotFor, budgetStatus, dailyLimitFailure } from './budgets.ts';
export type { BudgetStore } from './budget-store.ts';
export { MemoryBudgetStore } from './budget-store.ts';
export {
  migrateQueueBudgets,
  SqliteBudgetStore,
} from './budget-store-sqlite.ts';
export type { RateWindowConfig, RateWindowState } from './rate-window.ts';
export {
  DEFAULT_RATE_LIMIT,
  MAX_RATE_LIMIT,
  MIN_RATE_LIMIT,
  validateRateLimit,
} from './rate-window.ts';
export type { FailureKind, RetryDecision, RetryPolicy } from './retry.ts';
export { classifyFailure, decideRetry, DEFAULT_RETRY_POLICY } from './retry.ts';
export {
  DEFAULT_STATUS_SCHEDULE_MS,
  nextStatusCheckDelay,
} from './status-schedule.ts';
export type {
  InvoiceIdentity,
  ListedKind,
  ListedMessage,
  LostUpload,
  ReconcileDecision,
  ReconcileInput,
} from './reconcile.ts';
export {
  decideReconciliation,
  DEFAULT_RECONCILE_DEADLINE_MS,
  OUTCOME_UNKNOWN_MESSAGE,
} from './reconcile.ts';
export type {
  UploadGateDecision,
  UploadGateEntry,
  UploadGateState,
} from './upload-gate.ts';
export { uploadGate } from './upload-gate.ts';
