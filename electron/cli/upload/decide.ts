/**
 * The decision whether a checked file is sent. A blocking problem always
 * stops it. Warnings need --accept-warnings or a "yes" at the terminal, and
 * bytes sent before need --allow-duplicate or a "yes". Without a terminal
 * nothing is asked, and the file's error names the flag.
 */
import type {
  UploadCheckResult,
  UploadProblem,
  UploadRecord,
} from '../../../shared/domain.ts';
import { formatRomaniaTime } from '../../core/time/romania-time.ts';
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

/**
 * Words a duplicate warning with the earlier upload's index, file name and
 * time, which a person can look up, in place of the app's internal id.
 */
function describeDuplicate(
  problem: UploadProblem,
  fileName: string,
  earlier: UploadRecord | undefined,
): UploadProblem {
  if (!earlier) {
    return {
      ...problem,
      message: `${fileName} has exactly the same bytes as an earlier upload that is not among this company's latest uploads.`,
    };
  }
  const index =
    earlier.uploadIndex === null
      ? 'an earlier upload with no upload index'
      : `upload index ${earlier.uploadIndex}`;
  const sentAt = formatRomaniaTime(Date.parse(earlier.createdAt));
  return {
    ...problem,
    message: `${fileName} has exactly the same bytes as ${index} (${earlier.fileName}, ${sentAt} Romania time).`,
  };
}

/**
 * Decides whether a checked file is sent. `earlierUploads` maps upload ids
 * to their records, so a duplicate warning can name the earlier upload.
 */
export async function decideUpload(
  file: string,
  check: UploadCheckResult,
  cif: string,
  confirmations: Confirmations,
  earlierUploads: ReadonlyMap<string, UploadRecord> = new Map(),
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

  const earlier =
    check.earlierUpload === null
      ? undefined
      : earlierUploads.get(check.earlierUpload);
  const duplicates = check.problems
    .filter(isDuplicate)
    .map((problem) => describeDuplicate(problem, check.name, earlier));
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
      'Not sent again; pass --allow-duplicate to send this file anyway.',
    );
    return {
      send: false,
      outcome: outcomeNotSent(file, cif, check.standard, 'duplicate', errors),
    };
  }
  return { send: true };
}
