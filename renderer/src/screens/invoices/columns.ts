/**
 * Column definitions of the invoice grid. Column ids are `InvoiceRow` field
 * names, so the grid's sort model maps directly onto the query's sort field.
 * Only the fields main can sort by are sortable.
 */
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { Direction, InvoiceRow, MessageState } from '../../../../shared/domain.ts';
import { SORT_FIELDS } from '../../../../shared/domain.ts';
import { formatAmount, formatDate, formatDateTime } from '../../lib/format.ts';
import { PartnerCell } from './PartnerCell.tsx';

type Column = ColDef<InvoiceRow>;

const STATE_KEYS = {
  listed: 'invoices.stateListed',
  downloaded: 'invoices.stateDownloaded',
  expired: 'invoices.stateExpired',
  failed: 'invoices.stateFailed',
} as const satisfies Record<MessageState, string>;

export function stateLabel(t: TFunction, state: MessageState): string {
  return t(STATE_KEYS[state]);
}

function sortable(field: keyof InvoiceRow): boolean {
  return (SORT_FIELDS as readonly string[]).includes(field);
}

export function invoiceColumns(t: TFunction, language: string, direction: Direction): Column[] {
  const amount = (field: 'net' | 'vat' | 'total', header: string): Column => ({
    colId: field,
    field,
    headerName: header,
    type: 'rightAligned',
    width: 105,
    sortable: sortable(field),
    valueFormatter: (params: ValueFormatterParams<InvoiceRow>) => formatAmount(params.value as number | null, language),
  });
  const date = (field: 'issueDate' | 'dueDate', header: string): Column => ({
    colId: field,
    field,
    headerName: header,
    width: 112,
    sortable: sortable(field),
    valueFormatter: (params: ValueFormatterParams<InvoiceRow>) => formatDate(params.value as string | null, language),
  });

  const columns: Column[] = [
    {
      colId: 'partnerName',
      field: 'partnerName',
      headerName: t('invoices.partner'),
      flex: 1,
      minWidth: 220,
      sortable: true,
      cellRenderer: PartnerCell,
      cellRendererParams: { newLabel: t('invoices.newBadge') },
    },
    { colId: 'number', field: 'number', headerName: t('invoices.number'), width: 120, sortable: true },
    date('issueDate', t('invoices.issueDate')),
    date('dueDate', t('invoices.dueDate')),
    amount('net', t('invoices.net')),
    amount('vat', t('invoices.vat')),
    amount('total', t('invoices.total')),
    { colId: 'currency', field: 'currency', headerName: t('invoices.currency'), width: 80 },
    {
      colId: 'state',
      field: 'state',
      headerName: t('invoices.state'),
      width: 135,
      valueFormatter: (params: ValueFormatterParams<InvoiceRow>) => (params.value ? stateLabel(t, params.value as MessageState) : ''),
      tooltipValueGetter: (params) => params.data?.failureReason ?? null,
    },
    {
      colId: 'createdAt',
      field: 'createdAt',
      headerName: t('invoices.createdAt'),
      width: 150,
      sortable: true,
      hide: direction !== 'errors',
      valueFormatter: (params: ValueFormatterParams<InvoiceRow>) => formatDateTime(params.value as string | null, language),
    },
  ];
  return columns;
}
