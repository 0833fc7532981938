/**
 * Buyer messages in the archive: a company's messages, or those about one
 * of its invoices, each linked to that invoice by the upload index the
 * message's document carries.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';

import type {
  BuyerMessage,
  BuyerMessagePage,
  BuyerMessageQuery,
  Direction,
  MessageState,
} from '../../../shared/domain.ts';

import {
  readFailureColumns,
  type StoredFailureColumns,
} from './failure-kinds.ts';
import { BUYER_MESSAGE_DIRECTION } from './index-fields.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './query.ts';

interface StoredBuyerMessage extends StoredFailureColumns {
  message_id: string;
  cif: string;
  upload_index: string;
  message_type: string;
  created_at: string;
  referenced_index: string | null;
  message_text: string | null;
  state: MessageState;
  failure_reason: string | null;
}

interface LinkedInvoice {
  upload_index: string;
  message_id: string;
  direction: Direction;
  number: string | null;
  partner_name: string | null;
}

/**
 * Returns one page of buyer messages: those about one invoice oldest
 * first, as a conversation reads, or all of the company's newest first.
 */
export function queryBuyerMessages(
  db: DatabaseSync,
  query: BuyerMessageQuery,
): BuyerMessagePage {
  const where = ['cif = ?', 'direction = ?'];
  const params: SQLInputValue[] = [query.cif, BUYER_MESSAGE_DIRECTION];
  if (query.invoiceUploadIndex !== undefined) {
    where.push('referenced_index = ?');
    params.push(query.invoiceUploadIndex);
  }
  const order = query.invoiceUploadIndex === undefined ? 'DESC' : 'ASC';
  const limit = Math.min(query.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const offset = Math.max(query.offset ?? 0, 0);

  const stored = db
    .prepare(
      `SELECT message_id, cif, upload_index, message_type, created_at,
         referenced_index, message_text, state, failure_reason,
         failure_kind, failure_values
       FROM archive_messages WHERE ${where.join(' AND ')}
       ORDER BY created_at ${order}, id ${order} LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, offset) as unknown as StoredBuyerMessage[];
  const count = db
    .prepare(
      `SELECT count(*) AS total FROM archive_messages
       WHERE ${where.join(' AND ')}`,
    )
    .get(...params) as { total: number };

  const invoices = linkedInvoices(db, query.cif, stored);
  return {
    messages: stored.map((row) => toBuyerMessage(row, invoices)),
    total: count.total,
  };
}

/**
 * Finds the invoices the messages refer to, by upload index, among the
 * company's sent and received invoices. A self-billed invoice can be both,
 * and then the first one archived is the link.
 */
function linkedInvoices(
  db: DatabaseSync,
  cif: string,
  messages: readonly StoredBuyerMessage[],
): Map<string, LinkedInvoice> {
  const indexes = [
    ...new Set(
      messages
        .map((message) => message.referenced_index)
        .filter((index): index is string => index !== null),
    ),
  ];
  const linked = new Map<string, LinkedInvoice>();
  if (indexes.length === 0) return linked;

  const rows = db
    .prepare(
      `SELECT upload_index, message_id, direction, number, partner_name
       FROM archive_messages
       WHERE upload_index IN (${indexes.map(() => '?').join(', ')})
         AND cif = ? AND direction IN ('received', 'sent')
       ORDER BY id`,
    )
    .all(...indexes, cif) as unknown as LinkedInvoice[];
  for (const row of rows) {
    if (!linked.has(row.upload_index)) linked.set(row.upload_index, row);
  }
  return linked;
}

function toBuyerMessage(
  row: StoredBuyerMessage,
  invoices: ReadonlyMap<string, LinkedInvoice>,
): BuyerMessage {
  const invoice =
    row.referenced_index === null
      ? undefined
      : invoices.get(row.referenced_index);
  return {
    messageId: row.message_id,
    cif: row.cif,
    uploadIndex: row.upload_index,
    direction: buyerMessageDirection(row.message_type),
    createdAt: row.created_at,
    invoiceUploadIndex: row.referenced_index,
    invoice: invoice
      ? {
          messageId: invoice.message_id,
          direction: invoice.direction,
          number: invoice.number,
          partnerName: invoice.partner_name,
        }
      : null,
    text: row.message_text,
    state: row.state,
    failureReason: row.failure_reason,
    ...readFailureColumns(row),
  };
}

/**
 * Reads the side from ANAF's type: "MESAJ CUMPARATOR PRIMIT" is received,
 * "MESAJ CUMPARATOR TRANSMIS" sent. The combined form with both words,
 * which ANAF's PDF prints, gives null.
 */
export function buyerMessageDirection(
  type: string,
): 'sent' | 'received' | null {
  const upper = type.toUpperCase();
  const received = /\bPRIMIT\b/.test(upper);
  const sent = /\bTRANSMIS\b/.test(upper);
  if (received === sent) return null;
  return received ? 'received' : 'sent';
}
