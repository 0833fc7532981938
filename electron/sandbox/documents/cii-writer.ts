// Writes an invoice draft as a CIUS-RO CrossIndustryInvoice (UN/CEFACT D16B),
// with elements in the order the CII schema requires.
import {
  computeTotals,
  EXEMPTION,
  type DraftTotals,
  type InvoiceDraft,
  type LineDraft,
} from './draft.ts';
import { CIUS_RO_CUSTOMIZATION_ID } from './messages.ts';
import type { Company } from './types.ts';
import { NS } from './xml.ts';
import { escapeAttribute, escapeText } from './xml-escape.ts';

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

/** Writes a YYYY-MM-DD date as a format-102 (YYYYMMDD) DateTimeString. */
function date102(isoDate: string): string {
  return `<udt:DateTimeString format="102">${isoDate.replace(/-/g, '')}</udt:DateTimeString>`;
}

function tradeParty(tag: string, company: Company): string {
  return (
    `<${tag}>` +
    element('ram:Name', company.name) +
    '<ram:SpecifiedLegalOrganization>' +
    element('ram:ID', company.registrationNumber) +
    '</ram:SpecifiedLegalOrganization>' +
    '<ram:PostalTradeAddress>' +
    element('ram:PostcodeCode', company.postalCode) +
    element('ram:LineOne', company.street) +
    element('ram:CityName', company.city) +
    element('ram:CountryID', 'RO') +
    element('ram:CountrySubDivisionName', company.countySubentity) +
    '</ram:PostalTradeAddress>' +
    '<ram:SpecifiedTaxRegistration>' +
    element('ram:ID', `RO${company.cif}`, { schemeID: 'VA' }) +
    '</ram:SpecifiedTaxRegistration>' +
    `</${tag}>`
  );
}

function lineItem(
  draft: InvoiceDraft,
  item: LineDraft,
  index: number,
  amount: string,
): string {
  return (
    '<ram:IncludedSupplyChainTradeLineItem>' +
    '<ram:AssociatedDocumentLineDocument>' +
    element('ram:LineID', String(index + 1)) +
    '</ram:AssociatedDocumentLineDocument>' +
    '<ram:SpecifiedTradeProduct>' +
    element('ram:Name', item.name) +
    '</ram:SpecifiedTradeProduct>' +
    '<ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice>' +
    element('ram:ChargeAmount', item.price) +
    '</ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>' +
    '<ram:SpecifiedLineTradeDelivery>' +
    element('ram:BilledQuantity', item.quantity, { unitCode: item.unitCode }) +
    '</ram:SpecifiedLineTradeDelivery>' +
    '<ram:SpecifiedLineTradeSettlement>' +
    '<ram:ApplicableTradeTax>' +
    element('ram:TypeCode', 'VAT') +
    element('ram:CategoryCode', item.vatRate === 0 ? 'E' : 'S') +
    element('ram:RateApplicablePercent', String(item.vatRate)) +
    '</ram:ApplicableTradeTax>' +
    '<ram:SpecifiedTradeSettlementLineMonetarySummation>' +
    element('ram:LineTotalAmount', amount) +
    '</ram:SpecifiedTradeSettlementLineMonetarySummation>' +
    '</ram:SpecifiedLineTradeSettlement>' +
    '</ram:IncludedSupplyChainTradeLineItem>'
  );
}

function attachment(draft: InvoiceDraft): string {
  if (!draft.attachment) return '';
  const { id, description, filename, pdf } = draft.attachment;
  // Type code 916 marks a supporting document (BG-24) in CII.
  return (
    '<ram:AdditionalReferencedDocument>' +
    element('ram:IssuerAssignedID', id) +
    element('ram:TypeCode', '916') +
    element('ram:Name', description) +
    element('ram:AttachmentBinaryObject', pdf.toString('base64'), {
      mimeCode: 'application/pdf',
      filename,
    }) +
    '</ram:AdditionalReferencedDocument>'
  );
}

function headerTaxes(totals: DraftTotals): string {
  return totals.vatGroups
    .map(
      (group) =>
        '<ram:ApplicableTradeTax>' +
        element('ram:CalculatedAmount', group.taxAmount) +
        element('ram:TypeCode', 'VAT') +
        (group.category === 'E'
          ? element('ram:ExemptionReason', EXEMPTION.reason)
          : '') +
        element('ram:BasisAmount', group.taxableAmount) +
        element('ram:CategoryCode', group.category) +
        (group.category === 'E'
          ? element('ram:ExemptionReasonCode', EXEMPTION.code)
          : '') +
        element('ram:RateApplicablePercent', String(group.rate)) +
        '</ram:ApplicableTradeTax>',
    )
    .join('');
}

function settlement(draft: InvoiceDraft, totals: DraftTotals): string {
  const ronTotal = totals.vatTotalRon
    ? element('ram:TaxTotalAmount', totals.vatTotalRon, { currencyID: 'RON' })
    : '';
  const preceding = draft.precedingInvoice
    ? '<ram:InvoiceReferencedDocument>' +
      element('ram:IssuerAssignedID', draft.precedingInvoice.number) +
      `<ram:FormattedIssueDateTime><qdt:DateTimeString format="102">${draft.precedingInvoice.issueDate.replace(/-/g, '')}</qdt:DateTimeString></ram:FormattedIssueDateTime>` +
      '</ram:InvoiceReferencedDocument>'
    : '';
  return (
    '<ram:ApplicableHeaderTradeSettlement>' +
    (draft.exchangeRate ? element('ram:TaxCurrencyCode', 'RON') : '') +
    element('ram:InvoiceCurrencyCode', draft.currency) +
    '<ram:SpecifiedTradeSettlementPaymentMeans>' +
    element('ram:TypeCode', '42') +
    '<ram:PayeePartyCreditorFinancialAccount>' +
    element('ram:IBANID', draft.seller.iban) +
    '</ram:PayeePartyCreditorFinancialAccount>' +
    '</ram:SpecifiedTradeSettlementPaymentMeans>' +
    headerTaxes(totals) +
    `<ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime>${date102(draft.dueDate)}</ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>` +
    '<ram:SpecifiedTradeSettlementHeaderMonetarySummation>' +
    element('ram:LineTotalAmount', totals.lineTotal) +
    element('ram:TaxBasisTotalAmount', totals.lineTotal) +
    element('ram:TaxTotalAmount', totals.vatTotal, {
      currencyID: draft.currency,
    }) +
    ronTotal +
    element('ram:GrandTotalAmount', totals.totalWithVat) +
    element('ram:DuePayableAmount', totals.totalWithVat) +
    '</ram:SpecifiedTradeSettlementHeaderMonetarySummation>' +
    preceding +
    '</ram:ApplicableHeaderTradeSettlement>'
  );
}

/** Writes the UTF-8 bytes of a CrossIndustryInvoice (type 380, or 381 for a credit note). */
export function writeCii(draft: InvoiceDraft): Buffer {
  const totals = computeTotals(draft);
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<rsm:CrossIndustryInvoice xmlns:rsm="${NS.rsm}" xmlns:ram="${NS.ram}" xmlns:udt="${NS.udt}" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100">\n` +
    '<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>' +
    element('ram:ID', CIUS_RO_CUSTOMIZATION_ID) +
    '</ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>\n' +
    '<rsm:ExchangedDocument>' +
    element('ram:ID', draft.number) +
    element('ram:TypeCode', draft.kind === 'invoice' ? '380' : '381') +
    `<ram:IssueDateTime>${date102(draft.issueDate)}</ram:IssueDateTime>` +
    '<ram:IncludedNote>' +
    element('ram:Content', draft.note) +
    '</ram:IncludedNote>' +
    '</rsm:ExchangedDocument>\n' +
    '<rsm:SupplyChainTradeTransaction>\n' +
    draft.lines
      .map((item, i) =>
        lineItem(draft, item, i, totals.lineAmounts[i] ?? '0.00'),
      )
      .join('\n') +
    '\n<ram:ApplicableHeaderTradeAgreement>' +
    tradeParty('ram:SellerTradeParty', draft.seller) +
    tradeParty('ram:BuyerTradeParty', draft.buyer) +
    attachment(draft) +
    '</ram:ApplicableHeaderTradeAgreement>\n' +
    '<ram:ApplicableHeaderTradeDelivery/>\n' +
    settlement(draft, totals) +
    '\n</rsm:SupplyChainTradeTransaction>\n' +
    '</rsm:CrossIndustryInvoice>\n';
  return Buffer.from(xml, 'utf8');
}
