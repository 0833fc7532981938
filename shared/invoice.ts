/**
 * The invoice model that main builds from UBL `Invoice`, UBL `CreditNote` and
 * CII `CrossIndustryInvoice` XML, and that the renderer, the CLI and the
 * archive read. Plain data only (no functions, no Node types), so that it
 * crosses IPC unchanged. BT numbers are the EN 16931 business terms.
 */

/** The root element of the XML, which decides the syntax. */
export type InvoiceRootKind = 'Invoice' | 'CreditNote' | 'CrossIndustryInvoice';

/** The `standard` query value of ANAF's upload for each root kind. */
export type UploadStandard = 'UBL' | 'CN' | 'CII';

export const UPLOAD_STANDARD_BY_ROOT: Readonly<
  Record<InvoiceRootKind, UploadStandard>
> = {
  Invoice: 'UBL',
  CreditNote: 'CN',
  CrossIndustryInvoice: 'CII',
};

/**
 * A decimal from the XML. `text` is exact: use it for display, storage and
 * sums done in minor units. `value` is `Number(text)`, a binary float that
 * can lose digits past about 15 significant ones: use it to sort and filter.
 */
export interface DecimalValue {
  /** The decimal as written, without surrounding spaces, e.g. `'1234.50'`. */
  text: string;
  value: number;
}

export interface PostalAddress {
  street: string | null;
  additionalStreet: string | null;
  city: string | null;
  postalCode: string | null;
  /** BT-39/BT-54; for Romania an ISO 3166-2:RO code such as `'RO-CJ'`. */
  countySubentity: string | null;
  /** ISO 3166-1 alpha-2 code, e.g. `'RO'`. */
  countryCode: string | null;
}

export interface PartyContact {
  name: string | null;
  phone: string | null;
  email: string | null;
}

export interface InvoiceParty {
  /** Legal name (BT-27/BT-44), else the trading name. */
  name: string | null;
  /** Trading name (BT-28/BT-45) when the XML gives one. */
  tradingName: string | null;
  /** VAT identifier as written, with its country prefix (BT-31/BT-48). */
  vatId: string | null;
  /** Tax registration identifier that is not a VAT id (BT-32). */
  taxRegistrationId: string | null;
  /** Legal registration identifier (BT-30/BT-47): a CIF or trade register number. */
  registrationNumber: string | null;
  /** Additional legal information (BT-33), often the trade register number. */
  legalInfo: string | null;
  /**
   * Digits of the Romanian CIF, from the first of the VAT id, the
   * registration number and the tax registration id that is 2 to 10 digits
   * after an optional `RO`. Values without `RO` count only for a party in
   * Romania or with no country. The check digit is not verified here.
   */
  cif: string | null;
  /** Party identifiers (BT-29/BT-46), e.g. a GLN. */
  identifiers: string[];
  address: PostalAddress;
  contact: PartyContact;
}

export interface PaymentMeans {
  /** UNTDID 4461 code (BT-81), e.g. `'30'` credit transfer, `'42'` account. */
  code: string | null;
  /** Text of the means (BT-82). */
  text: string | null;
  /** Remittance information (BT-83). */
  paymentId: string | null;
  /** Payee account (BT-84), usually an IBAN. */
  iban: string | null;
  accountName: string | null;
  /** BIC of the payee's bank (BT-86). */
  bic: string | null;
}

export interface AllowanceCharge {
  /** `true` for a charge, `false` for an allowance (discount). */
  isCharge: boolean;
  amount: DecimalValue | null;
  baseAmount: DecimalValue | null;
  percent: DecimalValue | null;
  reason: string | null;
  reasonCode: string | null;
  /** VAT category of a document-level allowance or charge. */
  vatCategory: string | null;
  vatRate: DecimalValue | null;
}

export interface InvoiceLine {
  /** Line identifier (BT-126). */
  id: string | null;
  /** Item name (BT-153). */
  name: string | null;
  description: string | null;
  note: string | null;
  sellerItemId: string | null;
  /** Invoiced or credited quantity (BT-129). */
  quantity: DecimalValue | null;
  /** UN/ECE rec. 20 unit code (BT-130), e.g. `'H87'` piece, `'C62'` unit. */
  unitCode: string | null;
  /** Net price (BT-146) for `priceBaseQuantity` units. */
  price: DecimalValue | null;
  /** Base quantity of the price (BT-149); one unit when absent. */
  priceBaseQuantity: DecimalValue | null;
  /** VAT category code (BT-151), e.g. `'S'` standard, `'Z'`, `'E'`, `'AE'`. */
  vatCategory: string | null;
  /** VAT rate in percent (BT-152). */
  vatRate: DecimalValue | null;
  /** Line net amount (BT-131). */
  netAmount: DecimalValue | null;
  allowancesCharges: AllowanceCharge[];
}

/** One row of the VAT breakdown (BG-23). */
export interface VatBreakdown {
  category: string | null;
  rate: DecimalValue | null;
  taxableAmount: DecimalValue | null;
  taxAmount: DecimalValue | null;
  exemptionReason: string | null;
  exemptionReasonCode: string | null;
}

/** Document totals (BG-22), all in the invoice currency unless noted. */
export interface InvoiceTotals {
  /** Sum of line net amounts (BT-106). */
  lineNet: DecimalValue | null;
  allowances: DecimalValue | null;
  charges: DecimalValue | null;
  /** Total without VAT (BT-109). */
  net: DecimalValue | null;
  /** VAT total in the invoice currency (BT-110). */
  vat: DecimalValue | null;
  /**
   * VAT total in the VAT accounting currency (BT-111), present when the
   * invoice is in another currency than the one VAT is accounted in (RON for
   * Romanian VAT).
   */
  vatInTaxCurrency: DecimalValue | null;
  /** Total with VAT (BT-112). */
  withVat: DecimalValue | null;
  prepaid: DecimalValue | null;
  rounding: DecimalValue | null;
  /** Amount due (BT-115). */
  payable: DecimalValue | null;
}

/**
 * A document attached to the invoice (BG-24). The content is not kept in the
 * model; main extracts it on request from the original XML by `index`.
 */
export interface InvoiceAttachment {
  /** Position among the invoice's attachments, starting at 0. */
  index: number;
  /** Reference of the supporting document (BT-122). */
  id: string | null;
  description: string | null;
  /** File name as the sender wrote it: display only, never a path. */
  filename: string | null;
  mimeType: string | null;
  /** Decoded size in bytes of an embedded document, else `null`. */
  size: number | null;
  /** Address of an external document (BT-124), when not embedded. */
  externalUri: string | null;
}

export interface PrecedingInvoice {
  number: string;
  issueDate: string | null;
}

export interface Invoice {
  rootKind: InvoiceRootKind;
  syntax: 'UBL' | 'CII';
  standard: UploadStandard;
  /** BT-24, e.g. `urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1`. */
  customizationId: string | null;
  profileId: string | null;
  /** Invoice number (BT-1). */
  number: string;
  /** UNTDID 1001 code (BT-3), e.g. `'380'` invoice, `'381'` credit note. */
  typeCode: string | null;
  /** `YYYY-MM-DD` (BT-2). */
  issueDate: string;
  /** `YYYY-MM-DD` (BT-9). */
  dueDate: string | null;
  /** ISO 4217 code of the invoice currency (BT-5). */
  currency: string;
  /** ISO 4217 code of the VAT accounting currency (BT-6), when given. */
  taxCurrency: string | null;
  buyerReference: string | null;
  orderReference: string | null;
  contractReference: string | null;
  precedingInvoices: PrecedingInvoice[];
  seller: InvoiceParty;
  buyer: InvoiceParty;
  paymentMeans: PaymentMeans[];
  paymentTerms: string | null;
  lines: InvoiceLine[];
  /** Document-level allowances and charges (BG-20, BG-21). */
  allowancesCharges: AllowanceCharge[];
  vatBreakdown: VatBreakdown[];
  totals: InvoiceTotals;
  notes: string[];
  attachments: InvoiceAttachment[];
  /** ANAF upload index, known when the invoice came from an ANAF ZIP. */
  uploadIndex: string | null;
}

/**
 * The facts the upload checks need, read without building the whole model.
 * A missing value is `null`; the caller decides whether it blocks the upload.
 */
export interface DocumentSummary {
  rootKind: InvoiceRootKind;
  standard: UploadStandard;
  customizationId: string | null;
  number: string | null;
  /** `YYYY-MM-DD`, or `null` when missing or not a valid date. */
  issueDate: string | null;
  currency: string | null;
  sellerName: string | null;
  sellerVatId: string | null;
  sellerCif: string | null;
  sellerCountry: string | null;
  buyerName: string | null;
  buyerVatId: string | null;
  buyerCif: string | null;
  buyerCountry: string | null;
}

/** One error of ANAF's validation, from the error document of a `nok` upload. */
export interface AnafValidationError {
  /** The rule id in the message, e.g. `'BR-CO-15'`, `'BR-RO-110'`, `'R6.1'`. */
  ruleId: string | null;
  /** The message as ANAF wrote it. */
  message: string;
}

export interface AnafErrorDocument {
  uploadIndex: string | null;
  /** CIF the upload was made for (`Cif_emitent`). */
  sellerCif: string | null;
  errors: AnafValidationError[];
}

/** Signer and digest read from the signature file of an ANAF ZIP. */
export interface AnafSignatureInfo {
  /**
   * `detached`: the file is only a `Signature` whose digest covers the raw
   * bytes of the document. `enveloped`: the file is the document with a
   * `Signature` as the last child of its root.
   */
  shape: 'detached' | 'enveloped';
  /** Subject of the certificate, else the `X509SubjectName` text. */
  signerSubject: string | null;
  signerIssuer: string | null;
  /** ISO 8601 validity of the certificate, when it could be read. */
  validFrom: string | null;
  validTo: string | null;
  certificatePem: string | null;
  /** Base64 digest from the signature's reference. */
  digestValue: string | null;
  digestAlgorithm: string | null;
  signatureAlgorithm: string | null;
  referenceUri: string | null;
}
