/** Readers for the repeated parts of a UBL 2.1 Invoice or CreditNote. */
import type {
  AllowanceCharge,
  DecimalValue,
  InvoiceAttachment,
  InvoiceLine,
  InvoiceParty,
  PaymentMeans,
  PostalAddress,
  VatBreakdown,
} from '../../../shared/invoice.ts';
import type { Element } from '@xmldom/xmldom';

import { base64DecodedSize } from './attachment-content.ts';
import { deriveCif } from './party-cif.ts';
import { parseDecimal } from './values.ts';
import { all, attribute, one, text } from './xml-path.ts';

/** Reads a decimal child, naming the element path in errors. */
export function ublDecimal(
  parent: Element | null,
  path: string,
): DecimalValue | null {
  return parseDecimal(text(parent, path), path);
}

export function readUblParty(party: Element | null): InvoiceParty {
  const taxSchemes = all(party, 'cac:PartyTaxScheme');
  const vatScheme = taxSchemes.find(
    (scheme) => text(scheme, 'cac:TaxScheme/cbc:ID')?.toUpperCase() === 'VAT',
  );
  const otherScheme = taxSchemes.find((scheme) => scheme !== vatScheme);

  const legalName = text(party, 'cac:PartyLegalEntity/cbc:RegistrationName');
  const tradingName = text(party, 'cac:PartyName/cbc:Name');
  const address = readUblAddress(one(party, 'cac:PostalAddress'));
  const ids = {
    vatId: text(vatScheme ?? null, 'cbc:CompanyID'),
    registrationNumber: text(party, 'cac:PartyLegalEntity/cbc:CompanyID'),
    taxRegistrationId: text(otherScheme ?? null, 'cbc:CompanyID'),
  };

  return {
    name: legalName ?? tradingName,
    tradingName,
    ...ids,
    legalInfo: text(party, 'cac:PartyLegalEntity/cbc:CompanyLegalForm'),
    cif: deriveCif(ids, address.countryCode),
    identifiers: all(party, 'cac:PartyIdentification/cbc:ID')
      .map((element) => element.textContent?.trim() ?? '')
      .filter((id) => id !== ''),
    address,
    contact: {
      name: text(party, 'cac:Contact/cbc:Name'),
      phone: text(party, 'cac:Contact/cbc:Telephone'),
      email: text(party, 'cac:Contact/cbc:ElectronicMail'),
    },
  };
}

function readUblAddress(address: Element | null): PostalAddress {
  return {
    street:
      text(address, 'cbc:StreetName') ??
      text(address, 'cac:AddressLine/cbc:Line'),
    additionalStreet: text(address, 'cbc:AdditionalStreetName'),
    city: text(address, 'cbc:CityName'),
    postalCode: text(address, 'cbc:PostalZone'),
    countySubentity: text(address, 'cbc:CountrySubentity'),
    countryCode: text(address, 'cac:Country/cbc:IdentificationCode'),
  };
}

export function readUblPaymentMeans(means: Element): PaymentMeans {
  return {
    code: text(means, 'cbc:PaymentMeansCode'),
    text: attribute(one(means, 'cbc:PaymentMeansCode'), 'name'),
    paymentId: text(means, 'cbc:PaymentID'),
    iban: text(means, 'cac:PayeeFinancialAccount/cbc:ID'),
    accountName: text(means, 'cac:PayeeFinancialAccount/cbc:Name'),
    bic: text(
      means,
      'cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID',
    ),
  };
}

export function readUblAllowanceCharge(element: Element): AllowanceCharge {
  return {
    isCharge: text(element, 'cbc:ChargeIndicator')?.toLowerCase() === 'true',
    amount: ublDecimal(element, 'cbc:Amount'),
    baseAmount: ublDecimal(element, 'cbc:BaseAmount'),
    percent: ublDecimal(element, 'cbc:MultiplierFactorNumeric'),
    reason: text(element, 'cbc:AllowanceChargeReason'),
    reasonCode: text(element, 'cbc:AllowanceChargeReasonCode'),
    vatCategory: text(element, 'cac:TaxCategory/cbc:ID'),
    vatRate: ublDecimal(element, 'cac:TaxCategory/cbc:Percent'),
  };
}

export function readUblVatBreakdown(subtotal: Element): VatBreakdown {
  return {
    category: text(subtotal, 'cac:TaxCategory/cbc:ID'),
    rate: ublDecimal(subtotal, 'cac:TaxCategory/cbc:Percent'),
    taxableAmount: ublDecimal(subtotal, 'cbc:TaxableAmount'),
    taxAmount: ublDecimal(subtotal, 'cbc:TaxAmount'),
    exemptionReason: text(subtotal, 'cac:TaxCategory/cbc:TaxExemptionReason'),
    exemptionReasonCode: text(
      subtotal,
      'cac:TaxCategory/cbc:TaxExemptionReasonCode',
    ),
  };
}

/** Reads an `InvoiceLine` or `CreditNoteLine`; they differ in the quantity. */
export function readUblLine(line: Element, quantityName: string): InvoiceLine {
  const quantity = one(line, `cbc:${quantityName}`);
  return {
    id: text(line, 'cbc:ID'),
    name: text(line, 'cac:Item/cbc:Name'),
    description: text(line, 'cac:Item/cbc:Description'),
    note: text(line, 'cbc:Note'),
    sellerItemId: text(line, 'cac:Item/cac:SellersItemIdentification/cbc:ID'),
    quantity: ublDecimal(line, `cbc:${quantityName}`),
    unitCode: attribute(quantity, 'unitCode'),
    price: ublDecimal(line, 'cac:Price/cbc:PriceAmount'),
    priceBaseQuantity: ublDecimal(line, 'cac:Price/cbc:BaseQuantity'),
    vatCategory: text(line, 'cac:Item/cac:ClassifiedTaxCategory/cbc:ID'),
    vatRate: ublDecimal(line, 'cac:Item/cac:ClassifiedTaxCategory/cbc:Percent'),
    netAmount: ublDecimal(line, 'cbc:LineExtensionAmount'),
    allowancesCharges: all(line, 'cac:AllowanceCharge').map(
      readUblAllowanceCharge,
    ),
  };
}

/** Returns the `AdditionalDocumentReference` elements that carry an attachment. */
export function ublAttachmentElements(root: Element): Element[] {
  return all(root, 'cac:AdditionalDocumentReference').filter(
    (reference) => one(reference, 'cac:Attachment') !== null,
  );
}

/** Returns the embedded binary object of an attachment element, if any. */
export function ublEmbeddedObject(reference: Element): Element | null {
  return one(reference, 'cac:Attachment/cbc:EmbeddedDocumentBinaryObject');
}

export function readUblAttachment(
  reference: Element,
  index: number,
): InvoiceAttachment {
  const embedded = ublEmbeddedObject(reference);
  return {
    index,
    id: text(reference, 'cbc:ID'),
    description: text(reference, 'cbc:DocumentDescription'),
    filename: attribute(embedded, 'filename'),
    mimeType: attribute(embedded, 'mimeCode'),
    size: embedded ? base64DecodedSize(embedded.textContent ?? '') : null,
    externalUri: text(
      reference,
      'cac:Attachment/cac:ExternalReference/cbc:URI',
    ),
  };
}
