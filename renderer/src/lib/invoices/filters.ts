/**
 * The invoice list's filter form and how it maps onto `invoices.query`, so
 * the filtering, sorting and paging all happen in main's index.
 */
import type { Direction, InvoiceQuery, MessageState, SortField } from '../../../../shared/domain.ts';
import { SORT_FIELDS } from '../../../../shared/domain.ts';
import { parseAmountText } from './amount-text.ts';

/** An amount field's text as typed; it is parsed only when building the query. */
export type AmountValue = string;

export interface InvoiceFilterValues {
  partner: string;
  number: string;
  /** Issue dates as `YYYY-MM-DD`, as Mantine's DatePickerInput returns them. */
  dateFrom: string | null;
  dateTo: string | null;
  amountMin: AmountValue;
  amountMax: AmountValue;
  state: MessageState | null;
}

export const EMPTY_FILTERS: InvoiceFilterValues = {
  partner: '',
  number: '',
  dateFrom: null,
  dateTo: null,
  amountMin: '',
  amountMax: '',
  state: null,
};

export type InvoiceSort = NonNullable<InvoiceQuery['sort']>;

function orderedPair<T>(low: T | undefined, high: T | undefined, greater: (a: T, b: T) => boolean): [T | undefined, T | undefined] {
  if (low !== undefined && high !== undefined && greater(low, high)) return [high, low];
  return [low, high];
}

function amountOrUndefined(value: AmountValue): number | undefined {
  return parseAmountText(value);
}

function isoDateOrUndefined(value: string | null): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/**
 * Builds the query for the current filters. Empty fields are left out, text
 * is trimmed, and a range typed the wrong way round is swapped rather than
 * returning nothing.
 */
export function toInvoiceQuery(
  cif: string,
  direction: Direction,
  filters: InvoiceFilterValues,
  sort?: InvoiceSort,
): InvoiceQuery {
  const query: InvoiceQuery = { cif, direction };
  const partner = filters.partner.trim();
  const number = filters.number.trim();
  if (partner) query.partner = partner;
  if (number) query.number = number;

  const [dateFrom, dateTo] = orderedPair(
    isoDateOrUndefined(filters.dateFrom),
    isoDateOrUndefined(filters.dateTo),
    (a, b) => a > b,
  );
  if (dateFrom) query.dateFrom = dateFrom;
  if (dateTo) query.dateTo = dateTo;

  const [amountMin, amountMax] = orderedPair(
    amountOrUndefined(filters.amountMin),
    amountOrUndefined(filters.amountMax),
    (a, b) => a > b,
  );
  if (amountMin !== undefined) query.amountMin = amountMin;
  if (amountMax !== undefined) query.amountMax = amountMax;

  if (filters.state) query.state = filters.state;
  if (sort) query.sort = sort;
  return query;
}

export function countActiveFilters(filters: InvoiceFilterValues): number {
  const active = [
    filters.partner.trim() !== '',
    filters.number.trim() !== '',
    filters.dateFrom !== null || filters.dateTo !== null,
    amountOrUndefined(filters.amountMin) !== undefined || amountOrUndefined(filters.amountMax) !== undefined,
    filters.state !== null,
  ];
  return active.filter(Boolean).length;
}

function isSortField(value: string): value is SortField {
  return (SORT_FIELDS as readonly string[]).includes(value);
}

/**
 * Maps the grid's sort model to the query's single sort key. Grid columns
 * are named after `InvoiceRow` fields; a column main cannot sort by is
 * ignored, which leaves main's default order (newest first).
 */
export function sortFromGrid(model: ReadonlyArray<{ colId: string; sort: 'asc' | 'desc' }>): InvoiceSort | undefined {
  const first = model[0];
  if (!first || !isSortField(first.colId)) return undefined;
  return { field: first.colId, descending: first.sort === 'desc' };
}
