// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import {
  countActiveFilters,
  EMPTY_FILTERS,
  sortFromGrid,
  toInvoiceQuery,
} from '../../../renderer/src/lib/invoices/filters.ts';

describe('toInvoiceQuery', () => {
  test('empty filters give only company and direction', () => {
    expect(toInvoiceQuery('2816464', 'received', EMPTY_FILTERS)).toEqual({ cif: '2816464', direction: 'received' });
  });

  test('trims text and drops blanks', () => {
    const query = toInvoiceQuery('1', 'sent', { ...EMPTY_FILTERS, partner: '  Șerban ', number: '   ' });
    expect(query.partner).toBe('Șerban');
    expect('number' in query).toBe(false);
  });

  test('maps the date range', () => {
    const query = toInvoiceQuery('1', 'received', { ...EMPTY_FILTERS, dateFrom: '2025-01-01', dateTo: '2025-01-31' });
    expect(query.dateFrom).toBe('2025-01-01');
    expect(query.dateTo).toBe('2025-01-31');
  });

  test('swaps a reversed date range', () => {
    const query = toInvoiceQuery('1', 'received', { ...EMPTY_FILTERS, dateFrom: '2025-02-01', dateTo: '2025-01-01' });
    expect([query.dateFrom, query.dateTo]).toEqual(['2025-01-01', '2025-02-01']);
  });

  test('keeps an open-ended date range', () => {
    const query = toInvoiceQuery('1', 'received', { ...EMPTY_FILTERS, dateFrom: '2025-02-01' });
    expect(query.dateFrom).toBe('2025-02-01');
    expect('dateTo' in query).toBe(false);
  });

  test('ignores a malformed date', () => {
    const query = toInvoiceQuery('1', 'received', { ...EMPTY_FILTERS, dateFrom: '01.02.2025' });
    expect('dateFrom' in query).toBe(false);
  });

  test('keeps a zero amount', () => {
    expect(toInvoiceQuery('1', 'received', { ...EMPTY_FILTERS, amountMin: '0' }).amountMin).toBe(0);
  });

  test('swaps a reversed amount range', () => {
    const query = toInvoiceQuery('1', 'received', { ...EMPTY_FILTERS, amountMin: '500', amountMax: '100' });
    expect([query.amountMin, query.amountMax]).toEqual([100, 500]);
  });

  test('passes the state and the sort', () => {
    const query = toInvoiceQuery('1', 'errors', { ...EMPTY_FILTERS, state: 'failed' }, { field: 'total', descending: true });
    expect(query.state).toBe('failed');
    expect(query.sort).toEqual({ field: 'total', descending: true });
  });
});

describe('countActiveFilters', () => {
  test('counts a range once', () => {
    expect(countActiveFilters({ ...EMPTY_FILTERS, dateFrom: '2025-01-01', dateTo: '2025-01-02', amountMax: '5' })).toBe(2);
  });

  test('ignores whitespace-only text', () => {
    expect(countActiveFilters({ ...EMPTY_FILTERS, partner: '  ' })).toBe(0);
  });
});

describe('sortFromGrid', () => {
  test('maps a sortable column', () => {
    expect(sortFromGrid([{ colId: 'issueDate', sort: 'asc' }])).toEqual({ field: 'issueDate', descending: false });
  });

  test('ignores a column main cannot sort by', () => {
    expect(sortFromGrid([{ colId: 'vat', sort: 'desc' }])).toBeUndefined();
  });

  test('returns nothing without a sort', () => {
    expect(sortFromGrid([])).toBeUndefined();
  });
});
