/**
 * A CIUS-RO UBL invoice between two invented Romanian companies, built as
 * text so that tests can vary its encoding, size and trailing content.
 */

export const SELLER_CIF = '12345674';
export const BUYER_CIF = '33334449';

/** Seller name with comma-below letters, buyer name with cedilla letters. */
export const SELLER_NAME = 'Construcții Șerban și Fiii SRL';
export const BUYER_NAME = 'Şcoala Ţăndărei';

export interface SampleOptions {
  /** Value of `encoding` in the XML declaration; no declaration when `null`. */
  encoding?: string | null;
  number?: string;
  lineCount?: number;
  note?: string;
  /** Markup appended as the last children of the root (e.g. a signature). */
  trailer?: string;
}

export function sampleInvoiceXml(options: SampleOptions = {}): string {
  const encoding = options.encoding === undefined ? 'UTF-8' : options.encoding;
  const declaration =
    encoding === null ? '' : `<?xml version="1.0" encoding="${encoding}"?>\n`;
  const lineCount = options.lineCount ?? 2;
  const lines = Array.from({ length: lineCount }, (_, i) => sampleLine(i + 1));
  const net = (lineCount * 100).toFixed(2);
  const vat = (lineCount * 19).toFixed(2);
  const gross = (lineCount * 119).toFixed(2);

  return `${declaration}<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1</cbc:CustomizationID>
  <cbc:ID>${options.number ?? 'FCT-2025-0042'}</cbc:ID>
  <cbc:IssueDate>2025-01-15</cbc:IssueDate>
  <cbc:DueDate>2025-02-14</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:Note>${options.note ?? 'Vă mulțumim! Plata în 30 de zile.'}</cbc:Note>
  <cbc:DocumentCurrencyCode>RON</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>REF-ȘCOALĂ-7</cbc:BuyerReference>
  <cac:OrderReference><cbc:ID>CMD-19</cbc:ID></cac:OrderReference>
  <cac:AccountingSupplierParty>
    <cac:Party>
      <cac:PostalAddress>
        <cbc:StreetName>Strada Mărășești nr. 12</cbc:StreetName>
        <cbc:CityName>Iași</cbc:CityName>
        <cbc:PostalZone>700259</cbc:PostalZone>
        <cbc:CountrySubentity>RO-IS</cbc:CountrySubentity>
        <cac:Country><cbc:IdentificationCode>RO</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>RO${SELLER_CIF}</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>${SELLER_NAME}</cbc:RegistrationName>
        <cbc:CompanyID>J22/1234/2010</cbc:CompanyID>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cac:Party>
      <cac:PostalAddress>
        <cbc:StreetName>Bulevardul Ștefan cel Mare 1</cbc:StreetName>
        <cbc:CityName>Ţăndărei</cbc:CityName>
        <cbc:CountrySubentity>RO-IL</cbc:CountrySubentity>
        <cac:Country><cbc:IdentificationCode>RO</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>${BUYER_NAME}</cbc:RegistrationName>
        <cbc:CompanyID>${BUYER_CIF}</cbc:CompanyID>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingCustomerParty>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
    <cac:PayeeFinancialAccount><cbc:ID>RO49AAAA1B31007593840000</cbc:ID></cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="RON">${vat}</cbc:TaxAmount>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="RON">${net}</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="RON">${vat}</cbc:TaxAmount>
      <cac:TaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>19</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="RON">${net}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="RON">${net}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="RON">${gross}</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="RON">${gross}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
${lines.join('')}${options.trailer ?? ''}</Invoice>
`;
}

function sampleLine(id: number): string {
  return `  <cac:InvoiceLine>
    <cbc:ID>${id}</cbc:ID>
    <cbc:InvoicedQuantity unitCode="H87">2</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="RON">100.00</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>Cărămidă plină țiglă ${id}</cbc:Name>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>19</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="RON">50.00</cbc:PriceAmount></cac:Price>
  </cac:InvoiceLine>
`;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
