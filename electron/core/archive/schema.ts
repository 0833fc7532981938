/**
 * The archive's tables in the app's SQLite database.
 *
 * `archive_messages` has one row per message that a company's list returned,
 * keyed by the company's CIF and ANAF's download id. The row is written when
 * the message is listed, before its ZIP is downloaded, and later carries the
 * indexed fields of the invoice inside the ZIP. Amounts are kept in minor
 * units (cents) so that sums are exact. `archive_vat` keeps each invoice's
 * VAT breakdown for the CSV export, and `archive_meta` the archive root and
 * the state of an unfinished move.
 */
import type { DatabaseSync } from 'node:sqlite';

import type { Migration } from '../db/database.ts';

import { addFailureKindColumns } from './failure-kinds.ts';
import { addSearchStructures } from './search-schema.ts';

export const ARCHIVE_OWNER = 'archive';

const MESSAGES_TABLE = `
CREATE TABLE archive_messages (
  id INTEGER PRIMARY KEY,
  cif TEXT NOT NULL,
  message_id TEXT NOT NULL,
  upload_index TEXT NOT NULL,
  message_type TEXT NOT NULL,
  direction TEXT NOT NULL,
  details TEXT NOT NULL,
  created_at TEXT NOT NULL,
  zip_path TEXT NOT NULL,
  state TEXT NOT NULL
    CHECK (state IN ('listed', 'downloaded', 'expired', 'failed')),
  failure_reason TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  listed_at TEXT NOT NULL,
  downloaded_at TEXT,
  zip_sha256 TEXT,
  zip_size INTEGER,
  seen INTEGER NOT NULL DEFAULT 0,
  document_kind TEXT,
  partner_cif TEXT,
  partner_vat_id TEXT,
  partner_name TEXT,
  number TEXT,
  type_code TEXT,
  issue_date TEXT,
  due_date TEXT,
  doc_date TEXT NOT NULL,
  currency TEXT,
  net_cents INTEGER,
  vat_cents INTEGER,
  total_cents INTEGER,
  error_count INTEGER,
  partner_folded TEXT NOT NULL DEFAULT '',
  number_folded TEXT NOT NULL DEFAULT ''
)`;

const VAT_TABLE = `
CREATE TABLE archive_vat (
  message_row INTEGER NOT NULL
    REFERENCES archive_messages (id) ON DELETE CASCADE,
  category TEXT,
  rate TEXT,
  taxable_cents INTEGER,
  tax_cents INTEGER
)`;

const META_TABLE = `
CREATE TABLE archive_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
)`;

/**
 * `archive_messages_search` covers every column a filter, a sort or the
 * totals read, so a search scans index entries only and never the table.
 * It leads with the creation time, the default order, so the first page of
 * a direction is read in order. The narrow per-field indexes serve sorting
 * by another field when nothing but company and direction is filtered.
 */
const INDEXES = [
  'CREATE UNIQUE INDEX archive_messages_key ON archive_messages (cif, message_id)',
  `CREATE INDEX archive_messages_search ON archive_messages (cif, direction,
    created_at, partner_folded, number_folded, doc_date, issue_date, due_date,
    total_cents, net_cents, vat_cents, currency, state)`,
  'CREATE INDEX archive_messages_issue ON archive_messages (cif, direction, issue_date)',
  'CREATE INDEX archive_messages_due ON archive_messages (cif, direction, due_date)',
  'CREATE INDEX archive_messages_number ON archive_messages (cif, direction, number_folded)',
  'CREATE INDEX archive_messages_partner ON archive_messages (cif, direction, partner_folded)',
  'CREATE INDEX archive_messages_total ON archive_messages (cif, direction, total_cents)',
  'CREATE INDEX archive_messages_state ON archive_messages (state, cif)',
  'CREATE INDEX archive_messages_seen ON archive_messages (cif, seen, direction)',
  'CREATE INDEX archive_messages_upload ON archive_messages (upload_index)',
  'CREATE INDEX archive_vat_message ON archive_vat (message_row)',
];

function createTables(db: DatabaseSync): void {
  db.exec(MESSAGES_TABLE);
  db.exec(VAT_TABLE);
  db.exec(META_TABLE);
  for (const statement of INDEXES) db.exec(statement);
}

/**
 * Buyer messages keep the upload index of the invoice they are about and
 * their text, both read from the message's ZIP. Rows downloaded before
 * this version are read at the next start, by the archive's recovery.
 */
function addBuyerMessageColumns(db: DatabaseSync): void {
  db.exec('ALTER TABLE archive_messages ADD COLUMN referenced_index TEXT');
  db.exec('ALTER TABLE archive_messages ADD COLUMN message_text TEXT');
  db.exec(
    `CREATE INDEX archive_messages_referenced
       ON archive_messages (cif, referenced_index)`,
  );
}

export const ARCHIVE_MIGRATIONS: readonly Migration[] = [
  { owner: ARCHIVE_OWNER, version: 1, apply: createTables },
  { owner: ARCHIVE_OWNER, version: 2, apply: addBuyerMessageColumns },
  { owner: ARCHIVE_OWNER, version: 3, apply: addSearchStructures },
  { owner: ARCHIVE_OWNER, version: 4, apply: addFailureKindColumns },
];
