/**
 * The invoice grid's data source for AG Grid's infinite row model: each
 * block of rows is one `invoices.query` page, fetched through TanStack
 * Query so pages are cached and dropped together when `invoices.changed`
 * invalidates the company's invoices.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { CurrencyTotals, InvoiceQuery } from '../../../shared/domain.ts';
import type { InvoiceListPage, InvoiceListRow } from '../../../shared/ipc/contract.ts';
import { getApi, unwrap } from '../ipc/api.ts';
import { sortFromGrid } from '../lib/invoices/filters.ts';
import { queryKeys } from '../queries.ts';

/** Rows per `invoices.query` call; also the grid's `cacheBlockSize`. */
export const INVOICE_BLOCK_SIZE = 200;

/** How long a fetched page is reused before the grid asks main again. */
const PAGE_STALE_MS = 30_000;

export interface InvoiceListSummary {
  total: number;
  totals: CurrencyTotals[];
}

export function useInvoiceDatasource(
  query: InvoiceQuery,
  onSummary: (summary: InvoiceListSummary) => void,
  onError: (error: Error) => void,
  onRows?: (rows: InvoiceListRow[]) => void,
): IDatasource {
  const client = useQueryClient();
  // The callbacks change on every render; the data source must not, or the
  // grid would reload from the first row each time.
  const callbacks = useRef({ onSummary, onError, onRows });
  useLayoutEffect(() => {
    callbacks.current = { onSummary, onError, onRows };
  });
  const queryText = JSON.stringify(query);

  return useMemo<IDatasource>(() => {
    const base = JSON.parse(queryText) as InvoiceQuery;
    return {
      getRows(params: IGetRowsParams<InvoiceListRow>) {
        const sort = sortFromGrid(params.sortModel);
        const limit = params.endRow - params.startRow;
        // Later blocks skip the whole filter's totals while the first
        // block's are current, because the grid keeps the row count it
        // gave. After `invoices.changed`, or once the cache dropped the
        // first block, the next block to load asks for them again.
        const first: InvoiceQuery = { ...base, offset: 0, limit, ...(sort ? { sort } : {}) };
        const firstState = client.getQueryState(queryKeys.invoicePage(first));
        const totalsCurrent = firstState?.status === 'success' && !firstState.isInvalidated;
        const page: InvoiceQuery = {
          ...first,
          offset: params.startRow,
          ...(params.startRow > 0 && totalsCurrent ? { withTotals: false } : {}),
        };
        client
          .fetchQuery({
            queryKey: queryKeys.invoicePage(page),
            queryFn: () => unwrap(getApi().invoicesQuery(page)),
            staleTime: PAGE_STALE_MS,
          })
          .then(
            (result) => {
              callbacks.current.onRows?.(result.rows);
              params.successCallback(result.rows, lastRow(result, params.startRow, limit));
              if (result.total !== undefined && result.totals !== undefined) {
                callbacks.current.onSummary({ total: result.total, totals: result.totals });
              }
            },
            (error: unknown) => {
              params.failCallback();
              callbacks.current.onError(error instanceof Error ? error : new Error(String(error)));
            },
          );
      },
    };
  }, [client, queryText]);
}

/**
 * Returns the row count for AG Grid: the page's total, else the end of a
 * short page. With undefined the grid keeps a count it already has.
 */
function lastRow(page: InvoiceListPage, offset: number, limit: number): number | undefined {
  if (page.total !== undefined) return page.total;
  return page.rows.length < limit ? offset + page.rows.length : undefined;
}
