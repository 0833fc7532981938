// The sandbox's document layer: everything about the bytes of invoices and
// of ANAF's responses. The server side of the sandbox calls only this module,
// and nothing here imports from the app.
import { uploadRuleFailures } from './rules.ts';
import { checkDocumentStructure } from './structure.ts';
import { verifySignatureFile } from './signature-check.ts';
import type { InvoiceFacts, RuleContext, UploadStandard } from './types.ts';
import { validateForService } from './validare.ts';

export type {
  Company,
  InvoiceFacts,
  RuleContext,
  SeedInvoice,
  Signer,
  UploadStandard,
} from './types.ts';
export { isValidCif } from './cif.ts';
export { SEEDED_COMPANIES, makeCompany } from './companies.ts';
export { buildErrorDocument } from './error-document.ts';
export { buildMessageZip } from './zip.ts';
export { renderInvoicePdf } from './pdf.ts';
export { generateSeedInvoices } from './generator.ts';
export { checkEtransportDeclaration } from './etransport.ts';

/**
 * Runs the synchronous upload check: well-formed, no DOCTYPE, root element and
 * namespace matching `standard`, required header elements. On failure
 * `message` is ANAF's SAX-style text ("Fisierul transmis nu este valid.
 * org.xml.sax.SAXParseException; lineNumber: ..; columnNumber: ..; ...").
 */
export function checkStructure(
  body: Buffer,
  standard: UploadStandard,
): { ok: true; facts: InvoiceFacts } | { ok: false; message: string } {
  const result = checkDocumentStructure(body, standard);
  return result.ok ? { ok: true, facts: result.facts } : result;
}

/**
 * Applies the business rules to a document that passed checkStructure:
 * BR-RO-001, R6.1, BR-CO-10, BR-CO-15, county codes and Bucharest sectors,
 * duplicates. Returns every failed rule's message as ANAF writes it; an
 * empty list means `ok`.
 */
export function applyRules(
  body: Buffer,
  facts: InvoiceFacts,
  ctx: RuleContext,
): string[] {
  const standard: UploadStandard =
    facts.root === 'Invoice'
      ? 'UBL'
      : facts.root === 'CreditNote'
        ? 'CN'
        : 'CII';
  const structure = checkDocumentStructure(body, standard);
  if (!structure.ok) {
    throw new Error(
      `applyRules() needs a document that passed checkStructure: ${structure.message}`,
    );
  }
  return uploadRuleFailures(structure.view, facts, ctx);
}

/**
 * Returns the public validare service's verdict for FACT1 (a UBL Invoice or
 * a CII invoice) or FCN (a UBL CreditNote): the structural check and the
 * document rules, without the registry and duplicate checks.
 */
export function validateDocument(
  body: Buffer,
  standard: 'FACT1' | 'FCN',
): { stare: 'ok' } | { stare: 'nok'; messages: string[] } {
  return validateForService(body, standard);
}

/**
 * Checks that the signature file (either shape) signs this document. With
 * `trustedCertificatePem` the embedded certificate must also be that one.
 */
export function verifyMessageSignature(
  document: Buffer,
  signatureFile: Buffer,
  trustedCertificatePem?: string,
): { valid: boolean; reason?: string } {
  return verifySignatureFile(document, signatureFile, trustedCertificatePem);
}
