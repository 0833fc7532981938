/**
 * Rows of the `uploads` table and their mapping to the `UploadRecord` the
 * renderer receives. Every write is one SQLite statement or transaction, so a
 * crash leaves each row either before or after a change, never between.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import {
  UPLOAD_NOTE_VALUES,
  type AnafErrorEntry,
  type UploadNotePart,
  type UploadRecord,
  type UploadState,
} from '../../../shared/domain.ts';
import { inTransaction } from '../db/database.ts';

/** An upload as stored, with the fields the service needs besides the record. */
export interface StoredUpload extends UploadRecord {
  /** The note's sentences, empty for no note or a note without kinds. */
  noteParts: UploadNotePart[];
  /** Insertion order, which is also the sending order. */
  seq: number;
  size: number;
  /** Sent with `autofactura=DA`: the buyer files in the seller's name. */
  selfBilled: boolean;
  /** Seller, number and issue date read from the file, for reconciliation. */
  sellerCif: string | null;
  invoiceNumber: string | null;
  issueDate: string | null;
  /** The upload index ANAF named in its duplicate message. */
  duplicateOfIndex: string | null;
  /** stareMesaj calls made for this upload, which set the next wait. */
  statusChecks: number;
  /** When the last request for this upload went out, epoch ms. */
  sentAt: number | null;
  /**
   * When the user marked the lost upload as filed after checking SPV,
   * epoch ms. The app keeps looking for ANAF's verdict all the same.
   */
  markedSentAt: number | null;
}

export type NewUpload = Pick<
  StoredUpload,
  | 'id'
  | 'fileName'
  | 'cif'
  | 'standard'
  | 'sha256'
  | 'size'
  | 'selfBilled'
  | 'sellerCif'
  | 'invoiceNumber'
  | 'issueDate'
  | 'replaces'
  | 'duplicateOf'
>;

/**
 * The fields a state change may set. A change that sets `note` without
 * `noteParts` clears the parts, so that they never describe an older note.
 */
export type UploadChange = Partial<
  Pick<
    StoredUpload,
    | 'state'
    | 'uploadIndex'
    | 'messageId'
    | 'errors'
    | 'duplicateOf'
    | 'duplicateOfIndex'
    | 'note'
    | 'noteParts'
    | 'statusChecks'
    | 'sentAt'
    | 'markedSentAt'
  >
>;

interface UploadRow {
  seq: number;
  id: string;
  file_name: string;
  cif: string;
  standard: string;
  sha256: string;
  size: number;
  self_billed: number;
  seller_cif: string | null;
  invoice_number: string | null;
  issue_date: string | null;
  state: UploadState;
  upload_index: string | null;
  message_id: string | null;
  errors: string;
  duplicate_of: string | null;
  duplicate_of_index: string | null;
  replaces: string | null;
  note: string | null;
  note_parts: string;
  status_checks: number;
  sent_at: number | null;
  marked_sent_at: number | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS: Record<keyof UploadChange, string> = {
  state: 'state',
  uploadIndex: 'upload_index',
  messageId: 'message_id',
  errors: 'errors',
  duplicateOf: 'duplicate_of',
  duplicateOfIndex: 'duplicate_of_index',
  note: 'note',
  noteParts: 'note_parts',
  statusChecks: 'status_checks',
  sentAt: 'sent_at',
  markedSentAt: 'marked_sent_at',
};

/** Fields stored as JSON text. */
const JSON_COLUMNS: ReadonlySet<string> = new Set(['errors', 'noteParts']);

export class UploadStore {
  readonly #db: DatabaseSync;
  readonly #now: () => number;

  constructor(db: DatabaseSync, now: () => number) {
    this.#db = db;
    this.#now = now;
  }

  /** Inserts the uploads of one submission in one transaction, as `queued`. */
  insertAll(uploads: readonly NewUpload[]): StoredUpload[] {
    const created = new Date(this.#now()).toISOString();
    const insert = this.#db.prepare(`
      INSERT INTO uploads (id, file_name, cif, standard, sha256, size,
        self_billed, seller_cif, invoice_number, issue_date, state,
        duplicate_of, replaces, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)
    `);
    inTransaction(this.#db, () => {
      for (const upload of uploads) {
        insert.run(
          upload.id,
          upload.fileName,
          upload.cif,
          upload.standard,
          upload.sha256,
          upload.size,
          upload.selfBilled ? 1 : 0,
          upload.sellerCif,
          upload.invoiceNumber,
          upload.issueDate,
          upload.duplicateOf,
          upload.replaces,
          created,
          created,
        );
      }
    });
    return uploads.map((upload) => this.require(upload.id));
  }

  get(id: string): StoredUpload | null {
    const row = this.#db.prepare('SELECT * FROM uploads WHERE id = ?').get(id);
    return row ? fromRow(row as unknown as UploadRow) : null;
  }

  require(id: string): StoredUpload {
    const upload = this.get(id);
    if (!upload) throw new Error(`The upload ${id} is not in the database.`);
    return upload;
  }

  /** Applies a change and returns the row as stored afterwards. */
  update(id: string, change: UploadChange): StoredUpload {
    const full: UploadChange =
      change.note !== undefined && change.noteParts === undefined
        ? { ...change, noteParts: [] }
        : change;
    const sets: string[] = ['updated_at = ?'];
    const values: SQLInputValue[] = [new Date(this.#now()).toISOString()];
    for (const [key, column] of Object.entries(COLUMNS)) {
      const value = full[key as keyof UploadChange];
      if (value === undefined) continue;
      sets.push(`${column} = ?`);
      values.push(JSON_COLUMNS.has(key) ? JSON.stringify(value) : toSql(value));
    }
    this.#db
      .prepare(`UPDATE uploads SET ${sets.join(', ')} WHERE id = ?`)
      .run(...values, id);
    return this.require(id);
  }

  /** Uploads in the given states, in sending order. */
  inStates(states: readonly UploadState[]): StoredUpload[] {
    const marks = states.map(() => '?').join(', ');
    const rows = this.#db
      .prepare(`SELECT * FROM uploads WHERE state IN (${marks}) ORDER BY seq`)
      .all(...states);
    return (rows as unknown as UploadRow[]).map(fromRow);
  }

  /** Newest first, optionally for one CIF. */
  list(filter: { cif?: string; limit: number }): StoredUpload[] {
    const rows =
      filter.cif === undefined
        ? this.#db
            .prepare('SELECT * FROM uploads ORDER BY seq DESC LIMIT ?')
            .all(filter.limit)
        : this.#db
            .prepare(
              'SELECT * FROM uploads WHERE cif = ? ORDER BY seq DESC LIMIT ?',
            )
            .all(filter.cif, filter.limit);
    return (rows as unknown as UploadRow[]).map(fromRow);
  }

  /**
   * Returns the first earlier upload of the same bytes that may have reached
   * ANAF's records, or null. Uploads that failed before ANAF recorded them,
   * and files ANAF rejected at upload without an index, do not count.
   */
  earlierUploadOf(sha256: string): string | null {
    const row = this.#db
      .prepare(
        `SELECT id FROM uploads WHERE sha256 = ? AND state != 'failed'
           AND NOT (state = 'rejected' AND upload_index IS NULL)
         ORDER BY seq LIMIT 1`,
      )
      .get(sha256) as { id: string } | undefined;
    return row?.id ?? null;
  }

  /** Returns the upload that ANAF gave this index, or null. */
  findByUploadIndex(uploadIndex: string): StoredUpload | null {
    const row = this.#db
      .prepare('SELECT * FROM uploads WHERE upload_index = ? ORDER BY seq')
      .get(uploadIndex);
    return row ? fromRow(row as unknown as UploadRow) : null;
  }

  /** Upload indexes the app has linked to uploads of a CIF. */
  knownUploadIndexes(cif: string): Set<string> {
    const rows = this.#db
      .prepare(
        'SELECT upload_index FROM uploads WHERE cif = ? AND upload_index IS NOT NULL',
      )
      .all(cif) as Array<{ upload_index: string }>;
    return new Set(rows.map((row) => row.upload_index));
  }

  allIds(): Set<string> {
    const rows = this.#db.prepare('SELECT id FROM uploads').all() as Array<{
      id: string;
    }>;
    return new Set(rows.map((row) => row.id));
  }
}

function toSql(value: unknown): SQLInputValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new TypeError(`Cannot store ${typeof value} in the uploads table.`);
}

function fromRow(row: UploadRow): StoredUpload {
  return {
    seq: row.seq,
    id: row.id,
    fileName: row.file_name,
    cif: row.cif,
    standard: row.standard,
    sha256: row.sha256,
    size: row.size,
    selfBilled: row.self_billed === 1,
    sellerCif: row.seller_cif,
    invoiceNumber: row.invoice_number,
    issueDate: row.issue_date,
    state: row.state,
    uploadIndex: row.upload_index,
    messageId: row.message_id,
    errors: parseErrors(row.errors),
    duplicateOf: row.duplicate_of,
    duplicateOfIndex: row.duplicate_of_index,
    replaces: row.replaces,
    note: row.note,
    noteParts: parseNoteParts(row.note_parts),
    statusChecks: row.status_checks,
    sentAt: row.sent_at,
    markedSentAt: row.marked_sent_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function parseErrors(text: string): AnafErrorEntry[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as AnafErrorEntry[]) : [];
}

/**
 * Reads the stored sentences. Returns none when one of them has a kind
 * this build lacks, so that the English note is shown whole instead.
 */
function parseNoteParts(text: string): UploadNotePart[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) return [];
  const parts = value as Array<{ kind?: unknown; values?: unknown }>;
  const known = parts.filter(
    (part) =>
      typeof part.kind === 'string' &&
      Object.hasOwn(UPLOAD_NOTE_VALUES, part.kind) &&
      typeof part.values === 'object' &&
      part.values !== null,
  );
  return known.length === parts.length ? (known as UploadNotePart[]) : [];
}

/** Returns the part of a stored upload that crosses IPC. */
export function toUploadRecord(upload: StoredUpload): UploadRecord {
  return {
    id: upload.id,
    fileName: upload.fileName,
    cif: upload.cif,
    standard: upload.standard,
    sha256: upload.sha256,
    state: upload.state,
    uploadIndex: upload.uploadIndex,
    messageId: upload.messageId,
    errors: upload.errors,
    duplicateOf: upload.duplicateOf,
    replaces: upload.replaces,
    createdAt: upload.createdAt,
    updatedAt: upload.updatedAt,
    note: upload.note,
    noteParts: upload.noteParts,
  };
}
