/**
 * The browser's search over the archive: one company, optionally one
 * direction, with substring filters on the folded partner and number
 * columns, ranges on the document date and the total, and exact currency
 * and state. Returns one sorted page and, unless the query sets
 * `withTotals: false`, the count and totals of the whole filter.
 */
import type { DatabaseSync } from 'node:sqlite';

import type {
  InvoicePage,
  InvoiceQuery,
  InvoiceRow,
  SortField,
} from '../../../shared/domain.ts';

import { ROW_COLUMNS, toInvoiceRow, type StoredRow } from './rows.ts';
import { buildFilter, searchTerms, type Filter } from './search-filter.ts';
import { planSearch, type SearchPlan } from './search-plan.ts';
import {
  scanTotals,
  summaryTotals,
  type FilterTotals,
} from './search-totals.ts';

export { buildFilter, type Filter } from './search-filter.ts';

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

/** Returns `ORDER BY ...` for a query; newest first by default. */
export function orderBy(query: InvoiceQuery): string {
  const field = query.sort?.field ?? 'createdAt';
  const direction = (query.sort?.descending ?? true) ? 'DESC' : 'ASC';
  return `ORDER BY ${SORT_COLUMNS[field]} ${direction}, id ${direction}`;
}

/** Filter totals kept for repeated pages of one filter. */
const TOTALS_CACHE_SIZE = 32;

export interface InvoiceSearchOptions {
  /**
   * Entries a filter may visit and still drive the search, in place of
   * the estimate `planSearch` makes; tests set it to force a plan.
   */
  candidateLimit?: number;
}

/**
 * Runs searches in two steps: the ids of one page, read as `planSearch`
 * chooses, then those rows by id. The totals of a filter are kept until
 * the database changes, so scrolling through the pages of one filter sums
 * it once.
 */
export class InvoiceSearch {
  readonly #db: DatabaseSync;
  readonly #candidateLimit: number | undefined;
  readonly #totals = new Map<string, FilterTotals>();
  #hasNumberIndex: boolean | null = null;

  constructor(db: DatabaseSync, options: InvoiceSearchOptions = {}) {
    this.#db = db;
    this.#candidateLimit = options.candidateLimit;
  }

  query(query: InvoiceQuery & { withTotals?: true }): Required<InvoicePage>;
  query(query: InvoiceQuery): InvoicePage;
  query(query: InvoiceQuery): InvoicePage {
    const limit = Math.min(query.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const offset = Math.max(query.offset ?? 0, 0);
    const paged = { ...query, limit, offset };
    const plan = this.plan(paged);

    const ids = this.#db
      .prepare(
        `SELECT id FROM ${plan.page.source} WHERE ${plan.page.filter.sql}
         ${orderBy(paged)} LIMIT ? OFFSET ?`,
      )
      .all(...plan.page.filter.params, limit, offset) as Array<{
      id: number;
    }>;
    const rows = this.#rowsById(ids.map((row) => row.id));
    if (query.withTotals === false) return { rows };

    const { count, totals } = this.#filterTotals(paged, plan);
    return { rows, total: count, totals };
  }

  /** Returns how a query reads the archive; tests compare the plans. */
  plan(query: InvoiceQuery): SearchPlan {
    return planSearch(this.#db, query, searchTerms(query), {
      candidateLimit: this.#candidateLimit,
      hasNumberIndex: this.#numberIndexExists(),
    });
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

  /** Sums a filter once per database change, whatever plan reads it. */
  #filterTotals(query: InvoiceQuery, plan: SearchPlan): FilterTotals {
    const filter: Filter = buildFilter(query);
    const key = `${this.#changeMark()}\u0000${filter.sql}\u0000${JSON.stringify(filter.params)}`;
    const cached = this.#totals.get(key);
    if (cached) return cached;

    const computed = plan.totals
      ? scanTotals(this.#db, plan.totals.source, plan.totals.filter)
      : summaryTotals(this.#db, buildFilter(query, 'key'));
    if (this.#totals.size >= TOTALS_CACHE_SIZE) this.#totals.clear();
    this.#totals.set(key, computed);
    return computed;
  }

  #numberIndexExists(): boolean {
    this.#hasNumberIndex ??=
      this.#db
        .prepare(
          "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'archive_numbers'",
        )
        .get() !== undefined;
    return this.#hasNumberIndex;
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
