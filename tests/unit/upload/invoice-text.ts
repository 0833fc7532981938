/**
 * Small UBL and CII invoices built as text, so that each upload check can
 * be tried with one value changed.
 */
import { cifCheckDigit } from '../../../shared/cif.ts';

/** Appends the check digit to a CIF body. */
export function validCif(body: string): string {
  return `${body}${cifCheckDigit(body)}`;
}

export const SELLER = validCif('1234567');
export const BUYER = validCif('7654321');
export const CIUS_RO =
  'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1';

export interface InvoiceText {
  root?: 'Invoice' | 'CreditNote';
  /** Omitted from the XML when null. */
  customizationId?: string | null;
  number?: string | null;
  issueDate?: string | null;
  currency?: string | null;
  typeCode?: string;
  sellerVat?: string;
  buyerVat?: string;
}

function element(name: string, value: string | null): string {
  return value === null ? '' : `<cbc:${name}>${value}</cbc:${name}>`;
}

function party(role: string, vat: string, name: string): string {
  return `<cac:${role}><cac:Party>
    <cac:PostalAddress><cbc:CityName>Cluj-Napoca</cbc:CityName><cbc:CountrySubentity>RO-CJ</cbc:CountrySubentity><cac:Country><cbc:IdentificationCode>RO</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
    <cac:PartyTaxScheme><cbc:CompanyID>${vat}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
    <cac:PartyLegalEntity><cbc:RegistrationName>${name}</cbc:RegistrationName></cac:PartyLegalEntity>
  </cac:Party></cac:${role}>`;
}

export function ublInvoice(options: InvoiceText = {}): string {
  const root = options.root ?? 'Invoice';
  const line = root === 'Invoice' ? 'InvoiceLine' : 'CreditNoteLine';
  const quantity = root === 'Invoice' ? 'InvoicedQuantity' : 'CreditedQuantity';
  const typeElement =
    root === 'Invoice' ? 'InvoiceTypeCode' : 'CreditNoteTypeCode';
  const customizationId =
    options.customizationId === undefined ? CIUS_RO : options.customizationId;
  const number = options.number === undefined ? 'UP-1' : options.number;
  const issueDate =
    options.issueDate === undefined ? '2026-01-15' : options.issueDate;
  const currency = options.currency === undefined ? 'RON' : options.currency;

  return `<?xml version="1.0" encoding="UTF-8"?>
<${root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  ${element('CustomizationID', customizationId)}
  ${element('ID', number)}
  ${element('IssueDate', issueDate)}
  ${element(typeElement, options.typeCode ?? (root === 'Invoice' ? '380' : '381'))}
  ${element('DocumentCurrencyCode', currency)}
  ${party('AccountingSupplierParty', options.sellerVat ?? `RO${SELLER}`, 'Furnizor SRL')}
  ${party('AccountingCustomerParty', options.buyerVat ?? `RO${BUYER}`, 'Client SRL')}
  <cac:TaxTotal><cbc:TaxAmount currencyID="RON">19.00</cbc:TaxAmount>
    <cac:TaxSubtotal><cbc:TaxableAmount currencyID="RON">100.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="RON">19.00</cbc:TaxAmount>
      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
    </cac:TaxSubtotal></cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="RON">100.00</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="RON">100.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="RON">119.00</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="RON">119.00</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:${line}><cbc:ID>1</cbc:ID><cbc:${quantity} unitCode="H87">1</cbc:${quantity}>
    <cbc:LineExtensionAmount currencyID="RON">100.00</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Servicii</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="RON">100.00</cbc:PriceAmount></cac:Price>
  </cac:${line}>
</${root}>
`;
}

export function ciiInvoice(sellerCif = SELLER): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
  xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
  xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>${CIUS_RO}</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument><ram:ID>CII-7</ram:ID><ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20260115</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty><ram:Name>Furnizor SRL</ram:Name>
        <ram:PostalTradeAddress><ram:CountryID>RO</ram:CountryID></ram:PostalTradeAddress>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">RO${sellerCif}</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:Name>Client SRL</ram:Name>
        <ram:PostalTradeAddress><ram:CountryID>RO</ram:CountryID></ram:PostalTradeAddress>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">RO${BUYER}</ram:ID></ram:SpecifiedTaxRegistration></ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>RON</ram:InvoiceCurrencyCode></ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
`;
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
