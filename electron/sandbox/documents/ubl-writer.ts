// Writes an invoice draft as a CIUS-RO UBL 2.1 Invoice or CreditNote, with
// elements in the order the UBL 2.1 schemas require.
import {
  computeTotals,
  EXEMPTION,
  type DraftTotals,
  type InvoiceDraft,
  type LineDraft,
  type VatGroup,
} from './draft.ts';
import { CIUS_RO_CUSTOMIZATION_ID } from './messages.ts';
import type { Company } from './types.ts';
import { NS } from './xml.ts';
import { escapeAttribute, escapeText } from './xml-escape.ts';

/** Writes `<name>text</name>` with escaped text and optional attributes. */
function element(
  name: string,
  text: string,
  attributes: Record<string, string> = {},
): string {
  const rendered = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('');
  return `<${name}${rendered}>${escapeText(text)}</${name}>`;
}

function party(company: Company): string {
  return (
    '<cac:Party>' +
    '<cac:PostalAddress>' +
    element('cbc:StreetName', company.street) +
    element('cbc:CityName', company.city) +
    element('cbc:PostalZone', company.postalCode) +
    element('cbc:CountrySubentity', company.countySubentity) +
    '<cac:Country>' +
    element('cbc:IdentificationCode', 'RO') +
    '</cac:Country>' +
    '</cac:PostalAddress>' +
    '<cac:PartyTaxScheme>' +
    element('cbc:CompanyID', `RO${company.cif}`) +
    '<cac:TaxScheme>' +
    element('cbc:ID', 'VAT') +
    '</cac:TaxScheme>' +
    '</cac:PartyTaxScheme>' +
    '<cac:PartyLegalEntity>' +
    element('cbc:RegistrationName', company.name) +
    element('cbc:CompanyID', company.registrationNumber) +
    '</cac:PartyLegalEntity>' +
    '</cac:Party>'
  );
}

function taxCategory(
  tag: string,
  group: Pick<VatGroup, 'category' | 'rate'>,
  withReason: boolean,
): string {
  const reason =
    withReason && group.category === 'E'
      ? element('cbc:TaxExemptionReasonCode', EXEMPTION.code) +
        element('cbc:TaxExemptionReason', EXEMPTION.reason)
      : '';
  return (
    `<${tag}>` +
    element('cbc:ID', group.category) +
    element('cbc:Percent', String(group.rate)) +
    reason +
    '<cac:TaxScheme>' +
    element('cbc:ID', 'VAT') +
    '</cac:TaxScheme>' +
    `</${tag}>`
  );
}

function taxTotals(draft: InvoiceDraft, totals: DraftTotals): string {
  const money = { currencyID: draft.currency };
  const subtotals = totals.vatGroups
    .map(
      (group) =>
        '<cac:TaxSubtotal>' +
        element('cbc:TaxableAmount', group.taxableAmount, money) +
        element('cbc:TaxAmount', group.taxAmount, money) +
        taxCategory('cac:TaxCategory', group, true) +
        '</cac:TaxSubtotal>',
    )
    .join('');
  const main = `<cac:TaxTotal>${element('cbc:TaxAmount', totals.vatTotal, money)}${subtotals}</cac:TaxTotal>`;
  // BT-111: the VAT total in RON, required when the VAT accounting currency
  // (BT-6) differs from the invoice currency.
  const ron = totals.vatTotalRon
    ? `<cac:TaxTotal>${element('cbc:TaxAmount', totals.vatTotalRon, { currencyID: 'RON' })}</cac:TaxTotal>`
    : '';
  return main + ron;
}

function line(
  draft: InvoiceDraft,
  item: LineDraft,
  index: number,
  amount: string,
): string {
  const isInvoice = draft.kind === 'invoice';
  const tag = isInvoice ? 'cac:InvoiceLine' : 'cac:CreditNoteLine';
  const quantityTag = isInvoice
    ? 'cbc:InvoicedQuantity'
    : 'cbc:CreditedQuantity';
  const category = {
    category: item.vatRate === 0 ? ('E' as const) : ('S' as const),
    rate: item.vatRate,
  };
  return (
    `<${tag}>` +
    element('cbc:ID', String(index + 1)) +
    element(quantityTag, item.quantity, { unitCode: item.unitCode }) +
    element('cbc:LineExtensionAmount', amount, { currencyID: draft.currency }) +
    '<cac:Item>' +
    element('cbc:Name', item.name) +
    taxCategory('cac:ClassifiedTaxCategory', category, false) +
    '</cac:Item>' +
    '<cac:Price>' +
    element('cbc:PriceAmount', item.price, { currencyID: draft.currency }) +
    '</cac:Price>' +
    `</${tag}>`
  );
}

function attachment(draft: InvoiceDraft): string {
  if (!draft.attachment) return '';
  const { id, description, filename, pdf } = draft.attachment;
  return (
    '<cac:AdditionalDocumentReference>' +
    element('cbc:ID', id) +
    element('cbc:DocumentDescription', description) +
    '<cac:Attachment>' +
    element('cbc:EmbeddedDocumentBinaryObject', pdf.toString('base64'), {
      mimeCode: 'application/pdf',
      filename,
    }) +
    '</cac:Attachment>' +
    '</cac:AdditionalDocumentReference>'
  );
}

function billingReference(draft: InvoiceDraft): string {
  if (!draft.precedingInvoice) return '';
  return (
    '<cac:BillingReference><cac:InvoiceDocumentReference>' +
    element('cbc:ID', draft.precedingInvoice.number) +
    element('cbc:IssueDate', draft.precedingInvoice.issueDate) +
    '</cac:InvoiceDocumentReference></cac:BillingReference>'
  );
}

function paymentMeans(draft: InvoiceDraft): string {
  // Code 42 is a payment to a bank account; a credit note states the due date here
  // because its header has no DueDate element.
  const dueDate =
    draft.kind === 'creditNote'
      ? element('cbc:PaymentDueDate', draft.dueDate)
      : '';
  return (
    '<cac:PaymentMeans>' +
    element('cbc:PaymentMeansCode', '42') +
    dueDate +
    '<cac:PayeeFinancialAccount>' +
    element('cbc:ID', draft.seller.iban) +
    '</cac:PayeeFinancialAccount>' +
    '</cac:PaymentMeans>'
  );
}

/** Writes the UTF-8 bytes of a UBL Invoice or CreditNote. */
export function writeUbl(draft: InvoiceDraft): Buffer {
  const totals = computeTotals(draft);
  const isInvoice = draft.kind === 'invoice';
  const root = isInvoice ? 'Invoice' : 'CreditNote';
  const money = { currencyID: draft.currency };
  const taxCurrency = draft.exchangeRate
    ? element('cbc:TaxCurrencyCode', 'RON')
    : '';
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<${root} xmlns="${isInvoice ? NS.ublInvoice : NS.ublCreditNote}" xmlns:cac="${NS.cac}" xmlns:cbc="${NS.cbc}">\n` +
    element('cbc:CustomizationID', CIUS_RO_CUSTOMIZATION_ID) +
    element('cbc:ID', draft.number) +
    element('cbc:IssueDate', draft.issueDate) +
    (isInvoice
      ? element('cbc:DueDate', draft.dueDate) +
        element('cbc:InvoiceTypeCode', '380')
      : element('cbc:CreditNoteTypeCode', '381')) +
    element('cbc:Note', draft.note) +
    element('cbc:DocumentCurrencyCode', draft.currency) +
    taxCurrency +
    billingReference(draft) +
    attachment(draft) +
    `\n<cac:AccountingSupplierParty>${party(draft.seller)}</cac:AccountingSupplierParty>\n` +
    `<cac:AccountingCustomerParty>${party(draft.buyer)}</cac:AccountingCustomerParty>\n` +
    paymentMeans(draft) +
    '\n' +
    taxTotals(draft, totals) +
    '\n<cac:LegalMonetaryTotal>' +
    element('cbc:LineExtensionAmount', totals.lineTotal, money) +
    element('cbc:TaxExclusiveAmount', totals.lineTotal, money) +
    element('cbc:TaxInclusiveAmount', totals.totalWithVat, money) +
    element('cbc:PayableAmount', totals.totalWithVat, money) +
    '</cac:LegalMonetaryTotal>\n' +
    draft.lines
      .map((item, i) => line(draft, item, i, totals.lineAmounts[i] ?? '0.00'))
      .join('\n') +
    `\n</${root}>\n`;
  return Buffer.from(xml, 'utf8');
}
