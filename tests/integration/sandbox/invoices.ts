// Small CIUS-RO invoices for the conformance tests, each field settable so a
// test can break exactly one rule.
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import yauzl from 'yauzl';

export const CIUS_RO_1_0_1 =
  'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1';

export interface InvoiceFields {
  sellerCif: string;
  buyerCif: string;
  number?: string;
  issueDate?: string;
  customizationId?: string;
  sellerCounty?: string;
  sellerCity?: string;
  buyerCounty?: string;
  buyerCity?: string;
  buyerCountry?: string;
  /** Net amount of the one line. */
  lineAmount?: string;
  /** Document-level sum of line amounts (BR-CO-10 compares the two). */
  lineTotal?: string;
  taxAmount?: string;
  /** Tax-inclusive total (BR-CO-15 compares it with net + VAT). */
  taxInclusive?: string;
  root?: 'Invoice' | 'CreditNote';
}

function party(
  cif: string,
  name: string,
  city: string,
  county: string,
  country: string,
): string {
  const vat = country === 'RO' ? `RO${cif}` : `${country}${cif}`;
  return (
    '<cac:Party><cac:PostalAddress>' +
    `<cbc:StreetName>Str. Teilor nr. 3</cbc:StreetName><cbc:CityName>${city}</cbc:CityName>` +
    `<cbc:PostalZone>400001</cbc:PostalZone><cbc:CountrySubentity>${county}</cbc:CountrySubentity>` +
    `<cac:Country><cbc:IdentificationCode>${country}</cbc:IdentificationCode></cac:Country></cac:PostalAddress>` +
    `<cac:PartyTaxScheme><cbc:CompanyID>${vat}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>` +
    `<cac:PartyLegalEntity><cbc:RegistrationName>${name}</cbc:RegistrationName></cac:PartyLegalEntity>` +
    '</cac:Party>'
  );
}

/** Builds a UBL invoice (or credit note) that passes every sandbox rule unless a field breaks one. */
export function ublInvoice(fields: InvoiceFields): Buffer {
  const root = fields.root ?? 'Invoice';
  const ns =
    root === 'Invoice'
      ? 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'
      : 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';
  const typeCode =
    root === 'Invoice' ? 'InvoiceTypeCode' : 'CreditNoteTypeCode';
  const typeValue = root === 'Invoice' ? '380' : '381';
  const lineTag = root === 'Invoice' ? 'InvoiceLine' : 'CreditNoteLine';
  const quantityTag =
    root === 'Invoice' ? 'InvoicedQuantity' : 'CreditedQuantity';
  const line = fields.lineAmount ?? '100.00';
  const tax = fields.taxAmount ?? '21.00';
  const total = fields.lineTotal ?? line;
  const inclusive =
    fields.taxInclusive ?? (Number(total) + Number(tax)).toFixed(2);
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<${root} xmlns="${ns}" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">` +
    `<cbc:CustomizationID>${fields.customizationId ?? CIUS_RO_1_0_1}</cbc:CustomizationID>` +
    `<cbc:ID>${fields.number ?? 'TST-0001'}</cbc:ID><cbc:IssueDate>${fields.issueDate ?? '2026-11-02'}</cbc:IssueDate>` +
    `<cbc:${typeCode}>${typeValue}</cbc:${typeCode}><cbc:DocumentCurrencyCode>RON</cbc:DocumentCurrencyCode>` +
    `<cac:AccountingSupplierParty>${party(fields.sellerCif, 'Vânzător Test SRL', fields.sellerCity ?? 'Cluj-Napoca', fields.sellerCounty ?? 'RO-CJ', 'RO')}</cac:AccountingSupplierParty>` +
    `<cac:AccountingCustomerParty>${party(fields.buyerCif, 'Cumpărător Test SRL', fields.buyerCity ?? 'Iaşi', fields.buyerCounty ?? 'RO-IS', fields.buyerCountry ?? 'RO')}</cac:AccountingCustomerParty>` +
    `<cac:TaxTotal><cbc:TaxAmount currencyID="RON">${tax}</cbc:TaxAmount><cac:TaxSubtotal><cbc:TaxableAmount currencyID="RON">${total}</cbc:TaxableAmount><cbc:TaxAmount currencyID="RON">${tax}</cbc:TaxAmount><cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>21</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>` +
    `<cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="RON">${total}</cbc:LineExtensionAmount><cbc:TaxExclusiveAmount currencyID="RON">${total}</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="RON">${inclusive}</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="RON">${inclusive}</cbc:PayableAmount></cac:LegalMonetaryTotal>` +
    `<cac:${lineTag}><cbc:ID>1</cbc:ID><cbc:${quantityTag} unitCode="H87">1</cbc:${quantityTag}><cbc:LineExtensionAmount currencyID="RON">${line}</cbc:LineExtensionAmount>` +
    `<cac:Item><cbc:Name>Servicii de consultanţă</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>21</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>` +
    `<cac:Price><cbc:PriceAmount currencyID="RON">${line}</cbc:PriceAmount></cac:Price></cac:${lineTag}>` +
    `</${root}>\n`;
  return Buffer.from(xml, 'utf8');
}

/** Reads every entry of a ZIP into memory. */
export function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
      if (error || !archive) {
        reject(error ?? new Error('Not a ZIP'));
        return;
      }
      const entries = new Map<string, Buffer>();
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            reject(streamError ?? new Error('Unreadable entry'));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            archive.readEntry();
          });
        });
      });
      archive.on('end', () => resolve(entries));
      archive.on('error', reject);
      archive.readEntry();
    });
  });
}

export interface ErrorDocument {
  namespace: string | null;
  index: string | null;
  cifEmitent: string | null;
  messages: string[];
}

/** Reads the error document inside a `nok` ZIP. */
export function readErrorDocument(bytes: Buffer): ErrorDocument {
  const root = new DOMParser().parseFromString(
    bytes.toString('utf8'),
    'text/xml',
  ).documentElement;
  if (!root) throw new Error('The error document has no root');
  const messages: string[] = [];
  const errors = root.getElementsByTagName('Error');
  for (let i = 0; i < errors.length; i += 1) {
    messages.push(errors.item(i)?.getAttribute('errorMessage') ?? '');
  }
  return {
    namespace: root.namespaceURI,
    index: root.getAttribute('Index_incarcare'),
    cifEmitent: root.getAttribute('Cif_emitent'),
    messages,
  };
}

/** Reads one attribute of an XML answer's root (`header`). */
export function rootAttribute(xml: string, name: string): string | null {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  return root?.getAttribute(name) ?? null;
}

export function answerErrors(xml: string): string[] {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  if (!root) return [];
  const found: string[] = [];
  const errors = root.getElementsByTagName('Errors');
  for (let i = 0; i < errors.length; i += 1) {
    found.push(errors.item(i)?.getAttribute('errorMessage') ?? '');
  }
  return found;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
