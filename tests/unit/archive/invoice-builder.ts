/**
 * Builds ANAF message ZIPs for the archive, export and sync tests and the
 * benchmarks: a CIUS-RO UBL invoice or credit note with chosen parties,
 * lines and VAT rates, or ANAF's error document, next to a detached
 * signature file whose digest matches the document.
 */
import { createHash } from 'node:crypto';

import yazl from 'yazl';

export interface PartySpec {
  cif: string;
  name: string;
  city?: string;
  street?: string;
}

export interface LineSpec {
  name: string;
  quantity: number;
  price: number;
  /** VAT rate in percent; 0 gives category Z. */
  rate: number;
}

export interface AttachmentSpec {
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface InvoiceSpec {
  number: string;
  issueDate: string;
  dueDate?: string | null;
  currency?: string;
  seller: PartySpec;
  buyer: PartySpec;
  lines: LineSpec[];
  creditNote?: boolean;
  note?: string;
  attachments?: AttachmentSpec[];
}

const NS = `xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"`;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function money(value: number): string {
  return value.toFixed(2);
}

function party(spec: PartySpec, withVat: boolean): string {
  const vat = withVat
    ? `<cac:PartyTaxScheme><cbc:CompanyID>RO${spec.cif}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>`
    : '';
  return `<cac:Party>
      <cac:PostalAddress>
        <cbc:StreetName>${escapeXml(spec.street ?? 'Strada Mărășești nr. 12')}</cbc:StreetName>
        <cbc:CityName>${escapeXml(spec.city ?? 'Iași')}</cbc:CityName>
        <cbc:CountrySubentity>RO-IS</cbc:CountrySubentity>
        <cac:Country><cbc:IdentificationCode>RO</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      ${vat}
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>${escapeXml(spec.name)}</cbc:RegistrationName>
        <cbc:CompanyID>${spec.cif}</cbc:CompanyID>
      </cac:PartyLegalEntity>
    </cac:Party>`;
}

interface VatGroup {
  rate: number;
  taxable: number;
  tax: number;
}

function vatGroups(lines: LineSpec[]): VatGroup[] {
  const groups = new Map<number, VatGroup>();
  for (const line of lines) {
    const net = Math.round(line.quantity * line.price * 100) / 100;
    const group = groups.get(line.rate) ?? {
      rate: line.rate,
      taxable: 0,
      tax: 0,
    };
    group.taxable = Math.round((group.taxable + net) * 100) / 100;
    groups.set(line.rate, group);
  }
  for (const group of groups.values()) {
    group.tax = Math.round(group.taxable * group.rate) / 100;
  }
  return [...groups.values()];
}

function category(rate: number): string {
  return rate === 0 ? 'Z' : 'S';
}

function taxCategory(rate: number, tag: string): string {
  return `<cac:${tag}><cbc:ID>${category(rate)}</cbc:ID><cbc:Percent>${rate}</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:${tag}>`;
}

function attachment(spec: AttachmentSpec, index: number): string {
  const base64 = Buffer.from(spec.bytes).toString('base64');
  return `<cac:AdditionalDocumentReference>
    <cbc:ID>ANEXA-${index + 1}</cbc:ID>
    <cac:Attachment>
      <cbc:EmbeddedDocumentBinaryObject mimeCode="${escapeXml(spec.mimeType)}" filename="${escapeXml(spec.filename)}">${base64}</cbc:EmbeddedDocumentBinaryObject>
    </cac:Attachment>
  </cac:AdditionalDocumentReference>`;
}

/** Returns the UBL XML of an invoice or credit note. */
export function invoiceXml(spec: InvoiceSpec): string {
  const root = spec.creditNote ? 'CreditNote' : 'Invoice';
  const lineTag = spec.creditNote ? 'CreditNoteLine' : 'InvoiceLine';
  const quantityTag = spec.creditNote ? 'CreditedQuantity' : 'InvoicedQuantity';
  const typeTag = spec.creditNote ? 'CreditNoteTypeCode' : 'InvoiceTypeCode';
  const currency = spec.currency ?? 'RON';
  const groups = vatGroups(spec.lines);
  const net = groups.reduce((sum, group) => sum + group.taxable, 0);
  const vat = groups.reduce((sum, group) => sum + group.tax, 0);
  const amount = (value: number) => `currencyID="${currency}">${money(value)}`;

  const lines = spec.lines
    .map((line, index) => {
      const lineNet = Math.round(line.quantity * line.price * 100) / 100;
      return `<cac:${lineTag}>
    <cbc:ID>${index + 1}</cbc:ID>
    <cbc:${quantityTag} unitCode="H87">${line.quantity}</cbc:${quantityTag}>
    <cbc:LineExtensionAmount ${amount(lineNet)}</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>${escapeXml(line.name)}</cbc:Name>${taxCategory(line.rate, 'ClassifiedTaxCategory')}</cac:Item>
    <cac:Price><cbc:PriceAmount ${amount(line.price)}</cbc:PriceAmount></cac:Price>
  </cac:${lineTag}>`;
    })
    .join('\n');
  const subtotals = groups
    .map(
      (group) => `<cac:TaxSubtotal>
      <cbc:TaxableAmount ${amount(group.taxable)}</cbc:TaxableAmount>
      <cbc:TaxAmount ${amount(group.tax)}</cbc:TaxAmount>
      ${taxCategory(group.rate, 'TaxCategory')}
    </cac:TaxSubtotal>`,
    )
    .join('\n');

  return `<?xml version="1.0" encoding="UTF-8"?>
<${root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2" ${NS}>
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1</cbc:CustomizationID>
  <cbc:ID>${escapeXml(spec.number)}</cbc:ID>
  <cbc:IssueDate>${spec.issueDate}</cbc:IssueDate>
  ${spec.dueDate ? `<cbc:DueDate>${spec.dueDate}</cbc:DueDate>` : ''}
  <cbc:${typeTag}>${spec.creditNote ? '381' : '380'}</cbc:${typeTag}>
  ${spec.note ? `<cbc:Note>${escapeXml(spec.note)}</cbc:Note>` : ''}
  <cbc:DocumentCurrencyCode>${currency}</cbc:DocumentCurrencyCode>
  ${(spec.attachments ?? []).map(attachment).join('\n')}
  <cac:AccountingSupplierParty>${party(spec.seller, true)}</cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>${party(spec.buyer, false)}</cac:AccountingCustomerParty>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
    <cac:PayeeFinancialAccount><cbc:ID>RO49AAAA1B31007593840000</cbc:ID></cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:TaxTotal>
    <cbc:TaxAmount ${amount(vat)}</cbc:TaxAmount>
    ${subtotals}
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount ${amount(net)}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount ${amount(net)}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount ${amount(net + vat)}</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount ${amount(net + vat)}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  ${lines}
</${root}>
`;
}

/** ANAF's error document for a rejected upload. */
export function errorDocumentXml(
  uploadIndex: string,
  cif: string,
  messages: string[],
): string {
  const errors = messages
    .map((message) => `  <Error errorMessage="${escapeXml(message)}"/>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<header xmlns="mfp:anaf:dgti:efactura:mesajEroriFactuta:v1" Index_incarcare="${uploadIndex}" Cif_emitent="${cif}">
${errors}
</header>
`;
}

/** Builds a detached signature file whose digest covers `document`. */
export function detachedSignatureXml(document: Uint8Array): string {
  const digest = createHash('sha256').update(document).digest('base64');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">
  <SignedInfo>
    <CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
    <SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
    <Reference URI="">
      <DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
      <DigestValue>${digest}</DigestValue>
    </Reference>
  </SignedInfo>
  <SignatureValue>AAAA</SignatureValue>
  <KeyInfo><X509Data><X509SubjectName>CN=ANAF TEST</X509SubjectName></X509Data></KeyInfo>
</Signature>
`;
}

/** Packs ZIP entries with yazl into one buffer. */
export function zipEntries(
  entries: Array<{ name: string; data: string | Uint8Array }>,
): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    const data =
      typeof entry.data === 'string'
        ? Buffer.from(entry.data)
        : Buffer.from(entry.data);
    zip.addBuffer(data, entry.name);
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Builds an ANAF message ZIP with `document` and its signature file. */
export function messageZip(
  uploadIndex: string,
  document: string,
): Promise<Buffer> {
  const bytes = Buffer.from(document);
  return zipEntries([
    { name: `${uploadIndex}.xml`, data: bytes },
    { name: `semnatura_${uploadIndex}.xml`, data: detachedSignatureXml(bytes) },
  ]);
}
