/** Reading `archive_messages` rows into the IPC-facing `InvoiceRow`. */
import type {
  Direction,
  InvoiceRow,
  MessageState,
} from '../../../shared/domain.ts';

import { centsToAmount } from './amounts.ts';
import {
  readFailureColumns,
  type StoredFailureColumns,
} from './failure-kinds.ts';

/** The directions the browser lists; buyer messages are archived only. */
export const BROWSABLE_DIRECTIONS: readonly Direction[] = [
  'received',
  'sent',
  'errors',
];

/** Columns every row query selects, in the order `toInvoiceRow` reads. */
export const ROW_COLUMNS = `id, cif, message_id, direction, upload_index,
  created_at, partner_cif, partner_name, number, issue_date, due_date,
  net_cents, vat_cents, total_cents, currency, state, failure_reason,
  failure_kind, failure_values, seen`;

export interface StoredRow extends StoredFailureColumns {
  id: number;
  cif: string;
  message_id: string;
  direction: string;
  upload_index: string;
  created_at: string;
  partner_cif: string | null;
  partner_name: string | null;
  number: string | null;
  issue_date: string | null;
  due_date: string | null;
  net_cents: number | null;
  vat_cents: number | null;
  total_cents: number | null;
  currency: string | null;
  state: MessageState;
  failure_reason: string | null;
  seen: number;
}

export function isBrowsableDirection(value: string): value is Direction {
  return (BROWSABLE_DIRECTIONS as readonly string[]).includes(value);
}

/**
 * Converts a stored row. Returns null for a buyer message or another kind
 * of message that is not an invoice, which the browser does not list.
 */
export function toInvoiceRow(row: StoredRow): InvoiceRow | null {
  if (!isBrowsableDirection(row.direction)) return null;
  return {
    messageId: row.message_id,
    cif: row.cif,
    direction: row.direction,
    uploadIndex: row.upload_index,
    createdAt: row.created_at,
    partnerCif: row.partner_cif,
    partnerName: row.partner_name,
    number: row.number,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    net: centsToAmount(row.net_cents),
    vat: centsToAmount(row.vat_cents),
    total: centsToAmount(row.total_cents),
    currency: row.currency,
    state: row.state,
    failureReason: row.failure_reason,
    ...readFailureColumns(row),
    isNew: row.seen === 0,
  };
}
