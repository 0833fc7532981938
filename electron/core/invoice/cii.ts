/** Maps a CII CrossIndustryInvoice element tree to the invoice model. */
import type { Element } from '@xmldom/xmldom';

import type {
  DecimalValue,
  DocumentSummary,
  Invoice,
  InvoiceTotals,
} from '../../../shared/invoice.ts';

import {
  ciiAttachmentElements,
  ciiDate,
  ciiDecimal,
  readCiiAllowanceCharge,
  readCiiAttachment,
  readCiiLine,
  readCiiParty,
  readCiiPaymentMeans,
  readCiiVatBreakdown,
} from './cii-parts.ts';
import { requireText } from './required.ts';
import { parseDecimal } from './values.ts';
import { all, attribute, one, text } from './xml-path.ts';

/** Finds the header blocks that contain most CII fields. */
function sections(root: Element) {
  const transaction = one(root, 'rsm:SupplyChainTradeTransaction');
  return {
    context: one(root, 'rsm:ExchangedDocumentContext'),
    document: one(root, 'rsm:ExchangedDocument'),
    transaction,
    agreement: one(transaction, 'ram:ApplicableHeaderTradeAgreement'),
    settlement: one(transaction, 'ram:ApplicableHeaderTradeSettlement'),
  };
}

export function readCiiInvoice(root: Element): Invoice {
  const { context, document, transaction, agreement, settlement } =
    sections(root);
  const currency = text(settlement, 'ram:InvoiceCurrencyCode');
  const taxCurrency = text(settlement, 'ram:TaxCurrencyCode');
  const paymentId = text(settlement, 'ram:PaymentReference');
  const paymentTerms = one(settlement, 'ram:SpecifiedTradePaymentTerms');

  return {
    rootKind: 'CrossIndustryInvoice',
    syntax: 'CII',
    standard: 'CII',
    customizationId: text(
      context,
      'ram:GuidelineSpecifiedDocumentContextParameter/ram:ID',
    ),
    profileId: text(
      context,
      'ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID',
    ),
    number: requireText(text(document, 'ram:ID'), 'number', 'ram:ID (BT-1)'),
    typeCode: text(document, 'ram:TypeCode'),
    issueDate: requireText(
      ciiDate(document, 'ram:IssueDateTime'),
      'issue date',
      'ram:IssueDateTime (BT-2)',
    ),
    dueDate: ciiDate(paymentTerms, 'ram:DueDateDateTime'),
    currency: requireText(
      currency,
      'currency',
      'ram:InvoiceCurrencyCode (BT-5)',
    ),
    taxCurrency,
    buyerReference: text(agreement, 'ram:BuyerReference'),
    orderReference: text(
      agreement,
      'ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID',
    ),
    contractReference: text(
      agreement,
      'ram:ContractReferencedDocument/ram:IssuerAssignedID',
    ),
    precedingInvoices: readPrecedingInvoices(settlement),
    seller: readCiiParty(one(agreement, 'ram:SellerTradeParty')),
    buyer: readCiiParty(one(agreement, 'ram:BuyerTradeParty')),
    paymentMeans: all(
      settlement,
      'ram:SpecifiedTradeSettlementPaymentMeans',
    ).map((means) => readCiiPaymentMeans(means, paymentId)),
    paymentTerms: text(paymentTerms, 'ram:Description'),
    lines: all(transaction, 'ram:IncludedSupplyChainTradeLineItem').map(
      readCiiLine,
    ),
    allowancesCharges: all(settlement, 'ram:SpecifiedTradeAllowanceCharge').map(
      readCiiAllowanceCharge,
    ),
    vatBreakdown: all(settlement, 'ram:ApplicableTradeTax').map(
      readCiiVatBreakdown,
    ),
    totals: readCiiTotals(settlement, currency, taxCurrency),
    notes: all(document, 'ram:IncludedNote/ram:Content')
      .map((note) => note.textContent?.trim() ?? '')
      .filter((note) => note !== ''),
    attachments: ciiAttachmentElements(agreement).map(readCiiAttachment),
    uploadIndex: null,
  };
}

/** Reads the upload-check facts without the lines, totals or attachments. */
export function readCiiSummary(root: Element): DocumentSummary {
  const { context, document, agreement, settlement } = sections(root);
  const seller = readCiiParty(one(agreement, 'ram:SellerTradeParty'));
  const buyer = readCiiParty(one(agreement, 'ram:BuyerTradeParty'));

  return {
    rootKind: 'CrossIndustryInvoice',
    standard: 'CII',
    customizationId: text(
      context,
      'ram:GuidelineSpecifiedDocumentContextParameter/ram:ID',
    ),
    number: text(document, 'ram:ID'),
    issueDate: ciiDate(document, 'ram:IssueDateTime', { strict: false }),
    currency: text(settlement, 'ram:InvoiceCurrencyCode'),
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

function readPrecedingInvoices(
  settlement: Element | null,
): Invoice['precedingInvoices'] {
  return all(settlement, 'ram:InvoiceReferencedDocument').flatMap(
    (reference) => {
      const number = text(reference, 'ram:IssuerAssignedID');
      if (number === null) return [];
      const issueDate = ciiDate(reference, 'ram:FormattedIssueDateTime', {
        strict: false,
      });
      return [{ number, issueDate }];
    },
  );
}

function readCiiTotals(
  settlement: Element | null,
  currency: string | null,
  taxCurrency: string | null,
): InvoiceTotals {
  const summation = one(
    settlement,
    'ram:SpecifiedTradeSettlementHeaderMonetarySummation',
  );
  const amount = (name: string) => ciiDecimal(summation, `ram:${name}`);

  return {
    lineNet: amount('LineTotalAmount'),
    allowances: amount('AllowanceTotalAmount'),
    charges: amount('ChargeTotalAmount'),
    net: amount('TaxBasisTotalAmount'),
    vat: vatTotalIn(summation, currency, true),
    vatInTaxCurrency:
      taxCurrency !== null && taxCurrency !== currency
        ? vatTotalIn(summation, taxCurrency, false)
        : null,
    withVat: amount('GrandTotalAmount'),
    prepaid: amount('TotalPrepaidAmount'),
    rounding: amount('RoundingAmount'),
    payable: amount('DuePayableAmount'),
  };
}

/**
 * Returns the `TaxTotalAmount` in `currency`. CII repeats it with
 * `currencyID` for the VAT accounting currency (BT-111). An amount without
 * `currencyID` is in the invoice currency.
 */
function vatTotalIn(
  summation: Element | null,
  currency: string | null,
  isInvoiceCurrency: boolean,
): DecimalValue | null {
  const amounts = all(summation, 'ram:TaxTotalAmount');
  const match = amounts.find((amount) => {
    const amountCurrency = attribute(amount, 'currencyID');
    return amountCurrency === null
      ? isInvoiceCurrency
      : amountCurrency === currency;
  });
  if (!match) return null;
  return parseDecimal(match.textContent?.trim() || null, 'ram:TaxTotalAmount');
}
