/** Readers for the repeated parts of a CII CrossIndustryInvoice (D16B). */
import type {
  AllowanceCharge,
  DecimalValue,
  InvoiceAttachment,
  InvoiceLine,
  InvoiceParty,
  PaymentMeans,
  VatBreakdown,
} from '../../../shared/invoice.ts';
import type { Element } from '@xmldom/xmldom';

import { base64DecodedSize } from './attachment-content.ts';
import { deriveCif } from './party-cif.ts';
import { ciiToIsoDate, parseDecimal, requireValidDate } from './values.ts';
import { all, attribute, one, text } from './xml-path.ts';

/** Reads a decimal child, naming the element path in errors. */
export function ciiDecimal(
  parent: Element | null,
  path: string,
): DecimalValue | null {
  return parseDecimal(text(parent, path), path);
}

/**
 * Reads a CII date container such as `ram:IssueDateTime`, whose child
 * `udt:DateTimeString` (or `udt:DateString`, `qdt:DateTimeString`) carries
 * the date and its `format`.
 */
export function ciiDate(
  parent: Element | null,
  path: string,
  options = { strict: true },
): string | null {
  const container = one(parent, path);
  const value =
    one(container, 'udt:DateTimeString') ??
    one(container, 'udt:DateString') ??
    one(container, 'qdt:DateTimeString');
  const raw = value?.textContent?.trim() || null;
  const iso = ciiToIsoDate(raw, attribute(value, 'format'));
  return options.strict ? requireValidDate(raw, iso, path) : iso;
}

/** Returns the party's tax registration id with this `schemeID` (VA or FC). */
function taxRegistration(party: Element | null, scheme: string): string | null {
  const ids = all(party, 'ram:SpecifiedTaxRegistration/ram:ID');
  const match = ids.find((id) => attribute(id, 'schemeID') === scheme);
  return match?.textContent?.trim() || null;
}

export function readCiiParty(party: Element | null): InvoiceParty {
  const address = one(party, 'ram:PostalTradeAddress');
  const countryCode = text(address, 'ram:CountryID');
  const ids = {
    vatId: taxRegistration(party, 'VA'),
    registrationNumber: text(party, 'ram:SpecifiedLegalOrganization/ram:ID'),
    taxRegistrationId: taxRegistration(party, 'FC'),
  };
  const identifiers = [
    ...all(party, 'ram:ID'),
    ...all(party, 'ram:GlobalID'),
  ].map((element) => element.textContent?.trim() ?? '');

  return {
    name: text(party, 'ram:Name'),
    tradingName: text(
      party,
      'ram:SpecifiedLegalOrganization/ram:TradingBusinessName',
    ),
    ...ids,
    legalInfo: text(party, 'ram:Description'),
    cif: deriveCif(ids, countryCode),
    identifiers: identifiers.filter((id) => id !== ''),
    address: {
      street: text(address, 'ram:LineOne'),
      additionalStreet: text(address, 'ram:LineTwo'),
      city: text(address, 'ram:CityName'),
      postalCode: text(address, 'ram:PostcodeCode'),
      countySubentity: text(address, 'ram:CountrySubDivisionName'),
      countryCode,
    },
    contact: {
      name: text(party, 'ram:DefinedTradeContact/ram:PersonName'),
      phone: text(
        party,
        'ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:CompleteNumber',
      ),
      email: text(
        party,
        'ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID',
      ),
    },
  };
}

export function readCiiPaymentMeans(
  means: Element,
  paymentId: string | null,
): PaymentMeans {
  const account = one(means, 'ram:PayeePartyCreditorFinancialAccount');
  return {
    code: text(means, 'ram:TypeCode'),
    text: text(means, 'ram:Information'),
    paymentId,
    iban: text(account, 'ram:IBANID') ?? text(account, 'ram:ProprietaryID'),
    accountName: text(account, 'ram:AccountName'),
    bic: text(
      means,
      'ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID',
    ),
  };
}

export function readCiiAllowanceCharge(element: Element): AllowanceCharge {
  const indicator = text(element, 'ram:ChargeIndicator/udt:Indicator');
  return {
    isCharge: indicator?.toLowerCase() === 'true',
    amount: ciiDecimal(element, 'ram:ActualAmount'),
    baseAmount: ciiDecimal(element, 'ram:BasisAmount'),
    percent: ciiDecimal(element, 'ram:CalculationPercent'),
    reason: text(element, 'ram:Reason'),
    reasonCode: text(element, 'ram:ReasonCode'),
    vatCategory: text(element, 'ram:CategoryTradeTax/ram:CategoryCode'),
    vatRate: ciiDecimal(
      element,
      'ram:CategoryTradeTax/ram:RateApplicablePercent',
    ),
  };
}

export function readCiiVatBreakdown(tax: Element): VatBreakdown {
  return {
    category: text(tax, 'ram:CategoryCode'),
    rate: ciiDecimal(tax, 'ram:RateApplicablePercent'),
    taxableAmount: ciiDecimal(tax, 'ram:BasisAmount'),
    taxAmount: ciiDecimal(tax, 'ram:CalculatedAmount'),
    exemptionReason: text(tax, 'ram:ExemptionReason'),
    exemptionReasonCode: text(tax, 'ram:ExemptionReasonCode'),
  };
}

export function readCiiLine(item: Element): InvoiceLine {
  const product = one(item, 'ram:SpecifiedTradeProduct');
  const netPrice = one(
    item,
    'ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice',
  );
  const quantityPath = 'ram:SpecifiedLineTradeDelivery/ram:BilledQuantity';
  const settlement = one(item, 'ram:SpecifiedLineTradeSettlement');

  return {
    id: text(item, 'ram:AssociatedDocumentLineDocument/ram:LineID'),
    name: text(product, 'ram:Name'),
    description: text(product, 'ram:Description'),
    note: text(
      item,
      'ram:AssociatedDocumentLineDocument/ram:IncludedNote/ram:Content',
    ),
    sellerItemId: text(product, 'ram:SellerAssignedID'),
    quantity: ciiDecimal(item, quantityPath),
    unitCode: attribute(one(item, quantityPath), 'unitCode'),
    price: ciiDecimal(netPrice, 'ram:ChargeAmount'),
    priceBaseQuantity: ciiDecimal(netPrice, 'ram:BasisQuantity'),
    vatCategory: text(settlement, 'ram:ApplicableTradeTax/ram:CategoryCode'),
    vatRate: ciiDecimal(
      settlement,
      'ram:ApplicableTradeTax/ram:RateApplicablePercent',
    ),
    netAmount: ciiDecimal(
      settlement,
      'ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount',
    ),
    allowancesCharges: all(settlement, 'ram:SpecifiedTradeAllowanceCharge').map(
      readCiiAllowanceCharge,
    ),
  };
}

/**
 * Returns the `AdditionalReferencedDocument` elements that are attachments.
 * Those are the ones with embedded content, and supporting documents (type
 * code 916) that point to an external address.
 */
export function ciiAttachmentElements(agreement: Element | null): Element[] {
  return all(agreement, 'ram:AdditionalReferencedDocument').filter(
    (reference) =>
      one(reference, 'ram:AttachmentBinaryObject') !== null ||
      (text(reference, 'ram:TypeCode') === '916' &&
        text(reference, 'ram:URIID') !== null),
  );
}

export function ciiEmbeddedObject(reference: Element): Element | null {
  return one(reference, 'ram:AttachmentBinaryObject');
}

export function readCiiAttachment(
  reference: Element,
  index: number,
): InvoiceAttachment {
  const embedded = ciiEmbeddedObject(reference);
  return {
    index,
    id: text(reference, 'ram:IssuerAssignedID'),
    description: text(reference, 'ram:Name'),
    filename: attribute(embedded, 'filename'),
    mimeType: attribute(embedded, 'mimeCode'),
    size: embedded ? base64DecodedSize(embedded.textContent ?? '') : null,
    externalUri: embedded ? null : text(reference, 'ram:URIID'),
  };
}
