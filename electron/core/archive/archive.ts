/**
 * The local archive of ANAF messages: one row per listed message in SQLite
 * and the signed ZIPs, unchanged, under the archive root. Sync records
 * listed messages and stores downloads here; the browser and the exports
 * read from here only, never from ANAF.
 */
import type { DatabaseSync } from 'node:sqlite';

import type {
  BuyerMessagePage,
  BuyerMessageQuery,
  InvoiceDocument,
  InvoicePage,
  InvoiceQuery,
  InvoiceRow,
  MessageState,
} from '../../../shared/domain.ts';
import { AppFailure } from '../../../shared/result.ts';
import type { Logger } from '../log/logger.ts';

import { queryBuyerMessages } from './buyer-messages.ts';
import { buildDocument } from './document.ts';
import {
  selectByIds,
  selectForExport,
  type ExportSelection,
  type SelectionFilter,
} from './export-rows.ts';
import type { DownloadFailure } from './failure-kinds.ts';
import { readIndexFields } from './index-fields.ts';
import {
  MessageStore,
  type ListedMessageInput,
  type ListingOutcome,
  type PendingDownload,
} from './message-store.ts';
import {
  META_MOVE_CLEANUP,
  META_MOVE_TO,
  META_ROOT,
  moveFiles,
  prepareNewRoot,
  removeOldCopies,
} from './move.ts';
import { InvoiceSearch } from './query.ts';
import { recoverArchive, type RecoveryReport } from './recovery.ts';
import { ROW_COLUMNS, toInvoiceRow, type StoredRow } from './rows.ts';
import { folderFailure } from './target-folder.ts';
import { absoluteZipPath } from './zip-path.ts';
import {
  readFileIfExists,
  sha256Hex,
  verifyZip,
  writeFileDurably,
} from './zip-files.ts';

/** Download attempts after which a `failed` message is no longer retried. */
export const DEFAULT_MAX_ATTEMPTS = 5;

export interface ArchiveOptions {
  /** The app's database, opened with `ARCHIVE_MIGRATIONS` among others. */
  db: DatabaseSync;
  /**
   * The archive root to use when the database records none yet (the first
   * start). Afterwards the recorded root wins, and `moveArchive` changes it.
   */
  defaultRoot: string;
  logger: Logger;
  /**
   * For a process that does not hold the data folder's lock: it may search
   * and read, but every write fails with `archive.locked`, and no recovery
   * runs at start.
   */
  readOnly?: boolean;
  now?: () => Date;
}

/**
 * Opens the archive. Unless read-only, it first finishes an interrupted
 * move, removes temporary files and adopts ZIPs whose record is unfinished.
 */
export async function openArchive(options: ArchiveOptions): Promise<Archive> {
  const archive = new Archive(options);
  if (!options.readOnly) await archive.recover();
  return archive;
}

export class Archive {
  readonly #db: DatabaseSync;
  readonly #store: MessageStore;
  readonly #search: InvoiceSearch;
  readonly #logger: Logger;
  readonly #readOnly: boolean;
  readonly #now: () => Date;
  #root: string;
  /** File operations in progress; a move waits until there are none. */
  #fileUsers = 0;
  #idleWaiters: Array<() => void> = [];
  #moving: Promise<void> | null = null;
  #lastRecovery: RecoveryReport | null = null;

  constructor(options: ArchiveOptions) {
    this.#db = options.db;
    this.#store = new MessageStore(options.db);
    this.#search = new InvoiceSearch(options.db);
    this.#logger = options.logger.child('archive');
    this.#readOnly = options.readOnly ?? false;
    this.#now = options.now ?? (() => new Date());
    this.#root = this.#store.meta(META_ROOT) ?? options.defaultRoot;
    if (!this.#readOnly && this.#store.meta(META_ROOT) === null) {
      this.#store.setMeta({ [META_ROOT]: this.#root });
    }
  }

  /** Returns the folder that contains `<CIF>/<year>/<month>/<message id>.zip`. */
  root(): string {
    return this.#root;
  }

  /** Finishes an interrupted move, then repairs unfinished downloads. */
  async recover(): Promise<RecoveryReport> {
    this.#assertWritable();
    await this.#finishInterruptedMove();
    const report = await recoverArchive(
      this.#store,
      this.#root,
      this.#logger,
      this.#now(),
    );
    if (report.temporaryFilesRemoved > 0 || report.adopted > 0) {
      this.#logger.info('Archive recovered after an unfinished run', {
        ...report,
      });
    }
    this.#lastRecovery = report;
    return report;
  }

  /** The report of the recovery at open, or null for a read-only archive. */
  get lastRecovery(): RecoveryReport | null {
    return this.#lastRecovery;
  }

  /** Records listed messages; those already known keep their state. */
  recordListed(
    cif: string,
    messages: readonly ListedMessageInput[],
  ): ListingOutcome {
    this.#assertWritable();
    return this.#store.recordListed(cif, messages, this.#now());
  }

  /** Messages of a company whose ZIP is still to be downloaded. */
  pendingDownloads(
    cif: string,
    maxAttempts = DEFAULT_MAX_ATTEMPTS,
  ): PendingDownload[] {
    return this.#store.pending(cif, maxAttempts);
  }

  /**
   * Stores a downloaded ZIP unchanged and indexes the invoice inside.
   * Fails with `input.invalid` when the bytes are not a complete ZIP (then
   * nothing is written) and with `archive.notFound` for a message that was
   * never listed. A ZIP whose content cannot be parsed is still stored,
   * because it is the legal record, and its row's `failureReason` states
   * why.
   * A message already archived is left as it is.
   */
  async storeDownload(
    cif: string,
    messageId: string,
    bytes: Uint8Array,
  ): Promise<InvoiceRow | null> {
    this.#assertWritable();
    const file = this.#requireFile(cif, messageId);
    if (file.state === 'downloaded') return this.getRow(cif, messageId);

    const verified = await verifyZip(bytes);
    if (!verified.ok) {
      throw new AppFailure(
        verified.error.code,
        `The download of message ${messageId} is not a usable ZIP: ${verified.error.message}`,
        { ...verified.error.details, cif, messageId },
      );
    }

    await this.#withFiles(async () => {
      const target = absoluteZipPath(this.#root, file.zipPath);
      await writeFileDurably(target, bytes);
      const fields = await readIndexFields(cif, file.direction, bytes);
      this.#store.markDownloaded(file.id, {
        sha256: sha256Hex(bytes),
        size: bytes.length,
        fields,
        downloadedAt: this.#now(),
      });
      if (fields.problem) {
        this.#logger.warn('Archived a ZIP whose content could not be read', {
          cif,
          messageId,
          problem: fields.problem,
        });
      }
    });
    return this.getRow(cif, messageId);
  }

  /**
   * Records a download that brought no ZIP: `listed` to try again at the
   * next sync, `failed` for a refusal of this message, `expired` when ANAF
   * no longer serves it.
   */
  recordFailedDownload(
    cif: string,
    messageId: string,
    state: Exclude<MessageState, 'downloaded'>,
    reason: string,
    failure: DownloadFailure | null = null,
  ): void {
    this.#assertWritable();
    this.#store.recordAttempt(cif, messageId, state, reason, failure);
  }

  /** Returns one page of a search, with the totals unless it sets `withTotals: false`. */
  queryInvoices(
    query: InvoiceQuery & { withTotals?: true },
  ): Required<InvoicePage>;
  queryInvoices(query: InvoiceQuery): InvoicePage;
  queryInvoices(query: InvoiceQuery): InvoicePage {
    return this.#search.query(query);
  }

  /**
   * Lists a company's buyer messages, or those about the invoice with
   * `query.invoiceUploadIndex`, each linked to that invoice when it is
   * archived.
   */
  buyerMessages(query: BuyerMessageQuery): BuyerMessagePage {
    return queryBuyerMessages(this.#db, query);
  }

  /**
   * Selects every row of a query's filter (paging ignored), with the
   * exports' extra columns. The set of rows is fixed when this returns.
   */
  selectForExport(query: InvoiceQuery): ExportSelection {
    return selectForExport(this.#db, query);
  }

  /**
   * Selects one company's messages with the given ids (at most
   * `MAX_SELECTED_MESSAGES`), and with a filter only those it matches.
   * The set of rows is fixed when this returns.
   */
  selectByIds(
    cif: string,
    messageIds: readonly string[],
    filter?: SelectionFilter,
  ): ExportSelection {
    return selectByIds(this.#db, cif, messageIds, filter);
  }

  getRow(cif: string, messageId: string): InvoiceRow | null {
    const stored = this.#db
      .prepare(
        `SELECT ${ROW_COLUMNS} FROM archive_messages
         WHERE cif = ? AND message_id = ?`,
      )
      .get(cif, messageId) as StoredRow | undefined;
    return stored ? toInvoiceRow(stored) : null;
  }

  /**
   * Builds the readable document of a message from its stored ZIP. Fails
   * with `archive.notFound` when the message is not in the archive.
   */
  async getDocument(cif: string, messageId: string): Promise<InvoiceDocument> {
    const row = this.getRow(cif, messageId);
    if (row === null) throw notInArchive(cif, messageId);
    const bytes =
      row.state === 'downloaded' ? await this.#readFile(cif, messageId) : null;
    return buildDocument(row, bytes);
  }

  /**
   * Returns the stored ZIP's bytes. Fails with `archive.notFound` when the
   * message is unknown, not downloaded, or its file is missing.
   */
  async readStoredZip(cif: string, messageId: string): Promise<Uint8Array> {
    const file = this.#requireFile(cif, messageId);
    const bytes =
      file.state === 'downloaded' ? await this.#readFile(cif, messageId) : null;
    if (bytes === null) {
      throw new AppFailure(
        'archive.notFound',
        `The ZIP of message ${messageId} (CIF ${cif}) is not in the archive folder: its state is ${file.state}.`,
        { cif, messageId },
      );
    }
    return bytes;
  }

  /**
   * Records when a sync of a company last completed without an error, for
   * the company list's "last sync" after a restart.
   */
  recordSyncCompleted(cif: string, finishedAt: Date): void {
    this.#assertWritable();
    this.#store.setMeta({ [`last_sync:${cif}`]: finishedAt.toISOString() });
  }

  /** Returns the ISO time of the company's last complete sync, or null. */
  lastSyncAt(cif: string): string | null {
    return this.#store.meta(`last_sync:${cif}`);
  }

  /** Marks every message of a company as seen, ending "new" for them. */
  markSeen(cif: string): void {
    this.#assertWritable();
    this.#store.markSeen(cif);
  }

  /** Received invoices and rejected uploads the user has not seen yet. */
  unseenCounts(cif: string): { received: number; rejected: number } {
    return this.#store.unseenCounts(cif);
  }

  /**
   * Moves every archived ZIP to `newRoot`: copies, switches the recorded
   * root, then removes the old copies. Downloads wait while it runs. Fails
   * with `input.invalid` for a relative path, a folder inside the current
   * root (or the reverse), or a target that contains a different file
   * under the same name. The old root then stays in use.
   */
  async moveArchive(newRoot: string): Promise<void> {
    this.#assertWritable();
    if (this.#moving) {
      throw new AppFailure(
        'archive.locked',
        'The archive is already being moved. Wait until the move ends.',
      );
    }
    const move = (async () => {
      const target = await prepareNewRoot(this.#root, newRoot);
      await this.#exclusive(async () => {
        try {
          await moveFiles(this.#store, this.#root, target, this.#logger);
        } catch (error) {
          // A full disk or a denied write in the new folder names that folder.
          const failedPath = (error as NodeJS.ErrnoException).path ?? '';
          if (!failedPath.startsWith(target)) throw error;
          throw folderFailure(error, target) ?? error;
        }
        this.#root = target;
      });
    })();
    this.#moving = move;
    try {
      await move;
    } finally {
      this.#moving = null;
      // A failed move leaves nothing to resume: the old root stays in use.
      this.#store.setMeta({ [META_MOVE_TO]: null });
    }
  }

  async #finishInterruptedMove(): Promise<void> {
    const pendingTarget = this.#store.meta(META_MOVE_TO);
    if (pendingTarget !== null) {
      this.#logger.warn('Finishing an interrupted archive move', {
        from: this.#root,
        to: pendingTarget,
      });
      try {
        await moveFiles(this.#store, this.#root, pendingTarget, this.#logger);
        this.#root = pendingTarget;
      } catch (error) {
        this.#store.setMeta({ [META_MOVE_TO]: null });
        this.#logger.error(
          'The interrupted archive move failed; the archive stays where it was',
          {
            from: this.#root,
            to: pendingTarget,
            error: error instanceof Error ? error.message : String(error),
          },
        );
      }
    }

    const cleanup = this.#store.meta(META_MOVE_CLEANUP);
    if (cleanup !== null) {
      await removeOldCopies(this.#store, cleanup, this.#root, this.#logger);
    }
  }

  async #readFile(cif: string, messageId: string): Promise<Uint8Array | null> {
    const file = this.#requireFile(cif, messageId);
    return this.#withFiles(() =>
      readFileIfExists(absoluteZipPath(this.#root, file.zipPath)),
    );
  }

  #requireFile(cif: string, messageId: string) {
    const file = this.#store.file(cif, messageId);
    if (file === null) throw notInArchive(cif, messageId);
    return file;
  }

  /** Runs a file operation; it waits while a move runs. */
  async #withFiles<T>(work: () => Promise<T>): Promise<T> {
    while (this.#moving) await this.#moving.catch(() => undefined);
    this.#fileUsers += 1;
    try {
      return await work();
    } finally {
      this.#fileUsers -= 1;
      if (this.#fileUsers === 0) {
        for (const wake of this.#idleWaiters.splice(0)) wake();
      }
    }
  }

  /** Runs `work` once no file operation is in progress. */
  async #exclusive(work: () => Promise<void>): Promise<void> {
    if (this.#fileUsers > 0) {
      await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
    }
    await work();
  }

  #assertWritable(): void {
    if (!this.#readOnly) return;
    throw new AppFailure(
      'archive.locked',
      'The archive is open read-only because another process holds the data folder. Close that process to sync or change the archive.',
    );
  }
}

function notInArchive(cif: string, messageId: string): AppFailure {
  return new AppFailure(
    'archive.notFound',
    `Message ${messageId} of CIF ${cif} is not in the archive. Run a sync to list it.`,
    { cif, messageId },
  );
}
