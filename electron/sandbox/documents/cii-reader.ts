// Reads the invoice view from a UN/CEFACT CrossIndustryInvoice (D16B).
import type { Element } from '@xmldom/xmldom';

import type {
  InvoiceView,
  LineView,
  PartyView,
  VatBreakdownView,
} from './invoice-view.ts';
import { child, children, descend, NS, textOf } from './xml.ts';

/** Converts a CII format-102 date (YYYYMMDD) to YYYY-MM-DD; other text is returned unchanged. */
export function isoDate(value: string | null): string | null {
  if (!value) return null;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : value;
}

const ram = (name: string) => [NS.ram, name] as const;
const rsm = (name: string) => [NS.rsm, name] as const;

/** Returns the SpecifiedTaxRegistration/ID whose schemeID is VA (the VAT identifier). */
function vatIdentifier(party: Element | null): string | null {
  for (const registration of children(
    party,
    NS.ram,
    'SpecifiedTaxRegistration',
  )) {
    const id = child(registration, NS.ram, 'ID');
    if (id?.getAttribute('schemeID') === 'VA') return textOf(id);
  }
  return null;
}

function readParty(party: Element | null): PartyView {
  const address = child(party, NS.ram, 'PostalTradeAddress');
  return {
    name: textOf(child(party, NS.ram, 'Name')),
    vatId: vatIdentifier(party),
    taxIds: children(party, NS.ram, 'SpecifiedTaxRegistration')
      .map((registration) => textOf(child(registration, NS.ram, 'ID')))
      .filter((id): id is string => id !== null),
    legalId: textOf(
      descend(party, ram('SpecifiedLegalOrganization'), ram('ID')),
    ),
    street: textOf(child(address, NS.ram, 'LineOne')),
    city: textOf(child(address, NS.ram, 'CityName')),
    postalCode: textOf(child(address, NS.ram, 'PostcodeCode')),
    countrySubentity: textOf(child(address, NS.ram, 'CountrySubDivisionName')),
    country: textOf(child(address, NS.ram, 'CountryID')),
  };
}

function readLine(line: Element): LineView {
  const settlement = child(line, NS.ram, 'SpecifiedLineTradeSettlement');
  const tax = child(settlement, NS.ram, 'ApplicableTradeTax');
  const quantity = descend(
    line,
    ram('SpecifiedLineTradeDelivery'),
    ram('BilledQuantity'),
  );
  return {
    id: textOf(
      descend(line, ram('AssociatedDocumentLineDocument'), ram('LineID')),
    ),
    name: textOf(descend(line, ram('SpecifiedTradeProduct'), ram('Name'))),
    quantity: textOf(quantity),
    unitCode: quantity?.getAttribute('unitCode') ?? null,
    price: textOf(
      descend(
        line,
        ram('SpecifiedLineTradeAgreement'),
        ram('NetPriceProductTradePrice'),
        ram('ChargeAmount'),
      ),
    ),
    netAmount: textOf(
      descend(
        settlement,
        ram('SpecifiedTradeSettlementLineMonetarySummation'),
        ram('LineTotalAmount'),
      ),
    ),
    vatCategory: textOf(child(tax, NS.ram, 'CategoryCode')),
    vatRate: textOf(child(tax, NS.ram, 'RateApplicablePercent')),
  };
}

/** Finds the TaxTotalAmount stated in a currency (the first one, as XPath's first match). */
function taxTotalIn(
  summation: Element | null,
  currency: string | null,
): string | null {
  if (!currency) return null;
  for (const amount of children(summation, NS.ram, 'TaxTotalAmount')) {
    if (amount.getAttribute('currencyID') === currency) return textOf(amount);
  }
  return null;
}

function readVatBreakdown(settlement: Element | null): VatBreakdownView[] {
  return children(settlement, NS.ram, 'ApplicableTradeTax').map((tax) => ({
    category: textOf(child(tax, NS.ram, 'CategoryCode')),
    rate: textOf(child(tax, NS.ram, 'RateApplicablePercent')),
    taxableAmount: textOf(child(tax, NS.ram, 'BasisAmount')),
    taxAmount: textOf(child(tax, NS.ram, 'CalculatedAmount')),
  }));
}

/** Reads a CrossIndustryInvoice root element. */
export function readCiiInvoice(root: Element): InvoiceView {
  const document = child(root, NS.rsm, 'ExchangedDocument');
  const transaction = child(root, NS.rsm, 'SupplyChainTradeTransaction');
  const agreement = child(
    transaction,
    NS.ram,
    'ApplicableHeaderTradeAgreement',
  );
  const settlement = child(
    transaction,
    NS.ram,
    'ApplicableHeaderTradeSettlement',
  );
  const summation = child(
    settlement,
    NS.ram,
    'SpecifiedTradeSettlementHeaderMonetarySummation',
  );
  const currency = textOf(child(settlement, NS.ram, 'InvoiceCurrencyCode'));
  const taxCurrency = textOf(child(settlement, NS.ram, 'TaxCurrencyCode'));
  return {
    syntax: 'CII',
    root: 'CrossIndustryInvoice',
    customizationId: textOf(
      descend(
        root,
        rsm('ExchangedDocumentContext'),
        ram('GuidelineSpecifiedDocumentContextParameter'),
        ram('ID'),
      ),
    ),
    number: textOf(child(document, NS.ram, 'ID')),
    issueDate: textOf(
      descend(document, ram('IssueDateTime'), [NS.udt, 'DateTimeString']),
    ),
    dueDate: isoDate(
      textOf(
        descend(
          settlement,
          ram('SpecifiedTradePaymentTerms'),
          ram('DueDateDateTime'),
          [NS.udt, 'DateTimeString'],
        ),
      ),
    ),
    typeCode: textOf(child(document, NS.ram, 'TypeCode')),
    currency,
    taxCurrency,
    notes: children(document, NS.ram, 'IncludedNote').map(
      (note) => textOf(child(note, NS.ram, 'Content')) ?? '',
    ),
    seller: readParty(child(agreement, NS.ram, 'SellerTradeParty')),
    buyer: readParty(child(agreement, NS.ram, 'BuyerTradeParty')),
    lineTotal: textOf(child(summation, NS.ram, 'LineTotalAmount')),
    taxExclusiveTotal: textOf(child(summation, NS.ram, 'TaxBasisTotalAmount')),
    vatTotal: taxTotalIn(summation, currency),
    vatTotalInTaxCurrency:
      taxCurrency && taxCurrency !== currency
        ? taxTotalIn(summation, taxCurrency)
        : null,
    taxInclusiveTotal: textOf(child(summation, NS.ram, 'GrandTotalAmount')),
    payableAmount: textOf(child(summation, NS.ram, 'DuePayableAmount')),
    vatBreakdown: readVatBreakdown(settlement),
    lines: children(
      transaction,
      NS.ram,
      'IncludedSupplyChainTradeLineItem',
    ).map(readLine),
  };
}
