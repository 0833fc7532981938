/**
 * Column definitions of the invoice grid. Column ids are `InvoiceRow` field
 * names, so the grid's sort model maps directly onto the query's sort field.
 * Only the fields main can sort by are sortable.
 *
 * Rejected uploads (the errors tab) have no amounts, currency or due date,
 * so that tab shows the upload index and a summary of ANAF's errors in
 * their place.
 */
import type {
  ColDef,
  TooltipCallbackParams,
  ValueFormatterParams,
  ValueGetterParams,
} from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { Direction, MessageState } from '../../../../shared/domain.ts';
import { SORT_FIELDS } from '../../../../shared/domain.ts';
import type { InvoiceListRow } from '../../../../shared/ipc/contract.ts';
import { errorSummary } from '../../lib/anaf-errors.ts';
import type { ContentWidths } from '../../lib/invoices/column-widths.ts';
import { formatAmount, formatDate, formatDateTime } from '../../lib/format.ts';
import { downloadFailureText } from '../../lib/note-text.ts';
import { PartnerCell } from './PartnerCell.tsx';

type Column = ColDef<InvoiceListRow>;

const STATE_KEYS = {
  listed: 'invoices.stateListed',
  downloaded: 'invoices.stateDownloaded',
  expired: 'invoices.stateExpired',
  failed: 'invoices.stateFailed',
} as const satisfies Record<MessageState, string>;

export function stateLabel(t: TFunction, state: MessageState): string {
  return t(STATE_KEYS[state]);
}

function sortable(field: keyof InvoiceListRow): boolean {
  return (SORT_FIELDS as readonly string[]).includes(field);
}

/** Gives a column its default width, or more when its content needs it. */
function fittedWidth(defaultWidth: number, content: number | undefined): Pick<Column, 'width' | 'minWidth'> {
  const width = Math.max(defaultWidth, content ?? 0);
  return { width, minWidth: width };
}

function amountColumn(
  field: 'net' | 'vat' | 'total',
  header: string,
  language: string,
  widths: ContentWidths,
): Column {
  return {
    colId: field,
    field,
    headerName: header,
    type: 'rightAligned',
    ...fittedWidth(105, widths[field]),
    sortable: sortable(field),
    valueFormatter: (params: ValueFormatterParams<InvoiceListRow>) =>
      formatAmount(params.value as number | null, language),
  };
}

function dateColumn(
  field: 'issueDate' | 'dueDate',
  header: string,
  language: string,
): Column {
  return {
    colId: field,
    field,
    headerName: header,
    width: 112,
    sortable: sortable(field),
    valueFormatter: (params: ValueFormatterParams<InvoiceListRow>) =>
      formatDate(params.value as string | null, language),
  };
}

function partnerColumn(t: TFunction): Column {
  return {
    colId: 'partnerName',
    field: 'partnerName',
    headerName: t('invoices.partner'),
    flex: 1,
    minWidth: 220,
    sortable: true,
    cellRenderer: PartnerCell,
    cellRendererParams: { newLabel: t('invoices.newBadge') },
  };
}

function numberColumn(t: TFunction, widths: ContentWidths): Column {
  return {
    colId: 'number',
    field: 'number',
    headerName: t('invoices.number'),
    ...fittedWidth(120, widths.number),
    sortable: true,
  };
}

function stateColumn(t: TFunction): Column {
  return {
    colId: 'state',
    field: 'state',
    headerName: t('invoices.state'),
    width: 135,
    valueFormatter: (params: ValueFormatterParams<InvoiceListRow>) =>
      params.value ? stateLabel(t, params.value as MessageState) : '',
    tooltip: (params: TooltipCallbackParams<InvoiceListRow>) =>
      params.data ? downloadFailureText(t, params.data) : null,
  };
}

function createdAtColumn(t: TFunction, language: string): Column {
  return {
    colId: 'createdAt',
    field: 'createdAt',
    headerName: t('invoices.createdAt'),
    width: 150,
    sortable: true,
    valueFormatter: (params: ValueFormatterParams<InvoiceListRow>) =>
      formatDateTime(params.value as string | null, language),
  };
}

/** Returns the columns of the received and sent tabs. */
function invoiceTabColumns(t: TFunction, language: string, widths: ContentWidths): Column[] {
  return [
    partnerColumn(t),
    numberColumn(t, widths),
    dateColumn('issueDate', t('invoices.issueDate'), language),
    dateColumn('dueDate', t('invoices.dueDate'), language),
    amountColumn('net', t('invoices.net'), language, widths),
    amountColumn('vat', t('invoices.vat'), language, widths),
    amountColumn('total', t('invoices.total'), language, widths),
    {
      colId: 'currency',
      field: 'currency',
      headerName: t('invoices.currency'),
      width: 80,
    },
    stateColumn(t),
  ];
}

/** Returns the columns of the errors tab: what was rejected, when, and why. */
function errorTabColumns(t: TFunction, language: string, widths: ContentWidths): Column[] {
  return [
    partnerColumn(t),
    numberColumn(t, widths),
    dateColumn('issueDate', t('invoices.issueDate'), language),
    {
      colId: 'uploadIndex',
      field: 'uploadIndex',
      headerName: t('invoices.uploadIndex'),
      width: 125,
    },
    {
      colId: 'errors',
      headerName: t('invoices.anafErrors'),
      flex: 2,
      minWidth: 260,
      valueGetter: (params: ValueGetterParams<InvoiceListRow>) =>
        params.data
          ? errorSummary(t, params.data.firstError, params.data.errorCount)
          : '',
      tooltip: (params: TooltipCallbackParams<InvoiceListRow>) =>
        params.data?.firstError?.message ?? null,
    },
    stateColumn(t),
    createdAtColumn(t, language),
  ];
}

/**
 * Returns the columns of a tab. `widths` are the number and amount columns'
 * content widths, which only ever widen them.
 */
export function invoiceColumns(
  t: TFunction,
  language: string,
  direction: Direction,
  widths: ContentWidths = {},
): Column[] {
  return direction === 'errors'
    ? errorTabColumns(t, language, widths)
    : invoiceTabColumns(t, language, widths);
}
