/**
 * The fields the archive indexes from a downloaded ZIP: the invoice's number,
 * dates, amounts and partner, the error count of a rejected upload, or the
 * invoice a buyer message is about and its text.
 */
import type { FailureCause } from '../../../shared/domain.ts';
import type {
  DecimalValue,
  Invoice,
  InvoiceParty,
} from '../../../shared/invoice.ts';
import type { AppError } from '../../../shared/result.ts';
import { readAnafMessage, readBuyerMessage } from '../invoice/index.ts';
import { describeError } from '../log/logger.ts';
import { readAnafMessageZip } from '../zip/index.ts';

import { decimalToCents } from './amounts.ts';
import type { DownloadFailure } from './failure-kinds.ts';
import { foldedColumn } from './fold.ts';

export interface VatRow {
  category: string | null;
  rate: string | null;
  taxableCents: number | null;
  taxCents: number | null;
}

export interface IndexedFields {
  documentKind: 'invoice' | 'errors' | 'buyerMessage' | null;
  partnerCif: string | null;
  partnerVatId: string | null;
  partnerName: string | null;
  number: string | null;
  typeCode: string | null;
  issueDate: string | null;
  dueDate: string | null;
  currency: string | null;
  netCents: number | null;
  vatCents: number | null;
  totalCents: number | null;
  errorCount: number | null;
  /** Upload index of the invoice a buyer message is about. */
  referencedIndex: string | null;
  messageText: string | null;
  vat: VatRow[];
  partnerFolded: string;
  numberFolded: string;
  /** Reason the ZIP's content could not be read; the ZIP is kept anyway. */
  problem: string | null;
  /** The same reason as an `unreadableZip` kind, for the interface language. */
  failure?: DownloadFailure | null;
}

const EMPTY: IndexedFields = {
  documentKind: null,
  partnerCif: null,
  partnerVatId: null,
  partnerName: null,
  number: null,
  typeCode: null,
  issueDate: null,
  dueDate: null,
  currency: null,
  netCents: null,
  vatCents: null,
  totalCents: null,
  errorCount: null,
  referencedIndex: null,
  messageText: null,
  vat: [],
  partnerFolded: '',
  numberFolded: '',
  problem: null,
  failure: null,
};

/** Directions whose ZIP contains an invoice or ANAF's error document. */
const INVOICE_DIRECTIONS = new Set(['received', 'sent', 'errors']);

/** The direction `messageDirection` gives ANAF's "MESAJ CUMPARATOR ..." types. */
export const BUYER_MESSAGE_DIRECTION = 'buyerMessage';

/**
 * Reads a stored ZIP and returns its index fields. A ZIP whose content
 * cannot be read gives empty fields and the reason in `problem`.
 * `direction` is the list's direction (`sent`, `received`, ...), used to
 * pick the partner when the company is on neither side of the invoice.
 * A buyer message gives the invoice it is about and its text. Another kind
 * of message is only checked for ANAF's two members. An unexpected
 * parser error is caught and kept as the problem too, so that it never
 * stops the ZIP from being archived.
 */
export async function readIndexFields(
  cif: string,
  direction: string,
  zipBytes: Uint8Array,
): Promise<IndexedFields> {
  try {
    return await readFields(cif, direction, zipBytes);
  } catch (error) {
    const message = describeError(error);
    return unreadable({ code: null, message, details: {} });
  }
}

async function readFields(
  cif: string,
  direction: string,
  zipBytes: Uint8Array,
): Promise<IndexedFields> {
  if (direction === BUYER_MESSAGE_DIRECTION) {
    return buyerMessageFields(zipBytes);
  }
  if (!INVOICE_DIRECTIONS.has(direction)) {
    const zip = await readAnafMessageZip(zipBytes);
    return zip.ok ? EMPTY : unreadable(causeOf(zip.error));
  }

  const message = await readAnafMessage(zipBytes);
  if (!message.ok) {
    return unreadable(causeOf(message.error));
  }

  const { content } = message.value;
  if (content.kind === 'errors') {
    return {
      ...EMPTY,
      documentKind: 'errors',
      errorCount: content.errors.errors.length,
    };
  }
  return invoiceFields(cif, direction, content.invoice);
}

async function buyerMessageFields(
  zipBytes: Uint8Array,
): Promise<IndexedFields> {
  const zip = await readAnafMessageZip(zipBytes);
  if (!zip.ok) return unreadable(causeOf(zip.error));

  const message = readBuyerMessage(zip.value.document);
  if (!message.ok) return unreadable(causeOf(message.error));
  return {
    ...EMPTY,
    documentKind: 'buyerMessage',
    referencedIndex: message.value.invoiceUploadIndex,
    messageText: message.value.text,
  };
}

/** Returns empty fields with the reason as English text and as a kind. */
function unreadable(cause: FailureCause): IndexedFields {
  return {
    ...EMPTY,
    problem: `The ZIP is kept, but its content could not be read: ${cause.message}`,
    failure: { kind: 'unreadableZip', values: { cause } },
  };
}

/** Keeps the error's code and the details the renderer can name. */
function causeOf(error: AppError): FailureCause {
  const details: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.details ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') {
      details[name] = value;
    }
  }
  return { code: error.code, message: error.message, details };
}

/** Returns the index fields of a parsed invoice. */
export function invoiceFields(
  cif: string,
  direction: string,
  invoice: Invoice,
): IndexedFields {
  const partner = partnerOf(cif, direction, invoice);
  const partnerCif = partner.cif ?? partner.vatId ?? null;
  const sign = isCreditNote(invoice) ? -1 : 1;
  const signed = (value: DecimalValue | null) => {
    const cents = decimalToCents(value);
    return cents === null ? null : cents * sign;
  };
  return {
    ...EMPTY,
    documentKind: 'invoice',
    partnerCif,
    partnerVatId: partner.vatId,
    partnerName: partner.name,
    number: invoice.number,
    typeCode: invoice.typeCode,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    netCents: signed(invoice.totals.net),
    vatCents: signed(invoice.totals.vat),
    totalCents: signed(invoice.totals.withVat),
    vat: invoice.vatBreakdown.map((row) => ({
      category: row.category,
      rate: row.rate?.text ?? null,
      taxableCents: signed(row.taxableAmount),
      taxCents: signed(row.taxAmount),
    })),
    partnerFolded: foldedColumn([
      partner.name,
      partner.tradingName,
      partnerCif,
      partner.vatId,
    ]),
    numberFolded: foldedColumn([invoice.number]),
  };
}

/**
 * Tells whether an invoice is a credit note (UBL `CreditNote`, or UNTDID
 * 1001 type code 381). A credit note states positive amounts that reduce
 * what is owed, so the index stores them negative and the totals of a
 * filter net them against the invoices.
 */
function isCreditNote(invoice: Invoice): boolean {
  return invoice.rootKind === 'CreditNote' || invoice.typeCode === '381';
}

/**
 * Returns the other party: the buyer when the company sold, the seller when
 * it bought. When the CIFs do not decide it (a missing or foreign id), the
 * list's direction does.
 */
function partnerOf(
  cif: string,
  direction: string,
  invoice: Invoice,
): InvoiceParty {
  const { seller, buyer } = invoice;
  if (seller.cif === cif && buyer.cif !== cif) return buyer;
  if (buyer.cif === cif && seller.cif !== cif) return seller;
  return direction === 'sent' ? buyer : seller;
}
