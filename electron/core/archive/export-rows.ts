/**
 * Reads for the exports: every row of a filter in pages, with the columns
 * the CSV needs beyond `InvoiceRow`, and the stored files of a period.
 */
import type { DatabaseSync } from 'node:sqlite';

import type { InvoiceQuery, InvoiceRow } from '../../../shared/domain.ts';

import type { VatRow } from './index-fields.ts';
import { buildFilter, orderBy } from './query.ts';
import { ROW_COLUMNS, toInvoiceRow, type StoredRow } from './rows.ts';

export interface ArchivedInvoice {
  row: InvoiceRow;
  /** UNTDID 1001 type code of the invoice, e.g. `380`, `381`. */
  typeCode: string | null;
  /** VAT breakdown, amounts in cents, negative for credit notes. */
  vat: VatRow[];
  /** Path of the ZIP relative to the archive root. */
  zipPath: string;
}

const BATCH = 500;

/** Yields every row of a query's filter in its sort order, ignoring paging. */
export function* exportRows(
  db: DatabaseSync,
  query: InvoiceQuery,
): Generator<ArchivedInvoice> {
  const filter = buildFilter(query);
  const statement = db.prepare(
    `SELECT ${ROW_COLUMNS}, type_code, zip_path FROM archive_messages
     WHERE ${filter.sql} ${orderBy(query)} LIMIT ? OFFSET ?`,
  );
  for (let offset = 0; ; offset += BATCH) {
    const batch = statement.all(
      ...filter.params,
      BATCH,
      offset,
    ) as unknown as Array<
      StoredRow & { type_code: string | null; zip_path: string }
    >;
    const vat = vatRows(
      db,
      batch.map((stored) => stored.id),
    );
    for (const stored of batch) {
      const row = toInvoiceRow(stored);
      if (row === null) continue;
      yield {
        row,
        typeCode: stored.type_code,
        vat: vat.get(stored.id) ?? [],
        zipPath: stored.zip_path,
      };
    }
    if (batch.length < BATCH) return;
  }
}

function vatRows(db: DatabaseSync, ids: number[]): Map<number, VatRow[]> {
  const byRow = new Map<number, VatRow[]>();
  if (ids.length === 0) return byRow;

  const rows = db
    .prepare(
      `SELECT message_row, category, rate, taxable_cents, tax_cents
       FROM archive_vat WHERE message_row IN (${ids.map(() => '?').join(', ')})
       ORDER BY rowid`,
    )
    .all(...ids) as Array<{
    message_row: number;
    category: string | null;
    rate: string | null;
    taxable_cents: number | null;
    tax_cents: number | null;
  }>;
  for (const row of rows) {
    const list = byRow.get(row.message_row) ?? [];
    list.push({
      category: row.category,
      rate: row.rate,
      taxableCents: row.taxable_cents,
      taxCents: row.tax_cents,
    });
    byRow.set(row.message_row, list);
  }
  return byRow;
}
