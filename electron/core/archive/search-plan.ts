/**
 * Chooses how a search reads the archive. Each filter that an index can
 * seek (partner, number, date range, amount range, state) gives the
 * number of index entries that seek visits, counted cheaply: from
 * `archive_totals`, or by counting entries up to a limit. The filter that
 * visits the fewest drives both the page and the totals when it visits
 * fewer than walking the sort order would, so the cost follows the rows
 * matched, not the archive's size. Otherwise the page walks an index in
 * the sort order and stops after the page, and the totals come from
 * `archive_totals` or a scan of the narrowest covering range.
 */
import type { DatabaseSync } from 'node:sqlite';

import type { InvoiceQuery, SortField } from '../../../shared/domain.ts';

import {
  addRangeClauses,
  directionFilter,
  hasAmountRange,
  hasDateRange,
  hasFilters,
  isSummable,
  termsFilter,
  type Filter,
  type PartnerForm,
  type SearchTerms,
} from './search-filter.ts';
import { summaryCount } from './search-totals.ts';

/** Sorted pages up to this row are read by walking a sort-field index. */
const WALK_LIMIT = 1000;

/** The shortest substring the trigram index can find. */
const TRIGRAM_MIN_LENGTH = 3;

export const SEARCH_INDEX = 'archive_messages_search';

/**
 * Indexes that list a direction in a sort field's order. The search index
 * leads with the creation time, so it is that field's index.
 */
const SORT_INDEXES: Readonly<Record<SortField, string>> = {
  createdAt: SEARCH_INDEX,
  issueDate: 'archive_messages_issue',
  dueDate: 'archive_messages_due',
  number: 'archive_messages_number',
  partnerName: 'archive_messages_partner',
  total: 'archive_messages_total',
};

/** One way to read the rows of a filter. */
export interface Access {
  /** `archive_messages` with its INDEXED BY or NOT INDEXED clause. */
  source: string;
  filter: Filter;
}

export interface SearchPlan {
  page: Access;
  /** Null when the totals come from `archive_totals`. */
  totals: Access | null;
}

interface Driver {
  access: Access;
  /** Index entries or rows the driver reads, counted up to the limit + 1. */
  visits: number;
  /** Whether the driver's index also covers the totals of a range scan. */
  range: boolean;
}

export interface PlanOptions {
  /**
   * The maximum number of entries a driver may visit; by default the
   * entries a walk in the sort order is expected to visit.
   */
  candidateLimit: number | undefined;
  /** Whether the archive has the trigram index `archive_numbers`. */
  hasNumberIndex: boolean;
}

/** Plans a query whose `offset` and `limit` are set. */
export function planSearch(
  db: DatabaseSync,
  query: InvoiceQuery,
  terms: SearchTerms,
  options: PlanOptions,
): SearchPlan {
  const limit = options.candidateLimit ?? walkCost(db, query, terms);
  const drivers = findDrivers(db, terms, limit, options.hasNumberIndex);
  const best = fewestVisits(drivers);
  const summable = isSummable(terms);

  if (best !== null && best.visits <= limit) {
    return { page: best.access, totals: summable ? null : best.access };
  }

  const page = walkInOrder(query, terms);
  if (summable) return { page, totals: null };
  const narrowest = fewestVisits(drivers.filter((driver) => driver.range));
  return { page, totals: narrowest?.access ?? searchIndexAccess(terms) };
}

/**
 * Estimates the entries a walk in the sort order visits before the page
 * is full. With matches spread evenly, that is the page end over the
 * share of matching rows, about `pageEnd * rows / v` when a driver visits
 * `v` entries. The driver is cheaper while `v` is below that, so the
 * limit is the square root of page end times direction rows. A walk that cannot follow
 * the order reads every row of the direction, or of the company when no
 * direction is given, so any driver is cheaper.
 */
function walkCost(
  db: DatabaseSync,
  query: InvoiceQuery,
  terms: SearchTerms,
): number {
  if (!isOrderedWalk(query, terms)) return Number.MAX_SAFE_INTEGER;
  const rows = summaryCount(db, directionFilter(terms));
  const pageEnd = (query.offset ?? 0) + (query.limit ?? 0);
  return Math.ceil(Math.sqrt(pageEnd * rows));
}

function fewestVisits(drivers: readonly Driver[]): Driver | null {
  return drivers.reduce<Driver | null>(
    (fewest, driver) =>
      fewest === null || driver.visits < fewest.visits ? driver : fewest,
    null,
  );
}

/** Lists the filters that can drive, each with the entries it visits. */
function findDrivers(
  db: DatabaseSync,
  terms: SearchTerms,
  limit: number,
  hasNumberIndex: boolean,
): Driver[] {
  const drivers: Driver[] = [];
  if (terms.partner) {
    const seeks = { ...directionOnly(terms), partner: terms.partner };
    drivers.push(
      summaryDriver(db, terms, seeks, 'archive_messages_partner_key'),
    );
  }
  if (hasNumberIndex && [...terms.number].length >= TRIGRAM_MIN_LENGTH) {
    drivers.push(numberDriver(db, terms, limit));
  }
  if (hasDateRange(terms)) {
    drivers.push(rangeDriver(db, terms, 'archive_messages_date', limit));
  }
  if (hasAmountRange(terms)) {
    drivers.push(rangeDriver(db, terms, 'archive_messages_total', limit));
  }
  if (terms.state !== undefined) {
    const seeks = {
      ...directionOnly(terms),
      state: terms.state,
      currency: terms.currency,
    };
    drivers.push(summaryDriver(db, terms, seeks, 'archive_messages_exact'));
  }
  return drivers;
}

/** Returns the terms' company and direction with nothing else filtered. */
function directionOnly(terms: SearchTerms): SearchTerms {
  return {
    cif: terms.cif,
    direction: terms.direction,
    partner: '',
    number: '',
    dateFrom: undefined,
    dateTo: undefined,
    minCents: undefined,
    maxCents: undefined,
    currency: undefined,
    state: undefined,
  };
}

/**
 * Builds a driver whose visits `archive_totals` counts exactly: the rows
 * of the fields its index seeks on (`seeks`). Its other filters are
 * checked on the index entries.
 */
function summaryDriver(
  db: DatabaseSync,
  terms: SearchTerms,
  seeks: SearchTerms,
  index: string,
): Driver {
  return {
    access: indexAccess(index, terms, 'key'),
    visits: summaryCount(db, termsFilter(seeks, 'key')),
    range: false,
  };
}

/**
 * Finds the rows by id through the trigram index. Its count covers every
 * company, so it is an upper bound, and counting stops past the limit.
 */
function numberDriver(
  db: DatabaseSync,
  terms: SearchTerms,
  limit: number,
): Driver {
  // A quoted FTS5 phrase, in which only the double quote is special.
  const phrase = `"${terms.number.replaceAll('"', '""')}"`;
  const counted = db
    .prepare(
      `SELECT count(*) AS count FROM (SELECT rowid FROM archive_numbers
         WHERE archive_numbers MATCH ? LIMIT ?)`,
    )
    .get(phrase, limit + 1) as { count: number };

  const filter = termsFilter(terms, 'text');
  filter.sql += ` AND id IN
    (SELECT rowid FROM archive_numbers WHERE archive_numbers MATCH ?)`;
  filter.params.push(phrase);
  return {
    access: { source: 'archive_messages NOT INDEXED', filter },
    visits: counted.count,
    range: false,
  };
}

/** Counts the index entries of a date or amount range, up to the limit. */
function rangeDriver(
  db: DatabaseSync,
  terms: SearchTerms,
  index: string,
  limit: number,
): Driver {
  const range = directionFilter(terms);
  addRangeClauses(range, terms);
  const counted = db
    .prepare(
      `SELECT count(*) AS count FROM (SELECT 1 FROM archive_messages
         INDEXED BY ${index} WHERE ${range.sql} LIMIT ?)`,
    )
    .get(...range.params, limit + 1) as { count: number };
  return {
    access: indexAccess(index, terms, 'key'),
    visits: counted.count,
    range: true,
  };
}

/**
 * Reads the page in the sort order and stops after it: the search index
 * covers every filter and leads with the creation time, and a sort
 * field's own index serves another order. That index covers only the
 * company, direction and field, so with a filter it serves the first
 * pages only, and deeper pages scan the search index and sort.
 */
function walkInOrder(query: InvoiceQuery, terms: SearchTerms): Access {
  if (!isOrderedWalk(query, terms)) return searchIndexAccess(terms);
  return indexAccess(SORT_INDEXES[sortField(query)], terms, 'text');
}

function isOrderedWalk(query: InvoiceQuery, terms: SearchTerms): boolean {
  const pageEnd = (query.offset ?? 0) + (query.limit ?? 0);
  return (
    terms.direction !== undefined &&
    (sortField(query) === 'createdAt' ||
      !hasFilters(terms) ||
      pageEnd <= WALK_LIMIT)
  );
}

function sortField(query: InvoiceQuery): SortField {
  return query.sort?.field ?? 'createdAt';
}

function searchIndexAccess(terms: SearchTerms): Access {
  return indexAccess(SEARCH_INDEX, terms, 'text');
}

function indexAccess(
  index: string,
  terms: SearchTerms,
  partnerForm: PartnerForm,
): Access {
  return {
    source: `archive_messages INDEXED BY ${index}`,
    filter: termsFilter(terms, partnerForm),
  };
}
