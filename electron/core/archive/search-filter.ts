/**
 * The WHERE clauses of the archive search. Text filters are folded like
 * the stored columns and matched with `instr`, so `%` and `_` in them are
 * plain characters. Dates compare `doc_date`: the invoice's issue date, or
 * the Romania date of the message when no invoice is indexed.
 */
import type { SQLInputValue } from 'node:sqlite';

import type { InvoiceQuery } from '../../../shared/domain.ts';

import { amountToCents } from './amounts.ts';
import { foldSearchText } from './fold.ts';
import { BROWSABLE_DIRECTIONS } from './rows.ts';

export interface Filter {
  sql: string;
  params: SQLInputValue[];
}

/**
 * The form of a filter's partner clause: the folded text, which the search
 * index covers, or the partner key matched in `archive_partners`, which
 * the partner, date, total and state indexes and `archive_totals` cover.
 * Both match the same rows, because the store writes the key with the
 * text.
 */
export type PartnerForm = 'text' | 'key';

/** The parts of a query that decide which rows match, folded and in cents. */
export interface SearchTerms {
  cif: string;
  direction: InvoiceQuery['direction'];
  partner: string;
  number: string;
  dateFrom: string | undefined;
  dateTo: string | undefined;
  minCents: number | undefined;
  maxCents: number | undefined;
  currency: string | undefined;
  state: InvoiceQuery['state'];
}

export function searchTerms(query: InvoiceQuery): SearchTerms {
  return {
    cif: query.cif,
    direction: query.direction,
    partner: foldSearchText(query.partner ?? ''),
    number: foldSearchText(query.number ?? ''),
    dateFrom: query.dateFrom,
    dateTo: query.dateTo,
    minCents: cents(query.amountMin),
    maxCents: cents(query.amountMax),
    currency: query.currency,
    state: query.state,
  };
}

function cents(amount: number | undefined): number | undefined {
  return amount === undefined ? undefined : amountToCents(amount);
}

/** Tells whether only fields that `archive_totals` keeps are filtered. */
export function isSummable(terms: SearchTerms): boolean {
  return (
    terms.number === '' &&
    !hasDateRange(terms) &&
    terms.minCents === undefined &&
    terms.maxCents === undefined
  );
}

/** Tells whether anything but the company and direction is filtered. */
export function hasFilters(terms: SearchTerms): boolean {
  return (
    !isSummable(terms) ||
    terms.partner !== '' ||
    terms.currency !== undefined ||
    terms.state !== undefined
  );
}

export function hasDateRange(terms: SearchTerms): boolean {
  return terms.dateFrom !== undefined || terms.dateTo !== undefined;
}

export function hasAmountRange(terms: SearchTerms): boolean {
  return terms.minCents !== undefined || terms.maxCents !== undefined;
}

/** Builds the WHERE clause of a query over `archive_messages`. */
export function buildFilter(
  query: InvoiceQuery,
  partnerForm: PartnerForm = 'text',
): Filter {
  return termsFilter(searchTerms(query), partnerForm);
}

/**
 * Builds the WHERE clause of search terms. With the `key` form and only
 * summable terms it names only columns that `archive_totals` has too.
 */
export function termsFilter(
  terms: SearchTerms,
  partnerForm: PartnerForm,
): Filter {
  const filter = directionFilter(terms);
  if (terms.partner) {
    filter.sql +=
      partnerForm === 'text'
        ? ' AND instr(partner_folded, ?) > 0'
        : ` AND partner_key IN
            (SELECT id FROM archive_partners WHERE instr(folded, ?) > 0)`;
    filter.params.push(terms.partner);
  }
  if (terms.number) {
    filter.sql += ' AND instr(number_folded, ?) > 0';
    filter.params.push(terms.number);
  }
  addRangeClauses(filter, terms);
  addComparison(filter, 'currency = ?', terms.currency);
  addComparison(filter, 'state = ?', terms.state);
  return filter;
}

/**
 * Returns the clause for the company and one direction, or every
 * direction the browser lists.
 */
export function directionFilter(terms: SearchTerms): Filter {
  if (terms.direction) {
    return {
      sql: 'cif = ? AND direction = ?',
      params: [terms.cif, terms.direction],
    };
  }
  const marks = BROWSABLE_DIRECTIONS.map(() => '?').join(', ');
  return {
    sql: `cif = ? AND direction IN (${marks})`,
    params: [terms.cif, ...BROWSABLE_DIRECTIONS],
  };
}

/** Adds the date and amount ranges of the terms to a filter. */
export function addRangeClauses(filter: Filter, terms: SearchTerms): void {
  addComparison(filter, 'doc_date >= ?', terms.dateFrom);
  addComparison(filter, 'doc_date <= ?', terms.dateTo);
  addComparison(filter, 'total_cents >= ?', terms.minCents);
  addComparison(filter, 'total_cents <= ?', terms.maxCents);
}

function addComparison(
  filter: Filter,
  clause: string,
  value: string | number | undefined,
): void {
  if (value === undefined) return;
  filter.sql += ` AND ${clause}`;
  filter.params.push(value);
}
