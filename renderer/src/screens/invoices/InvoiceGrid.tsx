import { useComputedColorScheme } from '@mantine/core';
import type {
  CellKeyDownEvent,
  ColDef,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  RowDoubleClickedEvent,
  RowSelectionOptions,
  SelectionChangedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Direction, InvoiceQuery } from '../../../../shared/domain.ts';
import type { InvoiceListRow } from '../../../../shared/ipc/contract.ts';
import { getApi } from '../../ipc/api.ts';
import { gridLocale, gridThemes } from '../../grid/setup.ts';
import {
  INVOICE_BLOCK_SIZE,
  useInvoiceDatasource,
  type InvoiceListSummary,
} from '../../hooks/useInvoiceDatasource.ts';
import {
  widenToContent,
  type ContentWidths,
} from '../../lib/invoices/column-widths.ts';
import { invoiceColumns } from './columns.ts';
import { EmptyGridOverlay } from './EmptyGridOverlay.tsx';

export interface InvoiceGridProps {
  query: InvoiceQuery;
  direction: Direction;
  onOpen: (row: InvoiceListRow) => void;
  onSelectionChange: (rows: InvoiceListRow[]) => void;
  onSummary: (summary: InvoiceListSummary) => void;
  onError: (error: Error) => void;
  /** Title and text of the no-rows overlay, which depend on the tab and on the filters. */
  empty: { title: string; description: string };
}

// Grid options that never change live outside the component, so that AG
// Grid receives the same objects on every render and does not apply them again.
const DEFAULT_COLUMN: ColDef<InvoiceListRow> = {
  resizable: true,
  sortable: false,
  suppressHeaderMenuButton: true,
};
const ROW_SELECTION: RowSelectionOptions<InvoiceListRow> = {
  mode: 'multiRow',
  checkboxes: true,
  // The infinite row model has only the loaded blocks, so "select all" would select a part.
  headerCheckbox: false,
  enableClickSelection: false,
};
const rowId = (params: GetRowIdParams<InvoiceListRow>): string =>
  params.data.messageId;

/**
 * Shows the invoice list. AG Grid's infinite row model pages through
 * `invoices.query`, so only the visible blocks are in memory, whatever the
 * archive's size, and only the visible rows are rendered. Sorting is done
 * by main; filtering is the query's.
 *
 * The component is memoised and every prop it passes to AG Grid is stable,
 * so a change of the parent's state (such as the selection count it shows)
 * does not re-render the grid.
 */
export const InvoiceGrid = memo(function InvoiceGrid(props: InvoiceGridProps) {
  const { query, direction, empty } = props;
  const { t, i18n } = useTranslation();
  const scheme = useComputedColorScheme('light');
  const [gridApi, setGridApi] = useState<GridApi<InvoiceListRow> | null>(null);
  const [contentWidths, setContentWidths] = useState<ContentWidths>({});
  const onRows = useCallback(
    (rows: InvoiceListRow[]) =>
      setContentWidths((previous) =>
        widenToContent(previous, rows, i18n.language),
      ),
    [i18n.language],
  );
  const datasource = useInvoiceDatasource(
    query,
    props.onSummary,
    props.onError,
    onRows,
  );
  const columns = useMemo(
    () => invoiceColumns(t, i18n.language, direction, contentWidths),
    [t, i18n.language, direction, contentWidths],
  );
  const localeText = useMemo(() => gridLocale(i18n.language), [i18n.language]);

  // The event handlers read the latest callbacks through a ref, so they stay the same functions.
  const callbacks = useRef({
    onOpen: props.onOpen,
    onSelectionChange: props.onSelectionChange,
  });
  useLayoutEffect(() => {
    callbacks.current = {
      onOpen: props.onOpen,
      onSelectionChange: props.onSelectionChange,
    };
  });
  const onGridReady = useCallback(
    (event: GridReadyEvent<InvoiceListRow>) => setGridApi(event.api),
    [],
  );
  const onRowDoubleClicked = useCallback(
    (event: RowDoubleClickedEvent<InvoiceListRow>) => {
      if (event.data) callbacks.current.onOpen(event.data);
    },
    [],
  );
  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<InvoiceListRow>) => {
      const key = event.event instanceof KeyboardEvent ? event.event.key : null;
      if (key === 'Enter' && event.data) callbacks.current.onOpen(event.data);
    },
    [],
  );
  const onSelectionChanged = useCallback(
    (event: SelectionChangedEvent<InvoiceListRow>) => {
      callbacks.current.onSelectionChange(event.api.getSelectedRows());
    },
    [],
  );

  // New rows for this company (from a sync or an upload's result) reload the visible blocks.
  useEffect(() => {
    if (!gridApi) return undefined;
    return getApi().on('invoices.changed', ({ cif }) => {
      if (cif === query.cif) gridApi.refreshInfiniteCache();
    });
  }, [gridApi, query.cif]);

  return (
    <AgGridReact<InvoiceListRow>
      theme={gridThemes[scheme]}
      localeText={localeText}
      rowModelType="infinite"
      datasource={datasource}
      cacheBlockSize={INVOICE_BLOCK_SIZE}
      maxBlocksInCache={50}
      infiniteInitialRowCount={INVOICE_BLOCK_SIZE}
      columnDefs={columns}
      defaultColDef={DEFAULT_COLUMN}
      getRowId={rowId}
      rowSelection={ROW_SELECTION}
      tooltipShowDelay={400}
      noRowsOverlayComponent={EmptyGridOverlay}
      noRowsOverlayComponentParams={empty}
      onGridReady={onGridReady}
      onRowDoubleClicked={onRowDoubleClicked}
      onCellKeyDown={onCellKeyDown}
      onSelectionChanged={onSelectionChanged}
    />
  );
});
