/**
 * Reads for the exports: every row of a filter, with the columns the CSV
 * needs beyond `InvoiceRow`. The ids of the matching rows are read once,
 * so an export that runs while a sync stores more messages reads one
 * fixed set of rows, however often it reads them.
 */
import type { DatabaseSync } from 'node:sqlite';

import type { InvoiceQuery, InvoiceRow } from '../../../shared/domain.ts';
import { MAX_SELECTED_MESSAGES } from '../../../shared/ipc/contract.ts';
import { AppFailure } from '../../../shared/result.ts';

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

/** The rows a filter matched when the selection was made, in sort order. */
export interface ExportSelection {
  readonly count: number;
  /** Yields the rows; each call reads them again, with current values. */
  rows(): Generator<ArchivedInvoice>;
}

const BATCH = 500;

/** Selects every row of a query's filter in its sort order, ignoring paging. */
export function selectForExport(
  db: DatabaseSync,
  query: InvoiceQuery,
): ExportSelection {
  const filter = buildFilter(query);
  const ids = (
    db
      .prepare(
        `SELECT id FROM archive_messages WHERE ${filter.sql} ${orderBy(query)}`,
      )
      .all(...filter.params) as Array<{ id: number }>
  ).map((row) => row.id);
  return { count: ids.length, rows: () => rowsByIds(db, ids) };
}

/** The search fields that narrow a selection by message ids. */
export type SelectionFilter = Omit<InvoiceQuery, 'cif' | 'offset' | 'limit'>;

/**
 * Selects one company's messages with the given ids, in the filter's sort
 * order (newest first without one). Ids the company lacks are left out.
 * A filter also leaves out the rows it does not match, and without one
 * every direction is kept. The company and message id index finds the
 * rows, so the cost follows the number of ids, not the archive's size.
 * Fails with `input.invalid` for more than `MAX_SELECTED_MESSAGES`
 * distinct ids, the IPC contract's cap on a selection.
 */
export function selectByIds(
  db: DatabaseSync,
  cif: string,
  messageIds: readonly string[],
  filter?: SelectionFilter,
): ExportSelection {
  const unique = [...new Set(messageIds)];
  if (unique.length > MAX_SELECTED_MESSAGES) {
    throw new AppFailure(
      'input.invalid',
      `${unique.length} messages were selected, and one call takes at most ${MAX_SELECTED_MESSAGES}. Select fewer and try again.`,
      { count: unique.length },
    );
  }
  const query: InvoiceQuery = { ...filter, cif };
  const where = filter ? buildFilter(query) : { sql: 'cif = ?', params: [cif] };
  const ids = (
    db
      .prepare(
        `SELECT id FROM archive_messages INDEXED BY archive_messages_key
         WHERE ${where.sql}
           AND message_id IN (SELECT value FROM json_each(?))
         ${orderBy(query)}`,
      )
      .all(...where.params, JSON.stringify(unique)) as Array<{ id: number }>
  ).map((row) => row.id);
  return { count: ids.length, rows: () => rowsByIds(db, ids) };
}

function* rowsByIds(
  db: DatabaseSync,
  ids: readonly number[],
): Generator<ArchivedInvoice> {
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    const stored = db
      .prepare(
        `SELECT ${ROW_COLUMNS}, type_code, zip_path FROM archive_messages
         WHERE id IN (${placeholders(batch)})`,
      )
      .all(...batch) as unknown as Array<
      StoredRow & { type_code: string | null; zip_path: string }
    >;
    const byId = new Map(stored.map((row) => [row.id, row]));
    const vat = vatRows(db, batch);
    for (const id of batch) {
      const found = byId.get(id);
      const row = found ? toInvoiceRow(found) : null;
      if (!found || !row) continue;
      yield {
        row,
        typeCode: found.type_code,
        vat: vat.get(id) ?? [],
        zipPath: found.zip_path,
      };
    }
  }
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

function vatRows(
  db: DatabaseSync,
  ids: readonly number[],
): Map<number, VatRow[]> {
  const byRow = new Map<number, VatRow[]>();
  if (ids.length === 0) return byRow;

  const rows = db
    .prepare(
      `SELECT message_row, category, rate, taxable_cents, tax_cents
       FROM archive_vat WHERE message_row IN (${placeholders(ids)})
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
