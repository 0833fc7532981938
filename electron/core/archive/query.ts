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

import { amountToCents, centsToAmount } from './amounts.ts';
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

/** Runs a query: one page of rows and the totals of the whole filter. */
export function queryInvoices(
  db: DatabaseSync,
  query: InvoiceQuery,
): InvoicePage {
  const filter = buildFilter(query);
  const limit = Math.min(query.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const offset = Math.max(query.offset ?? 0, 0);

  const stored = db
    .prepare(
      `SELECT ${ROW_COLUMNS} FROM archive_messages WHERE ${filter.sql}
       ${orderBy(query)} LIMIT ? OFFSET ?`,
    )
    .all(...filter.params, limit, offset) as unknown as StoredRow[];
  const rows = stored
    .map(toInvoiceRow)
    .filter((row): row is InvoiceRow => row !== null);

  const { count, totals } = filterTotals(db, filter);
  return { rows, total: count, totals };
}

/**
 * Counts the rows of a filter and sums their amounts per currency. Rows
 * without a currency (no invoice indexed yet) count but have no totals.
 */
export function filterTotals(
  db: DatabaseSync,
  filter: Filter,
): { count: number; totals: CurrencyTotals[] } {
  const groups = db
    .prepare(
      `SELECT currency, count(*) AS count, sum(net_cents) AS net,
         sum(vat_cents) AS vat, sum(total_cents) AS total
       FROM archive_messages WHERE ${filter.sql}
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
      net: centsToAmount(group.net ?? 0) ?? 0,
      vat: centsToAmount(group.vat ?? 0) ?? 0,
      total: centsToAmount(group.total ?? 0) ?? 0,
    });
  }
  return { count, totals };
}
