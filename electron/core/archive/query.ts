/**
 * The browser's search over the archive: one company, optionally one
 * direction, with substring filters on the folded partner and number
 * columns, ranges on the document date and the total, and exact currency
 * and state. Returns one sorted page and the totals of the whole filter.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';

import type {
  CurrencyTotals,
  InvoicePage,
  InvoiceQuery,
  InvoiceRow,
  SortField,
} from '../../../shared/domain.ts';

import { amountToCents } from './amounts.ts';
import { foldSearchText } from './fold.ts';
import {
  BROWSABLE_DIRECTIONS,
  ROW_COLUMNS,
  toInvoiceRow,
  type StoredRow,
} from './rows.ts';

export const DEFAULT_PAGE_SIZE = 100;
/** The IPC contract accepts pages of up to 5000 rows. */
export const MAX_PAGE_SIZE = 5000;

const SORT_COLUMNS: Readonly<Record<SortField, string>> = {
  createdAt: 'created_at',
  issueDate: 'issue_date',
  dueDate: 'due_date',
  number: 'number_folded',
  partnerName: 'partner_folded',
  total: 'total_cents',
};

export interface Filter {
  sql: string;
  params: SQLInputValue[];
}

/**
 * Builds the WHERE clause of a query. Text filters are folded like the
 * stored columns and matched with `instr`, so `%` and `_` in them are plain
 * characters. Dates compare `doc_date`: the invoice's issue date, or the
 * Romania date of the message when no invoice is indexed.
 */
export function buildFilter(query: InvoiceQuery): Filter {
  const clauses = ['cif = ?'];
  const params: SQLInputValue[] = [query.cif];

  if (query.direction) {
    clauses.push('direction = ?');
    params.push(query.direction);
  } else {
    clauses.push(
      `direction IN (${BROWSABLE_DIRECTIONS.map(() => '?').join(', ')})`,
    );
    params.push(...BROWSABLE_DIRECTIONS);
  }

  const partner = foldSearchText(query.partner ?? '');
  if (partner) {
    clauses.push('instr(partner_folded, ?) > 0');
    params.push(partner);
  }
  const number = foldSearchText(query.number ?? '');
  if (number) {
    clauses.push('instr(number_folded, ?) > 0');
    params.push(number);
  }

  addComparison(clauses, params, 'doc_date >= ?', query.dateFrom);
  addComparison(clauses, params, 'doc_date <= ?', query.dateTo);
  addComparison(clauses, params, 'total_cents >= ?', cents(query.amountMin));
  addComparison(clauses, params, 'total_cents <= ?', cents(query.amountMax));
  addComparison(clauses, params, 'currency = ?', query.currency);
  addComparison(clauses, params, 'state = ?', query.state);

  return { sql: clauses.join(' AND '), params };
}

function addComparison(
  clauses: string[],
  params: SQLInputValue[],
  clause: string,
  value: string | number | undefined,
): void {
  if (value === undefined) return;
  clauses.push(clause);
  params.push(value);
}

function cents(amount: number | undefined): number | undefined {
  return amount === undefined ? undefined : amountToCents(amount);
}

/** Returns `ORDER BY ...` for a query; newest first by default. */
export function orderBy(query: InvoiceQuery): string {
  const field = query.sort?.field ?? 'createdAt';
  const direction = (query.sort?.descending ?? true) ? 'DESC' : 'ASC';
  return `ORDER BY ${SORT_COLUMNS[field]} ${direction}, id ${direction}`;
}

/**
 * Indexes that list a direction in a sort field's order, used when only
 * company and direction are filtered. The search index leads with the
 * creation time, so it is that field's index.
 */
const SEARCH_INDEX = 'archive_messages_search';
const SORT_INDEXES: Readonly<Record<SortField, string>> = {
  createdAt: SEARCH_INDEX,
  issueDate: 'archive_messages_issue',
  dueDate: 'archive_messages_due',
  number: 'archive_messages_number',
  partnerName: 'archive_messages_partner',
  total: 'archive_messages_total',
};

/** Filter totals kept for repeated pages of one filter. */
const TOTALS_CACHE_SIZE = 32;

interface FilterTotals {
  count: number;
  totals: CurrencyTotals[];
}

/**
 * Runs searches in two steps that read index entries only: the ids of one
 * page from an index that covers the filter and sort columns, then those
 * rows by id. The totals of a filter are kept until the database changes,
 * so scrolling through the pages of one filter sums it once.
 */
export class InvoiceSearch {
  readonly #db: DatabaseSync;
  readonly #totals = new Map<string, FilterTotals>();

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  query(query: InvoiceQuery): InvoicePage {
    const filter = buildFilter(query);
    const limit = Math.min(query.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const offset = Math.max(query.offset ?? 0, 0);

    const ids = this.#db
      .prepare(
        `SELECT id FROM archive_messages INDEXED BY ${pageIndex(query)}
         WHERE ${filter.sql} ${orderBy(query)} LIMIT ? OFFSET ?`,
      )
      .all(...filter.params, limit, offset) as Array<{ id: number }>;
    const rows = this.#rowsById(ids.map((row) => row.id));

    const { count, totals } = this.#filterTotals(filter);
    return { rows, total: count, totals };
  }

  #rowsById(ids: number[]): InvoiceRow[] {
    if (ids.length === 0) return [];
    const stored = this.#db
      .prepare(
        `SELECT ${ROW_COLUMNS} FROM archive_messages
         WHERE id IN (${ids.map(() => '?').join(', ')})`,
      )
      .all(...ids) as unknown as StoredRow[];
    const byId = new Map(stored.map((row) => [row.id, row]));
    return ids
      .map((id) => byId.get(id))
      .map((row) => (row ? toInvoiceRow(row) : null))
      .filter((row): row is InvoiceRow => row !== null);
  }

  #filterTotals(filter: Filter): FilterTotals {
    const key = `${this.#changeMark()}\u0000${filter.sql}\u0000${JSON.stringify(filter.params)}`;
    const cached = this.#totals.get(key);
    if (cached) return cached;

    const computed = filterTotals(this.#db, filter);
    if (this.#totals.size >= TOTALS_CACHE_SIZE) this.#totals.clear();
    this.#totals.set(key, computed);
    return computed;
  }

  /**
   * Changes when any connection commits: `data_version` moves for other
   * connections' commits, `total_changes()` for this one's.
   */
  #changeMark(): string {
    const version = this.#db.prepare('PRAGMA data_version').get() as {
      data_version: number;
    };
    const changes = this.#db
      .prepare('SELECT total_changes() AS changes')
      .get() as {
      changes: number;
    };
    return `${version.data_version}:${changes.changes}`;
  }
}

/**
 * Chooses the index for the page step. When only company and one direction
 * are filtered, the sort field's own index reads the page in order and the
 * scan stops after it. Otherwise the search index covers every filter.
 */
function pageIndex(query: InvoiceQuery): string {
  const filtered =
    foldSearchText(query.partner ?? '') !== '' ||
    foldSearchText(query.number ?? '') !== '' ||
    [
      query.dateFrom,
      query.dateTo,
      query.amountMin,
      query.amountMax,
      query.currency,
      query.state,
    ].some((value) => value !== undefined);
  if (filtered || query.direction === undefined) return SEARCH_INDEX;
  return SORT_INDEXES[query.sort?.field ?? 'createdAt'];
}

/**
 * Counts the rows of a filter and sums their amounts per currency. Rows
 * without a currency (no invoice indexed yet) count but have no totals.
 */
export function filterTotals(db: DatabaseSync, filter: Filter): FilterTotals {
  const groups = db
    .prepare(
      `SELECT currency, count(*) AS count, sum(net_cents) AS net,
         sum(vat_cents) AS vat, sum(total_cents) AS total
       FROM archive_messages INDEXED BY ${SEARCH_INDEX} WHERE ${filter.sql}
       GROUP BY currency ORDER BY count(*) DESC, currency`,
    )
    .all(...filter.params) as Array<{
    currency: string | null;
    count: number;
    net: number | null;
    vat: number | null;
    total: number | null;
  }>;

  let count = 0;
  const totals: CurrencyTotals[] = [];
  for (const group of groups) {
    count += group.count;
    if (group.currency === null) continue;
    totals.push({
      currency: group.currency,
      count: group.count,
      net: (group.net ?? 0) / 100,
      vat: (group.vat ?? 0) / 100,
      total: (group.total ?? 0) / 100,
    });
  }
  return { count, totals };
}
