/**
 * Domain values that cross the IPC boundary: accounts, companies, archived
 * invoices, uploads, the request queue and sync. Plain data only; shared by
 * main, the renderer, the browser shell and the CLI's JSON output.
 */
import type { Invoice } from './invoice.ts';

/**
 * The process that holds a data folder's lock, as its lock file records it.
 * The renderer words it, so the values stay raw.
 */
export interface LockHolder {
  /** The program's name, such as `e-Factura Desktop` or `e-Factura browser shell`. */
  program: string;
  pid: number;
  host: string;
  /** ISO 8601 instant, or '' when the lock file has none. */
  startedAt: string;
}

export type IdentityProvider = 'sandbox' | 'anaf';
/** ANAF's API path for a company: `/test/` or `/prod/`. */
export type ApiPath = 'test' | 'prod';

export interface AccountSummary {
  id: string;
  provider: IdentityProvider;
  clientId: string;
  redirectUri: string;
  certificateSubject: string;
  certificateSerial: string;
  certificateIssuer: string | null;
  /** ISO 8601 times; null when unknown (an opaque token without `expires_in`). */
  accessExpiresAt: string | null;
  refreshExpiresAt: string | null;
  /** `expiring` from 14 days before the refresh token ends. */
  status: 'ok' | 'expiring' | 'expired' | 'loggedOut';
  /** A sentence about the expiry to show beside the account, or null. */
  warning: string | null;
  /** The reason the stored tokens could not be read, or null. */
  storageProblem: string | null;
  /** False when tokens are kept for this session only (no safe storage). */
  persistent: boolean;
}

/** A certificate the operating system offered at ANAF's login, for the app's picker. */
export interface CertificatePickerEntry {
  id: string;
  subject: string;
  issuer: string | null;
  serial: string;
  /** Epoch milliseconds, or null when unknown. */
  validFrom: number | null;
  validTo: number | null;
  expired: boolean;
  notYetValid: boolean;
}

/** A certificate the sandbox issued, offered in the login picker. */
export interface SandboxCertificateChoice {
  index: number;
  subject: string;
  serial: string;
  cifs: string[];
}

export interface CompanySummary {
  cif: string;
  name: string;
  accountId: string;
  api: ApiPath;
  lastSyncAt: string | null;
  /** Received invoices archived since the user last opened the company. */
  newReceivedCount: number;
  rejectedUploadCount: number;
}

export type Direction = 'received' | 'sent' | 'errors';
export type MessageState = 'listed' | 'downloaded' | 'expired' | 'failed';

export interface InvoiceRow {
  /** ANAF's download id, the message id. */
  messageId: string;
  cif: string;
  direction: Direction;
  uploadIndex: string;
  createdAt: string;
  partnerCif: string | null;
  partnerName: string | null;
  number: string | null;
  issueDate: string | null;
  dueDate: string | null;
  net: number | null;
  vat: number | null;
  total: number | null;
  currency: string | null;
  state: MessageState;
  /** The English reason of a failed download, or of a ZIP whose content could not be read. */
  failureReason: string | null;
  /** The failed download's reason as a kind and values; null when there is none or it is older than the kinds. */
  failureKind?: DownloadFailureKind | null;
  failureValues?: DownloadFailureValues | null;
  isNew: boolean;
}

/** The values a download failure's reason names. */
export interface DownloadFailureValues {
  cause: FailureCause;
}

/**
 * The reasons a message's download failed, each with the values its text
 * names. The row's state decides what happens next: `listed` is tried
 * again at the next sync, `failed` up to the attempt limit, `expired` never.
 */
export const DOWNLOAD_FAILURE_VALUES = {
  /** ANAF no longer serves the message (60 days passed). */
  expired: ['cause'],
  /** ANAF rejected the download of this message (not found, no right, invalid request). */
  rejected: ['cause'],
  /** The response was not a usable ZIP. */
  unusableZip: ['cause'],
  /** The daily budget of downloads is spent until midnight, Romania time. */
  dailyLimit: ['cause'],
  /** A failure every call would meet (token, connection, firewall, disk), which stopped the run. */
  stoppedRun: ['cause'],
  /** A passing failure (timeout, server error); the next sync tries again. */
  retryLater: ['cause'],
  /** The ZIP was archived, but its invoice or message could not be read. */
  unreadableZip: ['cause'],
} as const satisfies Record<string, readonly (keyof DownloadFailureValues)[]>;

export type DownloadFailureKind = keyof typeof DOWNLOAD_FAILURE_VALUES;

export const SORT_FIELDS = ['createdAt', 'issueDate', 'dueDate', 'number', 'partnerName', 'total'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export interface InvoiceQuery {
  cif: string;
  direction?: Direction | undefined;
  /** Partner name or CIF: substring, case-insensitive, diacritics folded. */
  partner?: string | undefined;
  number?: string | undefined;
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  amountMin?: number | undefined;
  amountMax?: number | undefined;
  currency?: string | undefined;
  state?: MessageState | undefined;
  sort?: { field: SortField; descending: boolean } | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
  /**
   * False skips the count and totals of the whole filter, for a later page
   * of a list that keeps those of its first page. True by default.
   */
  withTotals?: boolean | undefined;
}

export interface CurrencyTotals {
  currency: string;
  count: number;
  net: number;
  vat: number;
  total: number;
}

/** One page of a search; `total` and `totals` describe the whole filter. */
export interface InvoicePage {
  rows: InvoiceRow[];
  /** Rows the filter matches; absent when the query set `withTotals: false`. */
  total?: number;
  /** Sums per currency; absent when the query set `withTotals: false`. */
  totals?: CurrencyTotals[];
}

export interface AnafErrorEntry {
  ruleId: string | null;
  message: string;
}

export interface SignatureSummary {
  shape: 'detached' | 'enveloped';
  signerSubject: string | null;
  digestMatches: boolean | null;
}

export interface InvoiceDocument {
  row: InvoiceRow;
  /** The parsed invoice for sent and received messages. */
  invoice: Invoice | null;
  /** Every error of a `nok` message's error document. */
  errors: AnafErrorEntry[];
  signature: SignatureSummary | null;
  /** The reason the document could not be read, or null when it was read. */
  problem: string | null;
}

/**
 * A buyer's message about an invoice (a RASP upload, listed by ANAF as
 * "MESAJ CUMPARATOR ...") in one company's archive.
 */
export interface BuyerMessage {
  /** ANAF's download id, the message id. */
  messageId: string;
  cif: string;
  /** The upload index ANAF's list gave the message. */
  uploadIndex: string;
  /** Sent by this company or received from the other party; null when ANAF's type names neither or both. */
  direction: 'sent' | 'received' | null;
  createdAt: string;
  /** Upload index of the invoice the message is about; null until its ZIP is read. */
  invoiceUploadIndex: string | null;
  /** That invoice in this company's archive; null when it is not archived. */
  invoice: { messageId: string; direction: Direction; number: string | null; partnerName: string | null } | null;
  /** The message's text; null until its ZIP is read. */
  text: string | null;
  state: MessageState;
  failureReason: string | null;
  failureKind?: DownloadFailureKind | null;
  failureValues?: DownloadFailureValues | null;
}

export interface BuyerMessageQuery {
  cif: string;
  /** Only the messages about the invoice with this upload index. */
  invoiceUploadIndex?: string | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

export interface BuyerMessagePage {
  messages: BuyerMessage[];
  /** Matching messages on all pages. */
  total: number;
}

export type UploadState =
  | 'queued'
  | 'sending'
  | 'processing'
  | 'accepted'
  | 'rejected'
  | 'unknown'
  | 'reconciling'
  | 'needsDecision'
  | 'failed';

export interface UploadProblem {
  severity: 'blocking' | 'warning';
  code: string;
  message: string;
}

/**
 * A failure that a note or a reason quotes, as data, so that the renderer
 * words it from its error code as it words any other failure from main.
 */
export interface FailureCause {
  /** One of `ERROR_CODES`, or null for an error that carries none. */
  code: string | null;
  /** The failure's English text, as the English note quotes it. */
  message: string;
  /** The failure's details that name values: reason, ANAF's kind, HTTP status, CIF and the like. */
  details: Record<string, string | number>;
}

/** The values an upload note may name. Times are ISO 8601 instants. */
export interface UploadNoteValues {
  cif: string;
  companyName: string;
  accountId: string;
  /** The index ANAF gave this upload. */
  uploadIndex: string;
  /** Indexes of error messages ANAF lists that the app cannot tell apart from this file. */
  uploadIndexes: string[];
  /** The earlier upload that ANAF's duplicate message names, and its file. */
  earlierIndex: string;
  earlierFileName: string;
  /** Ids of the app's uploads that this one waits for. */
  uploadIds: string[];
  messageId: string;
  /** How many times in a row ANAF rejected the access token. */
  rejections: number;
  /** The wait before the next try, and the time it ends. */
  seconds: number;
  retryAt: string;
  /** When the upload request went out. */
  sentAt: string;
  /** When the app stops looking in ANAF's list and asks the user to check SPV. */
  deadlineAt: string;
  /** When the user marked the upload as filed. */
  markedAt: string;
  /** Days ANAF lists and serves a message. */
  retentionDays: number;
  /** The match between a lost upload and an entry of ANAF's list: the same bytes or the same invoice fields. */
  matchedBy: 'contentHash' | 'invoiceFields';
  cause: FailureCause;
}

/**
 * The sentences of an upload's note, each with the values its text names.
 * A note is one of these or several in a row, so the renderer words each
 * and the English `note` keeps the same sentences for logs and the CLI.
 */
export const UPLOAD_NOTE_VALUES = {
  companyNotFollowed: ['cif'],
  storedFileMissing: [],
  notSent: ['cause'],
  notTaken: ['cause'],
  notTakenResendLater: ['cause', 'seconds', 'retryAt'],
  tokenRejectedResending: ['seconds', 'retryAt'],
  tokenRejectedFailed: ['accountId', 'companyName', 'cif', 'rejections'],
  responseLost: ['cause', 'deadlineAt'],
  rejectedAtUpload: [],
  statusCheckFailed: ['uploadIndex', 'cause', 'retryAt'],
  rejectedFetchingErrors: ['uploadIndex', 'messageId'],
  rejectedAtUploadByStatus: ['uploadIndex'],
  errorDocumentUnreadable: ['messageId', 'cause'],
  alreadyFiled: ['earlierIndex', 'earlierFileName'],
  alreadyFiledElsewhere: ['earlierIndex'],
  probableMatch: ['uploadIndex'],
  errorsNotFetchedCompanyGone: ['cif', 'messageId'],
  errorsFetchRetrying: ['seconds', 'retryAt'],
  reconciling: ['deadlineAt'],
  verdictAfterMark: ['markedAt'],
  outcomeUnknown: ['sentAt', 'deadlineAt'],
  outcomeUnknownCompanyGone: ['cif'],
  unknownCandidates: ['uploadIndexes'],
  foundInList: ['uploadIndex', 'matchedBy'],
  acceptedCompanyGone: ['cif', 'markedAt'],
  acceptedNotListed: ['retentionDays', 'markedAt'],
  crashWhileSending: ['deadlineAt'],
  markedSent: ['markedAt'],
  markedNotSent: [],
  waitingForUpload: ['uploadIds'],
} as const satisfies Record<string, readonly (keyof UploadNoteValues)[]>;

export type UploadNoteKind = keyof typeof UPLOAD_NOTE_VALUES;

/** One sentence of a note: its kind and exactly the values that kind declares. */
export type UploadNotePart = {
  [K in UploadNoteKind]: {
    kind: K;
    values: Pick<UploadNoteValues, (typeof UPLOAD_NOTE_VALUES)[K][number]>;
  };
}[UploadNoteKind];

export interface UploadRecord {
  id: string;
  fileName: string;
  cif: string;
  standard: string;
  sha256: string;
  state: UploadState;
  uploadIndex: string | null;
  messageId: string | null;
  /** ANAF's messages: rejection at upload or every error of the error document. */
  errors: AnafErrorEntry[];
  /** The earlier upload ANAF or the app found this file to duplicate. */
  duplicateOf: string | null;
  /** The earlier attempt this one corrects. */
  replaces: string | null;
  createdAt: string;
  updatedAt: string;
  /** The note in English, for logs and the command line. */
  note: string | null;
  /**
   * The same note as sentences the renderer words. Empty when there is no
   * note, or for a note written before notes had kinds; then `note` is shown.
   */
  noteParts?: UploadNotePart[];
}

export interface UploadFileInput {
  name: string;
  /** The file's bytes as base64, so both transports carry them unchanged. */
  base64: string;
}

export interface UploadCheckResult {
  name: string;
  standard: string | null;
  sellerCif: string | null;
  number: string | null;
  issueDate: string | null;
  sha256: string | null;
  problems: UploadProblem[];
  /** An earlier upload of the same bytes. */
  earlierUpload: string | null;
}

export type QueueJobState = 'pending' | 'running' | 'waitingForBudget' | 'retrying' | 'done' | 'failed';

export interface QueueSnapshot {
  rateLimitPerMinute: number;
  callsInLastMinute: number;
  counts: Record<QueueJobState, number>;
  budgets: Array<{ endpoint: string; key: string; used: number; limit: number; resetsAt: string }>;
}

export interface SyncProgress {
  cif: string;
  running: boolean;
  listed: number;
  downloaded: number;
  alreadyArchived: number;
  remaining: number;
  expired: number;
  failed: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** The reason the run stopped early or the part of it that failed, in English. */
  error: string | null;
  /** The same as a kind and values for the renderer; null when `error` is. */
  errorKind?: SyncErrorKind | null;
  errorValues?: Partial<SyncErrorValues> | null;
}

/** The values a sync error names. */
export interface SyncErrorValues {
  /** The message whose download stopped the run. */
  messageId: string;
  cause: FailureCause;
}

/** The reasons a sync stops early or fails in part, each with the values its text names. */
export const SYNC_ERROR_VALUES = {
  cancelled: [],
  /** Listing failed; messages listed before may still download. */
  listFailed: ['cause'],
  /** A download met a failure every further call would meet. */
  downloadsStopped: ['messageId', 'cause'],
  /** A bug: the sync threw instead of reporting. */
  unexpected: ['cause'],
} as const satisfies Record<string, readonly (keyof SyncErrorValues)[]>;

export type SyncErrorKind = keyof typeof SYNC_ERROR_VALUES;
