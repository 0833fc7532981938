// @vitest-environment happy-dom
// The grid's data source requests the filter's totals with the first
// block, skips them for later blocks while those are current, and requests
// them again with the next block once `invoices.changed` invalidated them.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { ReactNode } from 'react';
import { describe, expect, test, vi } from 'vitest';
import type { InvoiceQuery } from '../../../shared/domain.ts';
import { useInvoiceDatasource } from '../../../renderer/src/hooks/useInvoiceDatasource.ts';
import { queryKeys } from '../../../renderer/src/queries.ts';
import { createFakeApi } from './fake-api.ts';
import { sampleInvoicePage } from './sample-data.ts';

const CIF = '2816464';

function setUp() {
  const fake = createFakeApi({
    'invoices.query': (query: InvoiceQuery) => sampleInvoicePage(query, 1000),
  });
  window.efactura = fake.api;
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false } },
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const onSummary = vi.fn();
  const { result } = renderHook(
    () =>
      useInvoiceDatasource(
        { cif: CIF, direction: 'received' },
        onSummary,
        vi.fn(),
      ),
    { wrapper },
  );
  return { fake, client, source: result.current, onSummary };
}

/** Loads one block through the data source and waits for its result. */
async function load(source: IDatasource, startRow: number): Promise<void> {
  const done = vi.fn();
  const params = {
    startRow,
    endRow: startRow + 200,
    sortModel: [],
    filterModel: {},
    successCallback: done,
    failCallback: done,
    context: undefined,
  } as unknown as IGetRowsParams;
  source.getRows(params);
  await waitFor(() => expect(done).toHaveBeenCalled());
}

function lastQuery(
  fake: ReturnType<typeof setUp>['fake'],
): InvoiceQuery | undefined {
  return fake.callsTo('invoices.query').at(-1) as InvoiceQuery | undefined;
}

describe('invoice data source', () => {
  test('first block asks for totals', async () => {
    const { fake, source, onSummary } = setUp();
    await load(source, 0);
    expect(lastQuery(fake)?.withTotals).toBeUndefined();
    expect(onSummary).toHaveBeenCalledTimes(1);
  });

  test('later block skips current totals', async () => {
    const { fake, source } = setUp();
    await load(source, 0);
    await load(source, 200);
    expect(lastQuery(fake)?.withTotals).toBe(false);
  });

  test('later block asks after a change', async () => {
    const { fake, client, source, onSummary } = setUp();
    await load(source, 0);
    await client.invalidateQueries({
      queryKey: queryKeys.invoices(CIF),
      refetchType: 'none',
    });
    await load(source, 200);
    expect(lastQuery(fake)?.withTotals).toBeUndefined();
    expect(onSummary).toHaveBeenCalledTimes(2);
  });
});
