// The sandbox's document layer: everything about the bytes of invoices and
// of ANAF's answers. The server side of the sandbox calls only this module.

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
  total: string;
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

export interface RuleContext {
  isRegistered(cif: string): boolean;
  findEarlierUpload(
    sellerCif: string,
    number: string,
    issueDate: string,
  ): { index: string; uploadedAt: Date } | null;
}

function notImplemented(): never {
  throw new Error('not implemented yet');
}

/** Invented companies with valid CIF check digits. */
export const SEEDED_COMPANIES: Company[] = [];

/** Checks a Romanian CIF's check digit (key 753217532). */
export function isValidCif(cif: string): boolean {
  void cif;
  return notImplemented();
}

/** Invents realistic details for a CIF a certificate has rights on. */
export function makeCompany(cif: string, rng?: () => number): Company {
  void cif;
  void rng;
  return notImplemented();
}

/** Synchronous upload check (see the interface notes). */
export function checkStructure(
  body: Buffer,
  standard: UploadStandard,
): { ok: true; facts: InvoiceFacts } | { ok: false; message: string } {
  void body;
  void standard;
  return notImplemented();
}

/** Business rules applied while an upload is processed; empty = ok. */
export function applyRules(
  body: Buffer,
  facts: InvoiceFacts,
  ctx: RuleContext,
): string[] {
  void body;
  void facts;
  void ctx;
  return notImplemented();
}

/** The error document inside a `nok` ZIP. */
export function buildErrorDocument(
  uploadIndex: string,
  cifEmitent: string,
  messages: string[],
): Buffer {
  void uploadIndex;
  void cifEmitent;
  void messages;
  return notImplemented();
}

/** The download ZIP: `<index>.xml` and `semnatura_<index>.xml`. */
export async function buildMessageZip(
  uploadIndex: string,
  document: Buffer,
  signer: Signer,
  shape: 'detached' | 'enveloped',
): Promise<Buffer> {
  void uploadIndex;
  void document;
  void signer;
  void shape;
  return notImplemented();
}

/** The public validare service's verdict for FACT1/FCN. */
export function validateDocument(
  body: Buffer,
  standard: 'FACT1' | 'FCN',
): { stare: 'ok' } | { stare: 'nok'; messages: string[] } {
  void body;
  void standard;
  return notImplemented();
}

/** A PDF rendering of an invoice for the transformare service. */
export async function renderInvoicePdf(body: Buffer): Promise<Buffer> {
  void body;
  return notImplemented();
}

/** Checks that the signature file signs this document (both shapes). */
export function verifyMessageSignature(
  document: Buffer,
  signatureFile: Buffer,
): { valid: boolean; reason?: string } {
  void document;
  void signatureFile;
  return notImplemented();
}

/** Deterministic seeded invoices between registry companies. */
export function generateSeedInvoices(options: {
  seed: string;
  count: number;
  companies: Company[];
  now: Date;
}): SeedInvoice[] {
  void options;
  return notImplemented();
}

/** e-Transport declaration check; returns error messages, empty = ok. */
export function checkEtransportDeclaration(body: Buffer): string[] {
  void body;
  return notImplemented();
}
