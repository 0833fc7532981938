/**
 * The readable document of an archived message, built from its stored ZIP
 * only: opening an invoice again never calls ANAF and never spends a
 * download from the daily budget.
 */
import type {
  InvoiceDocument,
  InvoiceRow,
  SignatureSummary,
} from '../../../shared/domain.ts';
import { readAnafMessage, type AnafMessage } from '../invoice/index.ts';

/** Builds the document of a row from its ZIP, or `null` when there is none. */
export async function buildDocument(
  row: InvoiceRow,
  zipBytes: Uint8Array | null,
): Promise<InvoiceDocument> {
  if (zipBytes === null) {
    return {
      row,
      invoice: null,
      errors: [],
      signature: null,
      problem: missingZipProblem(row),
    };
  }

  const message = await readAnafMessage(zipBytes);
  if (!message.ok) {
    return {
      row,
      invoice: null,
      errors: [],
      signature: null,
      problem: `The archived ZIP could not be read: ${message.error.message}`,
    };
  }

  const { content } = message.value;
  return {
    row,
    invoice: content.kind === 'invoice' ? content.invoice : null,
    errors:
      content.kind === 'errors'
        ? content.errors.errors.map((error) => ({
            ruleId: error.ruleId,
            message: error.message,
          }))
        : [],
    signature: signatureSummary(message.value),
    problem: null,
  };
}

function signatureSummary(message: AnafMessage): SignatureSummary | null {
  if (!message.signature.ok) return null;
  const digest = message.digest;
  return {
    shape: message.signature.value.shape,
    signerSubject: message.signature.value.signerSubject,
    digestMatches: digest?.ok ? digest.value.matches : null,
  };
}

function missingZipProblem(row: InvoiceRow): string {
  switch (row.state) {
    case 'listed':
      return 'The ZIP has not been downloaded yet; the next sync downloads it.';
    case 'expired':
      return 'ANAF no longer serves this message because its 60 days have passed, and it was not downloaded before.';
    case 'failed':
      return `The download failed: ${row.failureReason ?? 'no reason was recorded'}.`;
    case 'downloaded':
      return 'The ZIP file is missing from the archive folder. Restore the archive folder from a backup.';
  }
}
