// Reads the invoice view from a UBL 2.1 Invoice or CreditNote.
import type { Element } from '@xmldom/xmldom';

import type {
  InvoiceView,
  LineView,
  PartyView,
  VatBreakdownView,
} from './invoice-view.ts';
import { child, children, descend, NS, textOf } from './xml.ts';

const cac = (name: string) => [NS.cac, name] as const;
const cbc = (name: string) => [NS.cbc, name] as const;

/** Returns the CompanyID of the PartyTaxScheme whose TaxScheme/ID is VAT. */
function vatIdentifier(party: Element | null): string | null {
  for (const scheme of children(party, NS.cac, 'PartyTaxScheme')) {
    if (textOf(descend(scheme, cac('TaxScheme'), cbc('ID'))) === 'VAT') {
      return textOf(child(scheme, NS.cbc, 'CompanyID'));
    }
  }
  return null;
}

function readParty(party: Element | null): PartyView {
  const address = child(party, NS.cac, 'PostalAddress');
  const legal = child(party, NS.cac, 'PartyLegalEntity');
  return {
    name:
      textOf(child(legal, NS.cbc, 'RegistrationName')) ??
      textOf(descend(party, cac('PartyName'), cbc('Name'))),
    vatId: vatIdentifier(party),
    taxIds: children(party, NS.cac, 'PartyTaxScheme')
      .map((scheme) => textOf(child(scheme, NS.cbc, 'CompanyID')))
      .filter((id): id is string => id !== null),
    legalId: textOf(child(legal, NS.cbc, 'CompanyID')),
    street: textOf(child(address, NS.cbc, 'StreetName')),
    city: textOf(child(address, NS.cbc, 'CityName')),
    postalCode: textOf(child(address, NS.cbc, 'PostalZone')),
    countrySubentity: textOf(child(address, NS.cbc, 'CountrySubentity')),
    country: textOf(
      descend(address, cac('Country'), cbc('IdentificationCode')),
    ),
  };
}

function readLine(line: Element, quantityName: string): LineView {
  const item = child(line, NS.cac, 'Item');
  const category = child(item, NS.cac, 'ClassifiedTaxCategory');
  const quantity = child(line, NS.cbc, quantityName);
  return {
    id: textOf(child(line, NS.cbc, 'ID')),
    name: textOf(child(item, NS.cbc, 'Name')),
    quantity: textOf(quantity),
    unitCode: quantity?.getAttribute('unitCode') ?? null,
    price: textOf(descend(line, cac('Price'), cbc('PriceAmount'))),
    netAmount: textOf(child(line, NS.cbc, 'LineExtensionAmount')),
    vatCategory: textOf(child(category, NS.cbc, 'ID')),
    vatRate: textOf(child(category, NS.cbc, 'Percent')),
  };
}

/** Finds the TaxTotal/TaxAmount stated in a currency (the first one, as XPath's first match). */
function taxAmountIn(root: Element, currency: string | null): string | null {
  if (!currency) return null;
  for (const total of children(root, NS.cac, 'TaxTotal')) {
    const amount = child(total, NS.cbc, 'TaxAmount');
    if (amount?.getAttribute('currencyID') === currency) return textOf(amount);
  }
  return null;
}

function readVatBreakdown(
  root: Element,
  currency: string | null,
): VatBreakdownView[] {
  const breakdown: VatBreakdownView[] = [];
  for (const total of children(root, NS.cac, 'TaxTotal')) {
    const amount = child(total, NS.cbc, 'TaxAmount');
    if (currency && amount?.getAttribute('currencyID') !== currency) continue;
    for (const subtotal of children(total, NS.cac, 'TaxSubtotal')) {
      const category = child(subtotal, NS.cac, 'TaxCategory');
      breakdown.push({
        category: textOf(child(category, NS.cbc, 'ID')),
        rate: textOf(child(category, NS.cbc, 'Percent')),
        taxableAmount: textOf(child(subtotal, NS.cbc, 'TaxableAmount')),
        taxAmount: textOf(child(subtotal, NS.cbc, 'TaxAmount')),
      });
    }
  }
  return breakdown;
}

/** Reads a UBL Invoice or CreditNote root element. */
export function readUblInvoice(
  root: Element,
  kind: 'Invoice' | 'CreditNote',
): InvoiceView {
  const totals = child(root, NS.cac, 'LegalMonetaryTotal');
  const currency = textOf(child(root, NS.cbc, 'DocumentCurrencyCode'));
  const taxCurrency = textOf(child(root, NS.cbc, 'TaxCurrencyCode'));
  const lineName = kind === 'Invoice' ? 'InvoiceLine' : 'CreditNoteLine';
  const quantityName =
    kind === 'Invoice' ? 'InvoicedQuantity' : 'CreditedQuantity';
  return {
    syntax: 'UBL',
    root: kind,
    customizationId: textOf(child(root, NS.cbc, 'CustomizationID')),
    number: textOf(child(root, NS.cbc, 'ID')),
    issueDate: textOf(child(root, NS.cbc, 'IssueDate')),
    dueDate:
      textOf(child(root, NS.cbc, 'DueDate')) ??
      textOf(descend(root, cac('PaymentMeans'), cbc('PaymentDueDate'))),
    typeCode: textOf(
      child(
        root,
        NS.cbc,
        kind === 'Invoice' ? 'InvoiceTypeCode' : 'CreditNoteTypeCode',
      ),
    ),
    currency,
    taxCurrency,
    notes: children(root, NS.cbc, 'Note').map((note) => textOf(note) ?? ''),
    seller: readParty(
      descend(root, cac('AccountingSupplierParty'), cac('Party')),
    ),
    buyer: readParty(
      descend(root, cac('AccountingCustomerParty'), cac('Party')),
    ),
    lineTotal: textOf(child(totals, NS.cbc, 'LineExtensionAmount')),
    taxExclusiveTotal: textOf(child(totals, NS.cbc, 'TaxExclusiveAmount')),
    vatTotal: taxAmountIn(root, currency),
    vatTotalInTaxCurrency:
      taxCurrency && taxCurrency !== currency
        ? taxAmountIn(root, taxCurrency)
        : null,
    taxInclusiveTotal: textOf(child(totals, NS.cbc, 'TaxInclusiveAmount')),
    payableAmount: textOf(child(totals, NS.cbc, 'PayableAmount')),
    vatBreakdown: readVatBreakdown(root, currency),
    lines: children(root, NS.cac, lineName).map((line) =>
      readLine(line, quantityName),
    ),
  };
}
