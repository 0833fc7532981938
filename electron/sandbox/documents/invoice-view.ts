// A syntax-neutral view of the invoice fields the rules, the facts and the PDF
// need, read from UBL (Invoice, CreditNote) or CII. Values stay as the text of
// the document; amounts are parsed only where they are compared.
import type { Document } from '@xmldom/xmldom';

import { readCiiInvoice } from './cii-reader.ts';
import { readUblInvoice } from './ubl-reader.ts';
import { NS } from './xml.ts';

export interface PartyView {
  name: string | null;
  /** BT-31 / BT-48: the VAT identifier, with its country prefix. */
  vatId: string | null;
  /** Every tax identifier of the party (UBL PartyTaxScheme, CII SpecifiedTaxRegistration), VAT or not. */
  taxIds: string[];
  /** BT-30 / BT-47: the legal registration identifier. */
  legalId: string | null;
  street: string | null;
  city: string | null;
  postalCode: string | null;
  /** BT-39 / BT-54 */
  countrySubentity: string | null;
  /** BT-40 / BT-55, ISO 3166-1 alpha-2 */
  country: string | null;
}

export interface LineView {
  id: string | null;
  name: string | null;
  quantity: string | null;
  unitCode: string | null;
  price: string | null;
  /** BT-131 */
  netAmount: string | null;
  vatCategory: string | null;
  vatRate: string | null;
}

export interface VatBreakdownView {
  category: string | null;
  rate: string | null;
  taxableAmount: string | null;
  taxAmount: string | null;
}

export interface InvoiceView {
  syntax: 'UBL' | 'CII';
  root: 'Invoice' | 'CreditNote' | 'CrossIndustryInvoice';
  customizationId: string | null;
  number: string | null;
  /** As written: YYYY-MM-DD in UBL, YYYYMMDD (format 102) in CII. */
  issueDate: string | null;
  dueDate: string | null;
  typeCode: string | null;
  currency: string | null;
  taxCurrency: string | null;
  notes: string[];
  seller: PartyView;
  buyer: PartyView;
  /** BT-106 */
  lineTotal: string | null;
  /** BT-109 */
  taxExclusiveTotal: string | null;
  /** BT-110: the VAT total in the document currency, null when absent. */
  vatTotal: string | null;
  /** BT-111: the VAT total in the VAT accounting currency, when it differs. */
  vatTotalInTaxCurrency: string | null;
  /** BT-112 */
  taxInclusiveTotal: string | null;
  /** BT-115 */
  payableAmount: string | null;
  vatBreakdown: VatBreakdownView[];
  lines: LineView[];
}

/** Reads the invoice view from a parsed UBL or CII document. */
export function readInvoice(document: Document): InvoiceView | null {
  const root = document.documentElement;
  if (!root) return null;
  if (
    root.namespaceURI === NS.rsm &&
    root.localName === 'CrossIndustryInvoice'
  ) {
    return readCiiInvoice(root);
  }
  if (root.namespaceURI === NS.ublInvoice && root.localName === 'Invoice') {
    return readUblInvoice(root, 'Invoice');
  }
  if (
    root.namespaceURI === NS.ublCreditNote &&
    root.localName === 'CreditNote'
  ) {
    return readUblInvoice(root, 'CreditNote');
  }
  return null;
}
