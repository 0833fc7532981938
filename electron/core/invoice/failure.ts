import { AppFailure, fail, type Result } from '../../../shared/result.ts';

/**
 * Reason a document was rejected, in `details.reason` of an `input.invalid`
 * failure. Callers and tests tell the cases apart by it, without matching
 * message text.
 */
export type DocumentProblem =
  | 'tooLarge'
  | 'notXml'
  | 'encoding'
  | 'doctype'
  | 'notWellFormed'
  | 'notInvoice'
  | 'notErrorDocument'
  | 'notBuyerMessage'
  | 'notSignature'
  | 'missingValue'
  | 'invalidValue'
  | 'notFound'
  | 'unsupported';

/** Builds the `AppFailure` thrown inside the parsers for bad input. */
export function documentFailure(
  reason: DocumentProblem,
  message: string,
  details: Record<string, unknown> = {},
): AppFailure {
  return new AppFailure('input.invalid', message, { reason, ...details });
}

/**
 * Runs a parser step and turns an `AppFailure` into a failed result. Any
 * other exception is a bug and propagates.
 */
export function catchFailure<T>(step: () => T): Result<T> {
  try {
    return { ok: true, value: step() };
  } catch (error) {
    if (error instanceof AppFailure) {
      return fail(error.code, error.message, error.details);
    }
    throw error;
  }
}

/** Formats a byte count for messages, e.g. `'10.5 MB'`. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
