/**
 * The local checks every dropped file passes before anything is sent. The
 * upload CIF must be a followed company with a valid check digit. The file
 * must be a well-formed UBL Invoice, UBL CreditNote or CII invoice of at
 * most 10 MB that declares CIUS-RO. Its seller (or, when self-billed, its
 * buyer) should be the upload CIF, and the same bytes should not have been
 * sent before. Pure functions: the caller passes both lookups in.
 */
import { createHash } from 'node:crypto';
import { validateCif } from '../../../shared/cif.ts';
import type {
  UploadCheckResult,
  UploadProblem,
} from '../../../shared/domain.ts';
import type {
  DocumentSummary,
  UploadStandard,
} from '../../../shared/invoice.ts';
import { MAX_UPLOAD_BYTES } from '../anaf/efactura-calls.ts';
import { detectDocument, parseInvoice } from '../invoice/index.ts';
import type { CompanyLookup, UploadCompany } from './types.ts';

/** BT-24 of an invoice that follows the current CIUS-RO (BR-RO-001). */
export const CIUS_RO_CUSTOMIZATION_ID =
  'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1';
const OUTDATED_CUSTOMIZATION_ID =
  'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.0';

/**
 * UNTDID 1001 codes of self-billed documents: 389 self-billed invoice, 261
 * self-billed credit note.
 */
const SELF_BILLED_TYPE_CODES = new Set(['389', '261']);

export const DUPLICATE_PROBLEM = 'duplicate.sameBytes';

/** The upload CIF, checked once for all files of a submission. */
export interface UploadCifCheck {
  /** The CIF's digits when valid, else null. */
  cif: string | null;
  company: UploadCompany | null;
  problems: UploadProblem[];
}

/** Result of one file's checks, with the facts that sending it needs. */
export interface CheckedFile {
  result: UploadCheckResult;
  bytes: Uint8Array;
  standard: UploadStandard | null;
  selfBilled: boolean;
  summary: DocumentSummary | null;
}

export function blocking(code: string, message: string): UploadProblem {
  return { severity: 'blocking', code, message };
}

export function warning(code: string, message: string): UploadProblem {
  return { severity: 'warning', code, message };
}

/** Checks the CIF the user uploads for: valid, and a followed company. */
export function checkUploadCif(
  input: string,
  companies: CompanyLookup,
): UploadCifCheck {
  const valid = validateCif(input);
  if (!valid.ok) {
    return {
      cif: null,
      company: null,
      problems: [
        blocking(
          'cif.invalid',
          `${valid.error.message} Choose the company from the list of followed companies.`,
        ),
      ],
    };
  }
  const company = companies.get(valid.value);
  if (!company) {
    return {
      cif: valid.value,
      company: null,
      problems: [
        blocking(
          'cif.notFollowed',
          `The CIF ${valid.value} is not a followed company. Add the company (with the account that has SPV rights on it) before uploading for it.`,
        ),
      ],
    };
  }
  return { cif: valid.value, company, problems: [] };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Decodes a file sent as base64. Returns null for text that is not
 * base64, which Node's decoder would otherwise read silently in part.
 */
export function decodeBase64(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0) return null;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

export interface FileCheckContext {
  cifCheck: UploadCifCheck;
  /** Returns the id of an earlier upload of the same bytes, or null. */
  earlierUpload(sha256: string): string | null;
}

/** Runs every check on one file's bytes. */
export function checkFile(
  name: string,
  bytes: Uint8Array,
  context: FileCheckContext,
): CheckedFile {
  const sha256 = sha256Hex(bytes);
  const problems: UploadProblem[] = [...context.cifCheck.problems];
  const checked: CheckedFile = {
    result: {
      name,
      standard: null,
      sellerCif: null,
      number: null,
      issueDate: null,
      sha256,
      problems,
      earlierUpload: context.earlierUpload(sha256),
    },
    bytes,
    standard: null,
    selfBilled: false,
    summary: null,
  };
  if (checked.result.earlierUpload !== null) {
    problems.push(duplicateProblem(name, checked.result.earlierUpload));
  }

  const sizeProblem = checkSize(name, bytes);
  if (sizeProblem) {
    problems.push(sizeProblem);
    return checked;
  }

  const detected = detectDocument(bytes);
  if (!detected.ok) {
    problems.push(documentProblem(name, detected.error));
    return checked;
  }
  const summary = detected.value;
  checked.summary = summary;
  checked.standard = summary.standard;
  checked.result.standard = summary.standard;
  checked.result.sellerCif = summary.sellerCif;
  checked.result.number = summary.number;
  checked.result.issueDate = summary.issueDate;

  problems.push(...checkHeader(summary));
  problems.push(...checkCustomization(summary.customizationId));
  const party = checkParty(bytes, summary, context.cifCheck.cif);
  checked.selfBilled = party.selfBilled;
  problems.push(...party.problems);
  return checked;
}

function duplicateProblem(name: string, earlier: string): UploadProblem {
  return warning(
    DUPLICATE_PROBLEM,
    `The file ${name} has exactly the same bytes as upload ${earlier}, which was sent before. Check that upload first; send this one only if you mean to file it again.`,
  );
}

function checkSize(name: string, bytes: Uint8Array): UploadProblem | null {
  if (bytes.length === 0) {
    return blocking(
      'file.empty',
      `The file ${name} is empty. Choose the invoice's XML file.`,
    );
  }
  if (bytes.length > MAX_UPLOAD_BYTES) {
    const megabytes = (bytes.length / (1024 * 1024)).toFixed(1);
    return blocking(
      'file.tooLarge',
      `The file ${name} has ${bytes.length} bytes (${megabytes} MB); ANAF accepts at most 10 MB. Make the file smaller, for example by leaving out large attachments.`,
    );
  }
  return null;
}

function documentProblem(
  name: string,
  error: { message: string; details?: Record<string, unknown> },
): UploadProblem {
  const reason = error.details?.reason;
  const code =
    reason === 'notInvoice' ? 'document.notInvoice' : 'document.invalid';
  return blocking(
    code,
    `The file ${name} cannot be sent: ${error.message} Export the invoice again from your invoicing program.`,
  );
}

/** Header values whose absence makes ANAF reject the file at upload. */
function checkHeader(summary: DocumentSummary): UploadProblem[] {
  const problems: UploadProblem[] = [];
  if (summary.number === null) {
    problems.push(
      warning(
        'invoice.numberMissing',
        'The invoice has no number (BT-1, cbc:ID or ram:ID). ANAF rejects such a file at upload; add the number and export it again.',
      ),
    );
  }
  if (summary.issueDate === null) {
    problems.push(
      warning(
        'invoice.issueDateMissing',
        'The invoice has no valid issue date (BT-2). ANAF rejects such a file at upload; add the date as YYYY-MM-DD and export it again.',
      ),
    );
  }
  if (summary.currency === null) {
    problems.push(
      warning(
        'invoice.currencyMissing',
        'The invoice has no currency code (BT-5). ANAF rejects such a file at upload; add the currency and export it again.',
      ),
    );
  }
  return problems;
}

/** BR-RO-001: the customization id names CIUS-RO 1.0.1. */
export function checkCustomization(value: string | null): UploadProblem[] {
  const id = value?.trim() ?? '';
  if (id === CIUS_RO_CUSTOMIZATION_ID) return [];
  if (id === '') {
    return [
      warning(
        'customization.missing',
        `The invoice has no customization id (BT-24). ANAF expects '${CIUS_RO_CUSTOMIZATION_ID}' and rejects the file without it; export it again as CIUS-RO.`,
      ),
    ];
  }
  if (id === OUTDATED_CUSTOMIZATION_ID) {
    return [
      warning(
        'customization.outdated',
        `The customization id (BT-24) is '${id}', CIUS-RO version 1.0.0. ANAF expects version 1.0.1 ('${CIUS_RO_CUSTOMIZATION_ID}') and will reject the invoice with BR-RO-001; export it again with the current version.`,
      ),
    ];
  }
  return [
    warning(
      'customization.notCiusRo',
      `The customization id (BT-24) is '${id}', which is not CIUS-RO. ANAF expects '${CIUS_RO_CUSTOMIZATION_ID}' and will reject the invoice with BR-RO-001; export it as a Romanian e-Factura (CIUS-RO) invoice.`,
    ),
  ];
}

/**
 * Checks that the upload CIF is the seller, or the buyer of a self-billed
 * document (type code 389 or 261), which the buyer files in the seller's
 * name with `autofactura=DA`.
 */
export function checkParty(
  bytes: Uint8Array,
  summary: DocumentSummary,
  uploadCif: string | null,
): { selfBilled: boolean; problems: UploadProblem[] } {
  if (uploadCif === null) return { selfBilled: false, problems: [] };
  if (summary.sellerCif === uploadCif) {
    return { selfBilled: false, problems: [] };
  }

  // Only here is the type code needed, so the full parse runs only here.
  if (!isSelfBilled(bytes)) {
    return {
      selfBilled: false,
      problems: [
        warning(
          'seller.mismatch',
          `The seller's CIF in the invoice is ${describeCif(summary.sellerCif)} and the upload is for ${uploadCif}. ANAF files the invoice for the seller it reads from the XML; upload it for the seller's company, or correct the seller in the invoice.`,
        ),
      ],
    };
  }
  if (summary.buyerCif === uploadCif) return { selfBilled: true, problems: [] };
  return {
    selfBilled: true,
    problems: [
      warning(
        'buyer.mismatch',
        `The invoice is self-billed, so the buyer files it, but its buyer CIF is ${describeCif(summary.buyerCif)} and the upload is for ${uploadCif}. Upload it for the buyer's company, or correct the buyer in the invoice.`,
      ),
    ],
  };
}

function describeCif(cif: string | null): string {
  return cif === null ? 'not a Romanian CIF (the invoice has no VAT or legal identifier that is one)' : cif;
}

function isSelfBilled(bytes: Uint8Array): boolean {
  const parsed = parseInvoice(bytes);
  if (!parsed.ok) return false;
  return SELF_BILLED_TYPE_CODES.has(parsed.value.typeCode?.trim() ?? '');
}
