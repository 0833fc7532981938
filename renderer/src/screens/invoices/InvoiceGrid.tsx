import { useComputedColorScheme } from '@mantine/core';
import type { CellKeyDownEvent, GridApi, RowDoubleClickedEvent, SelectionChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Direction, InvoiceQuery, InvoiceRow } from '../../../../shared/domain.ts';
import { getApi } from '../../ipc/api.ts';
import { gridLocale, gridThemes } from '../../grid/setup.ts';
import { INVOICE_BLOCK_SIZE, useInvoiceDatasource, type InvoiceListSummary } from '../../hooks/useInvoiceDatasource.ts';
import { invoiceColumns } from './columns.ts';
import { EmptyGridOverlay } from './EmptyGridOverlay.tsx';

export interface InvoiceGridProps {
  query: InvoiceQuery;
  direction: Direction;
  onOpen: (row: InvoiceRow) => void;
  onSelectionChange: (rows: InvoiceRow[]) => void;
  onSummary: (summary: InvoiceListSummary) => void;
  onError: (error: Error) => void;
  /** Title and text of the no-rows overlay, which depend on the tab and on the filters. */
  empty: { title: string; description: string };
}

/**
 * Shows the invoice list. AG Grid's infinite row model pages through
 * `invoices.query`, so only the visible blocks are in memory, whatever the
 * archive's size. Sorting is done by main; filtering is the query's.
 */
export function InvoiceGrid({ query, direction, onOpen, onSelectionChange, onSummary, onError, empty }: InvoiceGridProps) {
  const { t, i18n } = useTranslation();
  const scheme = useComputedColorScheme('light');
  const [gridApi, setGridApi] = useState<GridApi<InvoiceRow> | null>(null);
  const datasource = useInvoiceDatasource(query, onSummary, onError);
  const columns = useMemo(() => invoiceColumns(t, i18n.language, direction), [t, i18n.language, direction]);
  const localeText = useMemo(() => gridLocale(i18n.language), [i18n.language]);

  // New rows for this company (from a sync or an upload's result) reload the visible blocks.
  useEffect(() => {
    if (!gridApi) return undefined;
    return getApi().on('invoices.changed', ({ cif }) => {
      if (cif === query.cif) gridApi.refreshInfiniteCache();
    });
  }, [gridApi, query.cif]);

  return (
    <AgGridReact<InvoiceRow>
      theme={gridThemes[scheme]}
      localeText={localeText}
      rowModelType="infinite"
      datasource={datasource}
      cacheBlockSize={INVOICE_BLOCK_SIZE}
      maxBlocksInCache={50}
      infiniteInitialRowCount={INVOICE_BLOCK_SIZE}
      columnDefs={columns}
      defaultColDef={{ resizable: true, sortable: false, suppressHeaderMenuButton: true }}
      getRowId={(params) => params.data.messageId}
      rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false }}
      tooltipShowDelay={400}
      noRowsOverlayComponent={EmptyGridOverlay}
      noRowsOverlayComponentParams={empty}
      onGridReady={(event) => setGridApi(event.api)}
      onRowDoubleClicked={(event: RowDoubleClickedEvent<InvoiceRow>) => {
        if (event.data) onOpen(event.data);
      }}
      onCellKeyDown={(event: CellKeyDownEvent<InvoiceRow>) => {
        const key = event.event instanceof KeyboardEvent ? event.event.key : null;
        if (key === 'Enter' && event.data) onOpen(event.data);
      }}
      onSelectionChanged={(event: SelectionChangedEvent<InvoiceRow>) => onSelectionChange(event.api.getSelectedRows())}
    />
  );
}
