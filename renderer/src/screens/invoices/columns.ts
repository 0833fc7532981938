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

function amountColumn(
  field: 'net' | 'vat' | 'total',
  header: string,
  language: string,
): Column {
  return {
    colId: field,
    field,
    headerName: header,
    type: 'rightAligned',
    width: 105,
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
function invoiceTabColumns(t: TFunction, language: string): Column[] {
  return [
    partnerColumn(t),
    {
      colId: 'number',
      field: 'number',
      headerName: t('invoices.number'),
      width: 120,
      sortable: true,
    },
    dateColumn('issueDate', t('invoices.issueDate'), language),
    dateColumn('dueDate', t('invoices.dueDate'), language),
    amountColumn('net', t('invoices.net'), language),
    amountColumn('vat', t('invoices.vat'), language),
    amountColumn('total', t('invoices.total'), language),
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
function errorTabColumns(t: TFunction, language: string): Column[] {
  return [
    partnerColumn(t),
    {
      colId: 'number',
      field: 'number',
      headerName: t('invoices.number'),
      width: 120,
      sortable: true,
    },
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

export function invoiceColumns(
  t: TFunction,
  language: string,
  direction: Direction,
): Column[] {
  return direction === 'errors'
    ? errorTabColumns(t, language)
    : invoiceTabColumns(t, language);
}
