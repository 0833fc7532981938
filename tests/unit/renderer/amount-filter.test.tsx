// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { EMPTY_FILTERS, toInvoiceQuery, type InvoiceFilterValues } from '../../../renderer/src/lib/invoices/filters.ts';
import { parseAmountText } from '../../../renderer/src/lib/invoices/amount-text.ts';
import { InvoiceFilters } from '../../../renderer/src/screens/invoices/InvoiceFilters.tsx';
import { renderWithApp } from './render.tsx';

/** Keeps the filter values in state, as the invoice screen does, and exposes the latest query. */
function Harness({ onQuery }: { onQuery: (query: ReturnType<typeof toInvoiceQuery>) => void }) {
  const [values, setValues] = useState<InvoiceFilterValues>(EMPTY_FILTERS);
  return (
    <InvoiceFilters
      values={values}
      onChange={(next) => {
        setValues(next);
        onQuery(toInvoiceQuery('1', 'received', next));
      }}
    />
  );
}

/** Types `text` one character at a time into the labelled field. */
function typeInto(label: string, text: string): HTMLInputElement {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  for (let end = 1; end <= text.length; end++) {
    fireEvent.change(input, { target: { value: text.slice(0, end) } });
  }
  return input;
}

function renderFilters() {
  const queries: ReturnType<typeof toInvoiceQuery>[] = [];
  renderWithApp(<Harness onQuery={(query) => queries.push(query)} />, {});
  return queries;
}

describe('amount filter typing', () => {
  const cases: Array<[string, number]> = [
    ['1234,56', 1234.56],
    ['1234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['40.000,50', 40000.5],
  ];
  for (const [typed, expected] of cases) {
    test(`minimum keeps ${typed}`, () => {
      const queries = renderFilters();
      const input = typeInto('Total minim', typed);
      expect(input.value).toBe(typed);
      expect(queries.at(-1)?.amountMin).toBe(expected);
    });
  }

  test('maximum accepts pasted 40.000,50', () => {
    const queries = renderFilters();
    const input = screen.getByLabelText('Total maxim') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '40.000,50' } });
    expect(input.value).toBe('40.000,50');
    expect(queries.at(-1)?.amountMax).toBe(40000.5);
  });

  test('never filters on a partial number', () => {
    const queries = renderFilters();
    typeInto('Total minim', '1234,');
    expect(queries.at(-1)?.amountMin).toBe(1234);
  });

  test('ignores text that is not an amount', () => {
    const queries = renderFilters();
    const input = typeInto('Total minim', 'abc');
    expect(input.value).toBe('abc');
    expect('amountMin' in (queries.at(-1) ?? {})).toBe(false);
  });
});

describe('parseAmountText', () => {
  const cases: Array<[string, number | undefined]> = [
    ['40.000', 40000],
    ['1.234.567', 1234567],
    ['1234.5', 1234.5],
    ['1 234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['1,2,3', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of cases) {
    test(`reads "${text}"`, () => {
      expect(parseAmountText(text)).toBe(expected);
    });
  }
});
