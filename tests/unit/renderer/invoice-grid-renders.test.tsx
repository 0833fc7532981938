// @vitest-environment happy-dom
// Counts the renders of AG Grid's React component, to check that picking
// rows in a list of 100,000 does not re-render the grid.
import { fireEvent, screen } from '@testing-library/react';
import type * as AgGridReactModule from 'ag-grid-react';
import type { ComponentProps } from 'react';
import { describe, expect, test, vi } from 'vitest';
import type { InvoiceQuery } from '../../../shared/domain.ts';
import { InvoicesScreen } from '../../../renderer/src/screens/InvoicesScreen.tsx';
import { renderWithApp } from './render.tsx';
import { companies, sampleInvoicePage } from './sample-data.ts';

const renders = vi.hoisted(() => ({ count: 0 }));

vi.mock('ag-grid-react', async (importOriginal) => {
  const actual = await importOriginal<typeof AgGridReactModule>();
  function CountingGrid(props: ComponentProps<typeof actual.AgGridReact>) {
    renders.count += 1;
    return <actual.AgGridReact {...props} />;
  }
  return { ...actual, AgGridReact: CountingGrid };
});

describe('InvoiceGrid renders', () => {
  test('skips the grid on selection', async () => {
    const { fake } = renderWithApp(
      <InvoicesScreen cif="2816464" direction="received" />,
      {
        'companies.list': () => companies,
        'invoices.query': (query: InvoiceQuery) =>
          sampleInvoicePage(query, 100_000),
      },
    );
    const anchor = await screen.findByText('FCT-10000');
    await screen.findByText('Facturi: 100.000');
    const before = renders.count;
    const queries = fake.callsTo('invoices.query').length;

    const checkbox = anchor
      .closest('[role="row"]')
      ?.querySelector('[col-id="ag-Grid-SelectionColumn"] input');
    if (!checkbox) throw new Error('No checkbox in the first row.');
    fireEvent.click(checkbox);
    await screen.findByText('Selectate: 1');

    expect(renders.count).toBe(before);
    expect(fake.callsTo('invoices.query')).toHaveLength(queries);
  });
});
