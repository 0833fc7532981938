/**
 * The decision whether a checked file is sent. A blocking problem always
 * stops it. Warnings need --accept-warnings or a "yes" at the terminal, and
 * bytes sent before need --allow-duplicate or a "yes". Without a terminal
 * nothing is asked, and the file's error names the flag.
 */
import type {
  UploadCheckResult,
  UploadProblem,
} from '../../../shared/domain.ts';
import {
  outcomeNotSent,
  problemError,
  type FileError,
  type FileOutcome,
} from './report.ts';

export interface Confirmations {
  acceptWarnings: boolean;
  allowDuplicate: boolean;
  /** Asks the person at the terminal; null without a terminal. */
  ask: ((question: string) => Promise<boolean>) | null;
}

export type Decision = { send: true } | { send: false; outcome: FileOutcome };

/** The upload service's codes for "these bytes were sent before" start with this. */
const DUPLICATE_CODE_PREFIX = 'duplicate.';

function isDuplicate(problem: UploadProblem): boolean {
  return problem.code.startsWith(DUPLICATE_CODE_PREFIX);
}

async function confirmed(
  given: boolean,
  problems: readonly UploadProblem[],
  fileName: string,
  ask: Confirmations['ask'],
): Promise<boolean> {
  if (given || problems.length === 0) return true;
  if (!ask) return false;
  const listed = problems.map((problem) => `  ${problem.message}`).join('\n');
  return ask(`${fileName}:\n${listed}\nSend it anyway?`);
}

function withAdvice(
  problems: readonly UploadProblem[],
  advice: string,
): FileError[] {
  return [...problems.map(problemError), { code: null, message: advice }];
}

export async function decideUpload(
  file: string,
  check: UploadCheckResult,
  cif: string,
  confirmations: Confirmations,
): Promise<Decision> {
  const blocking = check.problems.filter(
    (problem) => problem.severity === 'blocking',
  );
  if (blocking.length > 0) {
    return {
      send: false,
      outcome: outcomeNotSent(
        file,
        cif,
        check.standard,
        'rejected',
        blocking.map(problemError),
      ),
    };
  }

  const warnings = check.problems.filter((problem) => !isDuplicate(problem));
  if (
    !(await confirmed(
      confirmations.acceptWarnings,
      warnings,
      file,
      confirmations.ask,
    ))
  ) {
    const errors = withAdvice(
      warnings,
      'Not sent because of these warnings; pass --accept-warnings to send it anyway.',
    );
    return {
      send: false,
      outcome: outcomeNotSent(file, cif, check.standard, 'rejected', errors),
    };
  }

  const duplicates = check.problems.filter(isDuplicate);
  if (
    !(await confirmed(
      confirmations.allowDuplicate,
      duplicates,
      file,
      confirmations.ask,
    ))
  ) {
    const errors = withAdvice(
      duplicates,
      'Not sent again; pass --allow-duplicate to send the same invoice again.',
    );
    return {
      send: false,
      outcome: outcomeNotSent(file, cif, check.standard, 'duplicate', errors),
    };
  }
  return { send: true };
}
