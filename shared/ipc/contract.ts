/**
 * The IPC contract: every request channel with the zod schema of its input
 * and the type of its result, and every event main pushes to the renderer.
 *
 * Both transports carry exactly this contract: Electron's `ipcRenderer.invoke`
 * through the preload, and the browser shell's WebSocket. Main parses every
 * input with the channel's schema before any service runs.
 */
import { z } from 'zod';
import type { Result } from '../result.ts';
import type {
  AccountSummary,
  AnafErrorEntry,
  BuyerMessagePage,
  CertificatePickerEntry,
  CompanySummary,
  InvoiceDocument,
  InvoicePage,
  InvoiceRow,
  LockHolder,
  QueueSnapshot,
  SandboxCertificateChoice,
  SyncProgress,
  UploadCheckResult,
  UploadRecord,
} from '../domain.ts';
import { SORT_FIELDS } from '../domain.ts';
import {
  settingsPatchSchema,
  ENVIRONMENTS,
  type Environment,
  type Settings,
} from '../settings.ts';

/** Declares a channel's result type without a runtime value. */
function returns<T>(): T {
  return undefined as T;
}

const noInput = z.undefined();

export interface AppInfo {
  name: string;
  version: string;
  /** The shell that carries the contract. */
  shell: 'electron' | 'browser' | 'cli';
  platform: string;
  dataDir: string;
  /** False when another process holds the data folder's lock. */
  readOnly: boolean;
  /** Main's English sentence on the lock holder, for logs and the CLI. */
  readOnlyReason?: string;
  /** With `readOnly`: the process holding the lock, when its lock file is readable. */
  readOnlyHolder?: LockHolder;
  /**
   * True when tokens are stored without the operating system's protection,
   * because the user chose it (`--insecure-storage` or the weak-storage setting).
   */
  weakTokenStorage?: boolean;
}

export interface EnvironmentInfo {
  selected: Environment;
  /** The embedded sandbox's base URLs when it runs in this process. */
  sandbox: { running: boolean; apiUrl?: string };
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** ANAF's upload limit is 10 MB; base64 adds a third. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_BASE64_LENGTH = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4;
export const MAX_FILES_PER_CALL = 500;

const id = z.string().min(1).max(100);
const cif = z.string().min(1).max(20);
const digits = z.string().regex(/^\d{1,20}$/, 'must be digits');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const direction = z.enum(['received', 'sent', 'errors']);
const apiPath = z.enum(['test', 'prod']);

const uploadFile = z
  .object({
    name: z.string().min(1).max(260),
    base64: z.string().max(MAX_BASE64_LENGTH, 'the file is larger than ANAF accepts (10 MB)'),
  })
  .strict();

export const invoiceQuerySchema = z
  .object({
    cif,
    direction: direction.optional(),
    partner: z.string().max(200).optional(),
    number: z.string().max(100).optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    amountMin: z.number().finite().optional(),
    amountMax: z.number().finite().optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    state: z.enum(['listed', 'downloaded', 'expired', 'failed']).optional(),
    sort: z.object({ field: z.enum(SORT_FIELDS), descending: z.boolean() }).strict().optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(5000).optional(),
    withTotals: z.boolean().optional(),
  })
  .strict();

const messageRef = z.object({ cif, messageId: digits }).strict();

/** Most messages one call takes from the invoice list's selection. */
export const MAX_SELECTED_MESSAGES = 5000;
const messageIds = z.array(digits).min(1).max(MAX_SELECTED_MESSAGES);

/**
 * A row of `invoices.query`. A row of the errors direction also carries
 * ANAF's errors and, when the app sent the rejected file, the partner,
 * number and issue date read from that file.
 */
export interface InvoiceListRow extends InvoiceRow {
  /** How many errors ANAF's error document lists; absent when unknown. */
  errorCount?: number;
  /** ANAF's first error, as a summary for the list. */
  firstError?: AnafErrorEntry;
}

export interface InvoiceListPage extends Omit<InvoicePage, 'rows'> {
  rows: InvoiceListRow[];
}

/** What saving several messages at once produced. */
export interface SavedMessages {
  /** The folder (Electron) or file (CLI) written; null when cancelled or downloaded. */
  savedTo: string | null;
  /** The one-time URL of a ZIP of the ZIPs, in the browser shell. */
  downloadUrl: string | null;
  saved: number;
  /** Message ids whose ZIP is not in the archive, so they were left out. */
  missing: string[];
}

/** Notices main sends with a fixed meaning, which the renderer words itself. */
export const NOTICE_KINDS = ['invoicesReceived', 'uploadsRejected'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const channels = {
  'app.info': { input: noInput, output: returns<AppInfo>() },
  'settings.get': { input: noInput, output: returns<Settings>() },
  'settings.set': { input: settingsPatchSchema, output: returns<Settings>() },
  /** A native folder dialog in Electron; null where there is none (type the path instead). */
  'settings.chooseArchiveDir': { input: noInput, output: returns<{ path: string | null }>() },
  'environment.get': { input: noInput, output: returns<EnvironmentInfo>() },
  'environment.select': {
    input: z.object({ environment: z.enum(ENVIRONMENTS) }).strict(),
    output: returns<EnvironmentInfo>(),
  },
  'log.write': {
    input: z
      .object({
        level: z.enum(LOG_LEVELS),
        message: z.string().max(4000),
      })
      .strict(),
    output: returns<null>(),
  },
  'shell.openExternal': {
    input: z.object({ url: z.string().max(2048) }).strict(),
    output: returns<null>(),
  },

  'accounts.list': { input: noInput, output: returns<AccountSummary[]>() },
  'accounts.sandboxCertificates': { input: noInput, output: returns<SandboxCertificateChoice[]>() },
  'accounts.loginSandbox': {
    input: z
      .object({
        certificateIndex: z.number().int().min(0).max(50),
        /** Drive the browser path against the sandbox, as for ANAF. */
        viaBrowser: z.boolean().optional(),
      })
      .strict(),
    output: returns<AccountSummary>(),
  },
  'accounts.loginAnaf': {
    input: z
      .object({
        clientId: z.string().min(1).max(200),
        clientSecret: z.string().min(1).max(500),
        redirectUri: z.string().url().max(500),
      })
      .strict(),
    output: returns<AccountSummary>(),
  },
  'accounts.answerCertificate': {
    input: z.object({ requestId: id, certificateId: z.string().max(200).nullable() }).strict(),
    output: returns<{ accepted: boolean }>(),
  },
  'accounts.relogin': { input: z.object({ accountId: id }).strict(), output: returns<AccountSummary>() },
  'accounts.logout': {
    input: z.object({ accountId: id }).strict(),
    output: returns<{ revoked: boolean; message: string }>(),
  },
  'accounts.testConnection': {
    input: z.object({ accountId: id, api: apiPath.optional() }).strict(),
    output: returns<{ answer: string }>(),
  },

  'companies.list': { input: noInput, output: returns<CompanySummary[]>() },
  'companies.add': {
    input: z
      .object({ cif, name: z.string().max(200).optional(), accountId: id, api: apiPath.optional() })
      .strict(),
    output: returns<CompanySummary>(),
  },
  'companies.update': {
    input: z.object({ cif, name: z.string().max(200).optional(), api: apiPath.optional() }).strict(),
    output: returns<CompanySummary>(),
  },
  'companies.remove': { input: z.object({ cif }).strict(), output: returns<null>() },
  'companies.markSeen': { input: z.object({ cif }).strict(), output: returns<null>() },

  'invoices.query': { input: invoiceQuerySchema, output: returns<InvoiceListPage>() },
  'invoices.document': { input: messageRef, output: returns<InvoiceDocument>() },
  /**
   * A company's buyer messages (RASP), newest first, or with
   * `invoiceUploadIndex` those about that invoice, oldest first.
   */
  'invoices.buyerMessages': {
    input: z
      .object({
        cif,
        invoiceUploadIndex: digits.optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
    output: returns<BuyerMessagePage>(),
  },
  'invoices.save': {
    input: messageRef.extend({ format: z.enum(['zip', 'xml', 'pdf']) }).strict(),
    output: returns<{ savedTo: string | null; downloadUrl: string | null }>(),
  },
  'invoices.openAttachment': {
    input: messageRef.extend({ attachmentIndex: z.number().int().min(0).max(1000) }).strict(),
    output: returns<{ savedTo: string | null; downloadUrl: string | null }>(),
  },
  /** With `messageIds`, only those messages of the query's company that the query matches. */
  'invoices.exportCsv': {
    input: z
      .object({ query: invoiceQuerySchema, perLine: z.boolean(), messageIds: messageIds.optional() })
      .strict(),
    output: returns<{ savedTo: string | null; downloadUrl: string | null; rows: number }>(),
  },
  /**
   * Saves the stored ZIPs of several messages: into one folder the user
   * picks where the shell has a folder dialog, else as one ZIP of the ZIPs.
   */
  'invoices.saveMany': {
    input: z.object({ cif, messageIds }).strict(),
    output: returns<SavedMessages>(),
  },
  'invoices.exportBundle': {
    input: z.object({ cif, dateFrom: isoDate, dateTo: isoDate }).strict(),
    output: returns<{ savedTo: string | null; downloadUrl: string | null; messages: number }>(),
  },

  /** One result per file, in the order the files were given. */
  'uploads.check': {
    input: z.object({ cif, files: z.array(uploadFile).min(1).max(MAX_FILES_PER_CALL) }).strict(),
    output: returns<UploadCheckResult[]>(),
  },
  'uploads.submit': {
    input: z
      .object({
        cif,
        files: z.array(uploadFile).min(1).max(MAX_FILES_PER_CALL),
        acceptWarnings: z.boolean(),
        allowDuplicate: z.boolean(),
        /** The earlier `nok` upload this corrected file replaces. */
        replaces: id.optional(),
      })
      .strict(),
    output: returns<UploadRecord[]>(),
  },
  'uploads.list': {
    input: z.object({ cif: cif.optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: returns<UploadRecord[]>(),
  },
  'uploads.resolveUnknown': {
    input: z.object({ uploadId: id, decision: z.enum(['markSent', 'markNotSent']) }).strict(),
    output: returns<UploadRecord>(),
  },

  'sync.run': { input: z.object({ cif: cif.optional() }).strict(), output: returns<SyncProgress[]>() },
  'sync.status': { input: noInput, output: returns<SyncProgress[]>() },
  'queue.snapshot': { input: noInput, output: returns<QueueSnapshot>() },
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = Channels[C]['output'];
export type ChannelResult<C extends ChannelName> = Result<ChannelOutput<C>>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

/** Events main pushes to the renderer, with their payload types. */
export interface EventPayloads {
  /** The app's info after a change, such as a read-only window that took the data folder's lock. */
  'app.changed': AppInfo;
  'settings.changed': Settings;
  'environment.changed': EnvironmentInfo;
  'accounts.changed': AccountSummary[];
  'companies.changed': CompanySummary[];
  'uploads.changed': UploadRecord;
  'invoices.changed': { cif: string; added: number };
  'sync.progress': SyncProgress;
  'queue.changed': QueueSnapshot;
  /** The login window found several certificates, so the renderer shows its picker and sends the choice. */
  'login.pickCertificate': { requestId: string; entries: CertificatePickerEntry[] };
  /** A request to the renderer to open the authorize URL in a new tab (the browser login path). */
  'login.openUrl': { url: string };
  /**
   * A warning the user should see now, e.g. a token that expires soon.
   * `kind` and `values` let the renderer word a known notice in the
   * interface language; `message` is the English text for any other.
   */
  'notice': {
    level: 'info' | 'warning' | 'error';
    message: string;
    kind?: NoticeKind;
    values?: Record<string, string | number>;
  };
}

export type EventName = keyof EventPayloads;

export const EVENT_NAMES: EventName[] = [
  'app.changed',
  'settings.changed',
  'environment.changed',
  'accounts.changed',
  'companies.changed',
  'uploads.changed',
  'invoices.changed',
  'sync.progress',
  'queue.changed',
  'login.openUrl',
  'login.pickCertificate',
  'notice',
];

/** Returns the Electron IPC channel name, prefixed so no other code collides with it. */
export function ipcChannelName(channel: ChannelName): string {
  return `efactura:${channel}`;
}

export function ipcEventName(event: EventName): string {
  return `efactura:event:${event}`;
}
