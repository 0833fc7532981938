/**
 * Writes and reads of `archive_messages` for listing, downloading and
 * recovery. Every change of a row's state is one SQLite transaction.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';

import type { MessageState } from '../../../shared/domain.ts';
import { inTransaction } from '../db/database.ts';

import type { DownloadFailure } from './failure-kinds.ts';
import { BUYER_MESSAGE_DIRECTION, type IndexedFields } from './index-fields.ts';
import { archiveZipPath, romaniaDate } from './zip-path.ts';

/**
 * A message as a company's list returned it. ANAF's client produces this
 * shape (`ListedMessage`); the archive needs only these fields.
 */
export interface ListedMessageInput {
  /** ANAF's download id, the message id. */
  downloadId: string;
  uploadIndex: string;
  /** `data_creare` as an instant. */
  createdAt: Date;
  /** `tip` as ANAF sent it. */
  type: string;
  /** `sent`, `received`, `errors`, `buyerMessage` or `other`. */
  direction: string;
  details: string;
}

export interface ListingOutcome {
  /** Messages seen in the list for the first time. */
  added: number;
  /** Listed messages whose ZIP is already archived. */
  alreadyDownloaded: number;
}

/** A message whose ZIP is still to be downloaded. */
export interface PendingDownload {
  cif: string;
  messageId: string;
  createdAt: string;
  state: MessageState;
  attempts: number;
}

/** The columns of a row that recovery and moves read. */
export interface StoredFile {
  id: number;
  cif: string;
  messageId: string;
  direction: string;
  state: MessageState;
  zipPath: string;
  zipSha256: string | null;
}

export interface DownloadRecord {
  sha256: string;
  size: number;
  fields: IndexedFields;
  downloadedAt: Date;
}

/** Returns the `failure_kind` and `failure_values` of a read ZIP. */
function failureColumns(fields: IndexedFields): [string | null, string | null] {
  const failure = fields.failure ?? null;
  if (failure === null) return [null, null];
  return [failure.kind, JSON.stringify(failure.values)];
}

const INSERT_LISTED = `INSERT INTO archive_messages
  (cif, message_id, upload_index, message_type, direction, details,
   created_at, zip_path, state, listed_at, doc_date)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'listed', ?, ?)
  ON CONFLICT (cif, message_id) DO NOTHING`;

const FIELD_UPDATE = `UPDATE archive_messages SET
  state = 'downloaded', failure_reason = ?, failure_kind = ?,
  failure_values = ?, downloaded_at = ?,
  zip_sha256 = ?, zip_size = ?, document_kind = ?, partner_cif = ?,
  partner_vat_id = ?, partner_name = ?, number = ?, type_code = ?,
  issue_date = ?, due_date = ?, doc_date = COALESCE(?, doc_date),
  currency = ?, net_cents = ?, vat_cents = ?, total_cents = ?,
  error_count = ?, partner_folded = ?, partner_key = ?, number_folded = ?,
  referenced_index = ?, message_text = ?
  WHERE id = ?`;

export class MessageStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** Inserts the messages not yet known, all in one transaction. */
  recordListed(
    cif: string,
    messages: readonly ListedMessageInput[],
    now: Date,
  ): ListingOutcome {
    const insert = this.#db.prepare(INSERT_LISTED);
    const state = this.#db.prepare(
      'SELECT state FROM archive_messages WHERE cif = ? AND message_id = ?',
    );
    const listedAt = now.toISOString();
    return inTransaction(this.#db, () => {
      const outcome: ListingOutcome = { added: 0, alreadyDownloaded: 0 };
      for (const message of messages) {
        const result = insert.run(
          cif,
          message.downloadId,
          message.uploadIndex,
          message.type,
          message.direction,
          message.details,
          message.createdAt.toISOString(),
          archiveZipPath(cif, message.downloadId, message.createdAt),
          listedAt,
          romaniaDate(message.createdAt),
        );
        if (result.changes > 0) {
          outcome.added += 1;
          continue;
        }
        const row = state.get(cif, message.downloadId) as
          { state: string } | undefined;
        if (row?.state === 'downloaded') outcome.alreadyDownloaded += 1;
      }
      return outcome;
    });
  }

  /**
   * Messages to download, oldest first because they leave ANAF's 60 days
   * first: every `listed` one, and `failed` ones tried fewer than
   * `maxAttempts` times.
   */
  pending(cif: string, maxAttempts: number): PendingDownload[] {
    const rows = this.#db
      .prepare(
        `SELECT cif, message_id, created_at, state, attempts
         FROM archive_messages
         WHERE cif = ? AND (state = 'listed' OR (state = 'failed' AND attempts < ?))
         ORDER BY created_at, message_id`,
      )
      .all(cif, maxAttempts) as Array<{
      cif: string;
      message_id: string;
      created_at: string;
      state: MessageState;
      attempts: number;
    }>;
    return rows.map((row) => ({
      cif: row.cif,
      messageId: row.message_id,
      createdAt: row.created_at,
      state: row.state,
      attempts: row.attempts,
    }));
  }

  file(cif: string, messageId: string): StoredFile | null {
    const rows = this.#files('WHERE cif = ? AND message_id = ?', [
      cif,
      messageId,
    ]);
    return rows[0] ?? null;
  }

  /** Rows whose ZIP is not recorded as archived, for recovery at start. */
  filesNotDownloaded(): StoredFile[] {
    return this.#files("WHERE state != 'downloaded'", []);
  }

  downloadedFiles(): StoredFile[] {
    return this.#files("WHERE state = 'downloaded'", []);
  }

  /**
   * Downloaded buyer messages whose document was never read: those archived
   * before the archive read buyer messages. A message whose ZIP could not
   * be read has a failure reason and is not returned again.
   */
  unreadBuyerMessages(): StoredFile[] {
    return this.#files(
      `WHERE direction = ? AND state = 'downloaded'
         AND document_kind IS NULL AND failure_reason IS NULL`,
      [BUYER_MESSAGE_DIRECTION],
    );
  }

  /** Stores what was read from a buyer message's document. */
  setBuyerMessageFields(rowId: number, fields: IndexedFields): void {
    this.#db
      .prepare(
        `UPDATE archive_messages SET document_kind = ?, referenced_index = ?,
           message_text = ?, failure_reason = ?, failure_kind = ?,
           failure_values = ?
         WHERE id = ?`,
      )
      .run(
        fields.documentKind,
        fields.referencedIndex,
        fields.messageText,
        fields.problem,
        ...failureColumns(fields),
        rowId,
      );
  }

  #files(where: string, params: SQLInputValue[]): StoredFile[] {
    const rows = this.#db
      .prepare(
        `SELECT id, cif, message_id, direction, state, zip_path, zip_sha256
         FROM archive_messages ${where} ORDER BY id`,
      )
      .all(...params) as Array<{
      id: number;
      cif: string;
      message_id: string;
      direction: string;
      state: MessageState;
      zip_path: string;
      zip_sha256: string | null;
    }>;
    return rows.map((row) => ({
      id: row.id,
      cif: row.cif,
      messageId: row.message_id,
      direction: row.direction,
      state: row.state,
      zipPath: row.zip_path,
      zipSha256: row.zip_sha256,
    }));
  }

  /** Marks a row downloaded and stores its index fields and VAT rows. */
  markDownloaded(rowId: number, record: DownloadRecord): void {
    const { fields } = record;
    inTransaction(this.#db, () => {
      this.#db
        .prepare(FIELD_UPDATE)
        .run(
          fields.problem,
          ...failureColumns(fields),
          record.downloadedAt.toISOString(),
          record.sha256,
          record.size,
          fields.documentKind,
          fields.partnerCif,
          fields.partnerVatId,
          fields.partnerName,
          fields.number,
          fields.typeCode,
          fields.issueDate,
          fields.dueDate,
          fields.issueDate,
          fields.currency,
          fields.netCents,
          fields.vatCents,
          fields.totalCents,
          fields.errorCount,
          fields.partnerFolded,
          this.#partnerKey(fields.partnerFolded),
          fields.numberFolded,
          fields.referencedIndex,
          fields.messageText,
          rowId,
        );
      this.#db
        .prepare('DELETE FROM archive_vat WHERE message_row = ?')
        .run(rowId);
      const insertVat = this.#db.prepare(
        `INSERT INTO archive_vat (message_row, category, rate, taxable_cents, tax_cents)
         VALUES (?, ?, ?, ?, ?)`,
      );
      for (const vat of fields.vat) {
        insertVat.run(
          rowId,
          vat.category,
          vat.rate,
          vat.taxableCents,
          vat.taxCents,
        );
      }
    });
  }

  /**
   * Returns the id of a folded partner text in `archive_partners`, adding
   * it when it is new, or null for no partner. A partner search matches
   * that short table and then seeks the messages by this id.
   */
  #partnerKey(folded: string): number | null {
    if (folded === '') return null;
    this.#db
      .prepare(
        'INSERT INTO archive_partners (folded) VALUES (?) ON CONFLICT DO NOTHING',
      )
      .run(folded);
    const row = this.#db
      .prepare('SELECT id FROM archive_partners WHERE folded = ?')
      .get(folded) as { id: number };
    return row.id;
  }

  /**
   * Records a download attempt that ended without a ZIP. `listed` keeps
   * the message for the next sync; `failed` and `expired` are final states,
   * although `failed` ones are tried again up to the attempt limit.
   * `failure` is the reason as a kind and values, null when not known.
   */
  recordAttempt(
    cif: string,
    messageId: string,
    state: Exclude<MessageState, 'downloaded'>,
    reason: string,
    failure: DownloadFailure | null = null,
  ): void {
    this.#db
      .prepare(
        `UPDATE archive_messages
         SET state = ?, failure_reason = ?, failure_kind = ?,
           failure_values = ?, attempts = attempts + 1
         WHERE cif = ? AND message_id = ? AND state != 'downloaded'`,
      )
      .run(
        state,
        reason,
        failure?.kind ?? null,
        failure ? JSON.stringify(failure.values) : null,
        cif,
        messageId,
      );
  }

  /** Marks every message of a company as seen by the user. */
  markSeen(cif: string): void {
    this.#db
      .prepare(
        'UPDATE archive_messages SET seen = 1 WHERE cif = ? AND seen = 0',
      )
      .run(cif);
  }

  /** Unseen received invoices and unseen rejected uploads of a company. */
  unseenCounts(cif: string): { received: number; rejected: number } {
    const rows = this.#db
      .prepare(
        `SELECT direction, count(*) AS count FROM archive_messages
         WHERE cif = ? AND seen = 0 AND direction IN ('received', 'errors')
         GROUP BY direction`,
      )
      .all(cif) as Array<{ direction: string; count: number }>;
    const count = (direction: string) =>
      rows.find((row) => row.direction === direction)?.count ?? 0;
    return { received: count('received'), rejected: count('errors') };
  }

  meta(key: string): string | null {
    const row = this.#db
      .prepare('SELECT value FROM archive_meta WHERE key = ?')
      .get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  /** Sets (or, with null, deletes) metadata values in one transaction. */
  setMeta(values: Record<string, string | null>): void {
    inTransaction(this.#db, () => {
      for (const [key, value] of Object.entries(values)) {
        if (value === null) {
          this.#db.prepare('DELETE FROM archive_meta WHERE key = ?').run(key);
        } else {
          this.#db
            .prepare(
              `INSERT INTO archive_meta (key, value) VALUES (?, ?)
               ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
            )
            .run(key, value);
        }
      }
    });
  }
}
