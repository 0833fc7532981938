/** Maps a UBL 2.1 Invoice or CreditNote element tree to the invoice model. */
import type { Element } from '@xmldom/xmldom';

import {
  UPLOAD_STANDARD_BY_ROOT,
  type DecimalValue,
  type DocumentSummary,
  type Invoice,
  type InvoiceTotals,
} from '../../../shared/invoice.ts';

import {
  readUblAllowanceCharge,
  readUblAttachment,
  readUblLine,
  readUblParty,
  readUblPaymentMeans,
  readUblVatBreakdown,
  ublAttachmentElements,
  ublDecimal,
} from './ubl-parts.ts';
import { requireText } from './required.ts';
import { parseDecimal, requireValidDate, toIsoDate } from './values.ts';
import { all, attribute, one, text } from './xml-path.ts';

type UblRootKind = 'Invoice' | 'CreditNote';

const LINE_ELEMENT: Record<UblRootKind, string> = {
  Invoice: 'InvoiceLine',
  CreditNote: 'CreditNoteLine',
};

const QUANTITY_ELEMENT: Record<UblRootKind, string> = {
  Invoice: 'InvoicedQuantity',
  CreditNote: 'CreditedQuantity',
};

const TYPE_CODE_ELEMENT: Record<UblRootKind, string> = {
  Invoice: 'cbc:InvoiceTypeCode',
  CreditNote: 'cbc:CreditNoteTypeCode',
};

export function readUblInvoice(root: Element, rootKind: UblRootKind): Invoice {
  const header = readUblHeader(root);
  const taxCurrency = text(root, 'cbc:TaxCurrencyCode');

  return {
    rootKind,
    syntax: 'UBL',
    standard: UPLOAD_STANDARD_BY_ROOT[rootKind],
    customizationId: text(root, 'cbc:CustomizationID'),
    profileId: text(root, 'cbc:ProfileID'),
    number: requireText(header.number, 'number', 'cbc:ID (BT-1)'),
    typeCode: text(root, TYPE_CODE_ELEMENT[rootKind]),
    issueDate: requireText(
      header.issueDate,
      'issue date',
      'cbc:IssueDate (BT-2)',
    ),
    dueDate: readDueDate(root),
    currency: requireText(
      header.currency,
      'currency',
      'cbc:DocumentCurrencyCode (BT-5)',
    ),
    taxCurrency,
    buyerReference: text(root, 'cbc:BuyerReference'),
    orderReference: text(root, 'cac:OrderReference/cbc:ID'),
    contractReference: text(root, 'cac:ContractDocumentReference/cbc:ID'),
    precedingInvoices: readPrecedingInvoices(root),
    seller: readUblParty(one(root, 'cac:AccountingSupplierParty/cac:Party')),
    buyer: readUblParty(one(root, 'cac:AccountingCustomerParty/cac:Party')),
    paymentMeans: all(root, 'cac:PaymentMeans').map(readUblPaymentMeans),
    paymentTerms: joinedText(all(root, 'cac:PaymentTerms/cbc:Note')),
    lines: all(root, `cac:${LINE_ELEMENT[rootKind]}`).map((line) =>
      readUblLine(line, QUANTITY_ELEMENT[rootKind]),
    ),
    allowancesCharges: all(root, 'cac:AllowanceCharge').map(
      readUblAllowanceCharge,
    ),
    vatBreakdown: all(root, 'cac:TaxTotal/cac:TaxSubtotal').map(
      readUblVatBreakdown,
    ),
    totals: readUblTotals(root, header.currency, taxCurrency),
    notes: all(root, 'cbc:Note')
      .map((note) => note.textContent?.trim() ?? '')
      .filter((note) => note !== ''),
    attachments: ublAttachmentElements(root).map(readUblAttachment),
    uploadIndex: null,
  };
}

/** Reads the upload-check facts without the lines, totals or attachments. */
export function readUblSummary(
  root: Element,
  rootKind: UblRootKind,
): DocumentSummary {
  const header = readUblHeader(root, { strictDates: false });
  const seller = readUblParty(
    one(root, 'cac:AccountingSupplierParty/cac:Party'),
  );
  const buyer = readUblParty(
    one(root, 'cac:AccountingCustomerParty/cac:Party'),
  );

  return {
    rootKind,
    standard: UPLOAD_STANDARD_BY_ROOT[rootKind],
    customizationId: text(root, 'cbc:CustomizationID'),
    number: header.number,
    issueDate: header.issueDate,
    currency: header.currency,
    sellerName: seller.name,
    sellerVatId: seller.vatId,
    sellerCif: seller.cif,
    sellerCountry: seller.address.countryCode,
    buyerName: buyer.name,
    buyerVatId: buyer.vatId,
    buyerCif: buyer.cif,
    buyerCountry: buyer.address.countryCode,
  };
}

function readUblHeader(root: Element, options = { strictDates: true }) {
  const issueDateText = text(root, 'cbc:IssueDate');
  const issueDate = options.strictDates
    ? requireValidDate(issueDateText, toIsoDate(issueDateText), 'cbc:IssueDate')
    : toIsoDate(issueDateText);
  return {
    number: text(root, 'cbc:ID'),
    issueDate,
    currency: text(root, 'cbc:DocumentCurrencyCode'),
  };
}

/** BT-9: `cbc:DueDate`, or in UBL 2.1 credit notes the payment due date. */
function readDueDate(root: Element): string | null {
  const dueDate =
    text(root, 'cbc:DueDate') ??
    text(root, 'cac:PaymentMeans/cbc:PaymentDueDate');
  return requireValidDate(dueDate, toIsoDate(dueDate), 'cbc:DueDate');
}

function readPrecedingInvoices(root: Element): Invoice['precedingInvoices'] {
  const references = all(
    root,
    'cac:BillingReference/cac:InvoiceDocumentReference',
  );
  return references.flatMap((reference) => {
    const number = text(reference, 'cbc:ID');
    if (number === null) return [];
    return [{ number, issueDate: toIsoDate(text(reference, 'cbc:IssueDate')) }];
  });
}

function readUblTotals(
  root: Element,
  currency: string | null,
  taxCurrency: string | null,
): InvoiceTotals {
  const totals = one(root, 'cac:LegalMonetaryTotal');
  const amount = (name: string) => ublDecimal(totals, `cbc:${name}`);

  return {
    lineNet: amount('LineExtensionAmount'),
    allowances: amount('AllowanceTotalAmount'),
    charges: amount('ChargeTotalAmount'),
    net: amount('TaxExclusiveAmount'),
    vat: vatTotalIn(root, currency, true),
    vatInTaxCurrency:
      taxCurrency !== null && taxCurrency !== currency
        ? vatTotalIn(root, taxCurrency, false)
        : null,
    withVat: amount('TaxInclusiveAmount'),
    prepaid: amount('PrepaidAmount'),
    rounding: amount('PayableRoundingAmount'),
    payable: amount('PayableAmount'),
  };
}

/**
 * Returns the `TaxTotal/TaxAmount` in `currency`. UBL repeats `TaxTotal` for
 * the VAT accounting currency (BT-111), without subtotals, so the
 * invoice-currency total falls back to the first `TaxTotal` when no currency
 * matches.
 */
function vatTotalIn(
  root: Element,
  currency: string | null,
  fallBackToFirst: boolean,
): DecimalValue | null {
  const amounts = all(root, 'cac:TaxTotal/cbc:TaxAmount');
  const match =
    amounts.find((amount) => attribute(amount, 'currencyID') === currency) ??
    (fallBackToFirst ? amounts[0] : undefined);
  if (!match) return null;
  return parseDecimal(
    match.textContent?.trim() || null,
    'cac:TaxTotal/cbc:TaxAmount',
  );
}

function joinedText(elements: Element[]): string | null {
  const parts = elements
    .map((element) => element.textContent?.trim() ?? '')
    .filter((part) => part !== '');
  return parts.length > 0 ? parts.join('\n') : null;
}
