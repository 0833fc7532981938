/**
 * Tables and indexes that let each search filter read only the rows it
 * can match (archive schema version 3):
 *
 * - `archive_partners` keeps each distinct folded partner text once, and
 *   `archive_messages.partner_key` points to it. A partner search scans
 *   this short table, then seeks the messages of the partners it matched.
 * - `archive_numbers` is an FTS5 trigram index over the folded invoice
 *   numbers, so a number substring of three or more characters finds its
 *   rows without a scan.
 * - `archive_totals` keeps the count and sums of every company, direction,
 *   state, currency and partner, kept current by triggers, so the totals
 *   of a filter on those fields are summed from a few rows.
 * - Indexes on the date and on the total lead with the field after company
 *   and direction and cover the totals, so a range reads its entries only.
 *   The partner and state indexes cover the other exact filters and the
 *   default order, so their pages read no table rows either.
 */
import type { DatabaseSync } from 'node:sqlite';

const PARTNERS = [
  `CREATE TABLE archive_partners (
     id INTEGER PRIMARY KEY,
     folded TEXT NOT NULL UNIQUE
   )`,
  'ALTER TABLE archive_messages ADD COLUMN partner_key INTEGER',
  `INSERT INTO archive_partners (folded)
     SELECT DISTINCT partner_folded FROM archive_messages
     WHERE partner_folded != ''`,
  `UPDATE archive_messages SET partner_key =
     (SELECT id FROM archive_partners WHERE folded = partner_folded)
   WHERE partner_folded != ''`,
];

const INDEXES = [
  `CREATE INDEX archive_messages_partner_key ON archive_messages (cif,
     direction, partner_key, created_at, currency, state)`,
  'DROP INDEX archive_messages_total',
  `CREATE INDEX archive_messages_total ON archive_messages (cif, direction,
     total_cents, currency, net_cents, vat_cents, state, doc_date,
     partner_key)`,
  `CREATE INDEX archive_messages_date ON archive_messages (cif, direction,
     doc_date, currency, net_cents, vat_cents, total_cents, state,
     partner_key)`,
  `CREATE INDEX archive_messages_exact ON archive_messages (cif, direction,
     state, currency, created_at, partner_key)`,
];

/**
 * A message without a currency is stored under '' and one without a
 * partner under 0, because primary key columns that are NULL never
 * conflict, so the upserts below would add rows instead of summing.
 */
const TOTALS = [
  `CREATE TABLE archive_totals (
     cif TEXT NOT NULL,
     direction TEXT NOT NULL,
     state TEXT NOT NULL,
     currency TEXT NOT NULL,
     partner_key INTEGER NOT NULL,
     count INTEGER NOT NULL,
     net_cents INTEGER NOT NULL,
     vat_cents INTEGER NOT NULL,
     total_cents INTEGER NOT NULL,
     PRIMARY KEY (cif, direction, state, currency, partner_key)
   ) WITHOUT ROWID`,
  `INSERT INTO archive_totals
     SELECT cif, direction, state, coalesce(currency, ''),
       coalesce(partner_key, 0), count(*), coalesce(sum(net_cents), 0),
       coalesce(sum(vat_cents), 0), coalesce(sum(total_cents), 0)
     FROM archive_messages
     GROUP BY 1, 2, 3, 4, 5`,
  `CREATE TRIGGER archive_totals_insert AFTER INSERT ON archive_messages
   BEGIN ${addRow('new')} END`,
  `CREATE TRIGGER archive_totals_delete AFTER DELETE ON archive_messages
   BEGIN ${removeRow('old')} END`,
  `CREATE TRIGGER archive_totals_update AFTER UPDATE OF cif, direction,
     state, currency, partner_key, net_cents, vat_cents, total_cents
   ON archive_messages
   BEGIN ${removeRow('old')} ${addRow('new')} END`,
];

function addRow(row: 'new' | 'old'): string {
  return `INSERT INTO archive_totals VALUES (${row}.cif, ${row}.direction,
      ${row}.state, coalesce(${row}.currency, ''),
      coalesce(${row}.partner_key, 0), 1, coalesce(${row}.net_cents, 0),
      coalesce(${row}.vat_cents, 0), coalesce(${row}.total_cents, 0))
    ON CONFLICT (cif, direction, state, currency, partner_key)
    DO UPDATE SET count = count + 1,
      net_cents = net_cents + excluded.net_cents,
      vat_cents = vat_cents + excluded.vat_cents,
      total_cents = total_cents + excluded.total_cents;`;
}

function removeRow(row: 'new' | 'old'): string {
  return `UPDATE archive_totals SET count = count - 1,
      net_cents = net_cents - coalesce(${row}.net_cents, 0),
      vat_cents = vat_cents - coalesce(${row}.vat_cents, 0),
      total_cents = total_cents - coalesce(${row}.total_cents, 0)
    WHERE cif = ${row}.cif AND direction = ${row}.direction
      AND state = ${row}.state AND currency = coalesce(${row}.currency, '')
      AND partner_key = coalesce(${row}.partner_key, 0);`;
}

/**
 * The external-content FTS5 table reads `number_folded` from the messages
 * table, and the triggers keep its index in step: FTS5 cannot see changes
 * to the table it reads, and a 'delete' needs the old value.
 */
const NUMBERS = [
  `CREATE VIRTUAL TABLE archive_numbers USING fts5(number_folded,
     content = 'archive_messages', content_rowid = 'id',
     tokenize = 'trigram')`,
  "INSERT INTO archive_numbers (archive_numbers) VALUES ('rebuild')",
  `CREATE TRIGGER archive_numbers_insert AFTER INSERT ON archive_messages
   BEGIN ${indexNumber('new')} END`,
  `CREATE TRIGGER archive_numbers_delete AFTER DELETE ON archive_messages
   BEGIN ${unindexNumber('old')} END`,
  `CREATE TRIGGER archive_numbers_update AFTER UPDATE OF number_folded
   ON archive_messages
   BEGIN ${unindexNumber('old')} ${indexNumber('new')} END`,
];

function indexNumber(row: 'new' | 'old'): string {
  return `INSERT INTO archive_numbers (rowid, number_folded)
    VALUES (${row}.id, ${row}.number_folded);`;
}

function unindexNumber(row: 'new' | 'old'): string {
  return `INSERT INTO archive_numbers (archive_numbers, rowid, number_folded)
    VALUES ('delete', ${row}.id, ${row}.number_folded);`;
}

export function addSearchStructures(db: DatabaseSync): void {
  for (const statement of [...PARTNERS, ...INDEXES, ...TOTALS]) {
    db.exec(statement);
  }
  if (hasTrigramTokenizer(db)) {
    for (const statement of NUMBERS) db.exec(statement);
  }
}

/**
 * Tells whether this SQLite has FTS5 with the trigram tokenizer (SQLite
 * 3.34 or later built with FTS5; Node 22.23's SQLite 3.54 has it). Without
 * it the number search scans.
 * NOTE: Electron's own Node was not checked for FTS5, and a later start
 * with FTS5 does not add the index to an archive created without it.
 */
function hasTrigramTokenizer(db: DatabaseSync): boolean {
  try {
    db.exec(
      "CREATE VIRTUAL TABLE temp.trigram_probe USING fts5(x, tokenize = 'trigram')",
    );
    db.exec('DROP TABLE temp.trigram_probe');
    return true;
  } catch {
    return false;
  }
}
