/**
 * The ANAF endpoints a queued job may call, with what the queue needs to
 * know about each: whether the call counts toward the per-minute limit and
 * which daily budget it spends.
 *
 * Daily limits are ANAF's published e-Factura limits (the limits file on
 * ANAF's site). Per message and day: 10 downloads and 100 status queries.
 * Per CIF and day: 1500 simple-list and 100,000 paginated-list queries and
 * 1000 RASP (buyer message) uploads. Invoice uploads have no daily limit.
 */

export const QUEUE_ENDPOINTS = [
  'hello',
  'upload',
  'uploadRasp',
  'status',
  'listSimple',
  'listPaginated',
  'download',
  'validate',
  'transform',
  'verifySignature',
  'transportUpload',
  'transportStatus',
  'transportList',
] as const;

export type QueueEndpoint = (typeof QUEUE_ENDPOINTS)[number];

/** Unit a daily budget is counted per: one message, or one company. */
export type BudgetScope = 'message' | 'cif';

export interface BudgetRule {
  scope: BudgetScope;
  /** Calls allowed per Romania calendar day and scope value. */
  perDay: number;
  /** Words for messages: "downloads", "status checks", ... */
  noun: string;
}

export interface EndpointPolicy {
  /**
   * False for ANAF's public services on webservicesp.anaf.ro (validation
   * and PDF transformation), which need no token and are not counted in the
   * API host's per-minute limit.
   */
  countsTowardRateLimit: boolean;
  budget: BudgetRule | null;
}

export const ENDPOINT_POLICIES: Readonly<
  Record<QueueEndpoint, EndpointPolicy>
> = {
  hello: { countsTowardRateLimit: true, budget: null },
  upload: { countsTowardRateLimit: true, budget: null },
  uploadRasp: {
    countsTowardRateLimit: true,
    budget: { scope: 'cif', perDay: 1000, noun: 'RASP uploads' },
  },
  status: {
    countsTowardRateLimit: true,
    budget: { scope: 'message', perDay: 100, noun: 'status checks' },
  },
  listSimple: {
    countsTowardRateLimit: true,
    budget: { scope: 'cif', perDay: 1500, noun: 'message list calls' },
  },
  listPaginated: {
    countsTowardRateLimit: true,
    budget: { scope: 'cif', perDay: 100_000, noun: 'paginated list calls' },
  },
  download: {
    countsTowardRateLimit: true,
    budget: { scope: 'message', perDay: 10, noun: 'downloads' },
  },
  validate: { countsTowardRateLimit: false, budget: null },
  transform: { countsTowardRateLimit: false, budget: null },
  verifySignature: { countsTowardRateLimit: true, budget: null },
  transportUpload: { countsTowardRateLimit: true, budget: null },
  transportStatus: {
    countsTowardRateLimit: true,
    budget: {
      scope: 'message',
      perDay: 100,
      noun: 'e-Transport status checks',
    },
  },
  // NOTE: e-Transport's swagger states 1000 list calls a day without saying
  // per what; counting per CIF is an assumption.
  transportList: {
    countsTowardRateLimit: true,
    budget: { scope: 'cif', perDay: 1000, noun: 'e-Transport list calls' },
  },
};
