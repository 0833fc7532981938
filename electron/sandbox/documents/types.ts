// Types shared by the document modules and exported through index.ts.

export type UploadStandard = 'UBL' | 'CN' | 'CII';

export interface Company {
  cif: string;
  name: string;
  registrationNumber: string;
  street: string;
  city: string;
  /** ISO 3166-2:RO code, e.g. 'RO-CJ'. */
  countySubentity: string;
  postalCode: string;
  iban: string;
}

/** Facts the server needs from a structurally valid document. */
export interface InvoiceFacts {
  root: 'Invoice' | 'CreditNote' | 'CrossIndustryInvoice';
  customizationId: string;
  number: string;
  /** YYYY-MM-DD */
  issueDate: string;
  sellerCif: string | null;
  buyerCif: string | null;
  buyerCountry: string | null;
  sellerName: string;
  buyerName: string;
  currency: string;
  /** BT-112 (total with VAT) as written, else BT-115 (amount due). */
  total: string;
}

/** Server state the rules read: the company registry and earlier uploads. */
export interface RuleContext {
  isRegistered(cif: string): boolean;
  findEarlierUpload(
    sellerCif: string,
    number: string,
    issueDate: string,
  ): { index: string; uploadedAt: Date } | null;
}

export interface Signer {
  certificatePem: string;
  privateKeyPem: string;
}

export interface SeedInvoice {
  standard: UploadStandard;
  sellerCif: string;
  buyerCif: string;
  body: Buffer;
  createdAt: Date;
}
