/**
 * The count and the per-currency sums of a search's whole filter, from
 * `archive_totals` when only its fields are filtered, else from the rows.
 * Rows without a currency (no invoice indexed yet) count but have no
 * totals.
 */
import type { DatabaseSync } from 'node:sqlite';

import type { CurrencyTotals } from '../../../shared/domain.ts';

import type { Filter } from './search-filter.ts';

export interface FilterTotals {
  count: number;
  totals: CurrencyTotals[];
}

interface CurrencyGroup {
  currency: string | null;
  count: number;
  net: number | null;
  vat: number | null;
  total: number | null;
}

/**
 * Sums the rows of a filter read through `source`, which is
 * `archive_messages` with its index clause.
 */
export function scanTotals(
  db: DatabaseSync,
  source: string,
  filter: Filter,
): FilterTotals {
  const groups = db
    .prepare(
      `SELECT currency, count(*) AS count, sum(net_cents) AS net,
         sum(vat_cents) AS vat, sum(total_cents) AS total
       FROM ${source} WHERE ${filter.sql}
       GROUP BY currency ORDER BY count(*) DESC, currency`,
    )
    .all(...filter.params) as unknown as CurrencyGroup[];
  return toFilterTotals(groups);
}

/**
 * Sums the kept totals of a filter built in the `key` form from summable
 * terms. A message without a currency is kept under ''.
 */
export function summaryTotals(db: DatabaseSync, filter: Filter): FilterTotals {
  const groups = db
    .prepare(
      `SELECT nullif(currency, '') AS currency, sum(count) AS count,
         sum(net_cents) AS net, sum(vat_cents) AS vat,
         sum(total_cents) AS total
       FROM archive_totals WHERE ${filter.sql}
       GROUP BY currency HAVING sum(count) > 0
       ORDER BY sum(count) DESC, currency`,
    )
    .all(...filter.params) as unknown as CurrencyGroup[];
  return toFilterTotals(groups);
}

/** Counts the kept rows of a summable filter in the `key` form. */
export function summaryCount(db: DatabaseSync, filter: Filter): number {
  const row = db
    .prepare(
      `SELECT coalesce(sum(count), 0) AS count FROM archive_totals
       WHERE ${filter.sql}`,
    )
    .get(...filter.params) as { count: number };
  return row.count;
}

function toFilterTotals(groups: readonly CurrencyGroup[]): FilterTotals {
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
