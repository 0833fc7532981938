/**
 * Words the problems main's upload check reports, by their code, in the
 * interface language. Main's own message (English) is kept only for a code
 * this list does not know. The values named come from the check result and
 * the upload company, because a problem carries only its code and message.
 */
import type { TFunction } from 'i18next';
import type { UploadProblem } from '../../../../shared/domain.ts';

export interface ProblemContext {
  fileName: string;
  /** The seller's CIF read from the file, or null when it has none. */
  sellerCif: string | null;
  /** The CIF the files are uploaded for; the text says "the chosen company" when it is unknown. */
  uploadCif?: string | null | undefined;
}

/** Problem codes of main's upload check and their i18n keys under `upload.problems`. */
const PROBLEM_KEYS = {
  'cif.invalid': 'cifInvalid',
  'cif.notFollowed': 'cifNotFollowed',
  'duplicate.sameBytes': 'duplicateSameBytes',
  'duplicate.inSubmission': 'duplicateInSubmission',
  'file.empty': 'fileEmpty',
  'file.tooLarge': 'fileTooLarge',
  'file.unreadable': 'fileUnreadable',
  'document.notInvoice': 'documentNotInvoice',
  'document.invalid': 'documentInvalid',
  'invoice.numberMissing': 'invoiceNumberMissing',
  'invoice.issueDateMissing': 'invoiceIssueDateMissing',
  'invoice.currencyMissing': 'invoiceCurrencyMissing',
  'customization.missing': 'customizationMissing',
  'customization.outdated': 'customizationOutdated',
  'customization.notCiusRo': 'customizationNotCiusRo',
  'seller.mismatch': 'sellerMismatch',
  'buyer.mismatch': 'buyerMismatch',
} as const;

export function uploadProblemText(
  t: TFunction,
  problem: UploadProblem,
  context: ProblemContext,
): string {
  if (!Object.hasOwn(PROBLEM_KEYS, problem.code)) return problem.message;
  const key = PROBLEM_KEYS[problem.code as keyof typeof PROBLEM_KEYS];
  const values = {
    name: context.fileName,
    uploadCif: context.uploadCif || t('upload.problems.chosenCompany'),
    sellerCif: context.sellerCif ?? '',
  };
  if (key === 'sellerMismatch' && !context.sellerCif)
    return t('upload.problems.sellerMismatchNoCif', values);
  return t(`upload.problems.${key}`, values);
}
