/**
 * Checks a submission's files and decides which of them may be sent with
 * the user's confirmations: a blocking problem stops a file, a warning
 * needs `acceptWarnings`, and the same bytes sent before (or twice in one
 * submission) need `allowDuplicate`.
 */
import type {
  UploadCheckResult,
  UploadFileInput,
  UploadProblem,
} from '../../../shared/domain.ts';
import { AppFailure } from '../../../shared/result.ts';
import {
  blocking,
  checkFile,
  checkUploadCif,
  decodeBase64,
  DUPLICATE_PROBLEM,
  warning,
  type CheckedFile,
  type UploadCifCheck,
} from './checks.ts';
import type { CompanyLookup, SubmitOptions } from './types.ts';

export const DUPLICATE_IN_BATCH_PROBLEM = 'duplicate.inSubmission';
const DUPLICATE_CODES = new Set([
  DUPLICATE_PROBLEM,
  DUPLICATE_IN_BATCH_PROBLEM,
]);

export interface SubmissionCheck {
  cifCheck: UploadCifCheck;
  files: CheckedFile[];
}

/** Runs the checks on every file of one submission. */
export function checkSubmission(
  cif: string,
  files: readonly UploadFileInput[],
  companies: CompanyLookup,
  earlierUpload: (sha256: string) => string | null,
): SubmissionCheck {
  const cifCheck = checkUploadCif(cif, companies);
  const firstByHash = new Map<string, string>();

  const checked = files.map((file) => {
    const bytes = decodeBase64(file.base64);
    if (bytes === null) return unreadableFile(file.name, cifCheck);

    const result = checkFile(file.name, bytes, { cifCheck, earlierUpload });
    const hash = result.result.sha256 ?? '';
    const first = firstByHash.get(hash);
    if (first === undefined) firstByHash.set(hash, file.name);
    else result.result.problems.push(duplicateInBatch(file.name, first));
    return result;
  });
  return { cifCheck, files: checked };
}

function unreadableFile(name: string, cifCheck: UploadCifCheck): CheckedFile {
  return {
    result: {
      name,
      standard: null,
      sellerCif: null,
      number: null,
      issueDate: null,
      sha256: null,
      problems: [
        ...cifCheck.problems,
        blocking(
          'file.unreadable',
          `The file ${name} did not arrive intact (its content is not valid base64). Drop the file again.`,
        ),
      ],
      earlierUpload: null,
    },
    bytes: new Uint8Array(),
    standard: null,
    selfBilled: false,
    summary: null,
  };
}

function duplicateInBatch(name: string, first: string): UploadProblem {
  return warning(
    DUPLICATE_IN_BATCH_PROBLEM,
    `The file ${name} has exactly the same bytes as ${first} in this submission. Send only one of them, unless you mean to file the invoice twice.`,
  );
}

/** Returns the first problem the options do not let through, or null. */
export function stoppingProblem(
  result: UploadCheckResult,
  options: Pick<SubmitOptions, 'acceptWarnings' | 'allowDuplicate'>,
): UploadProblem | null {
  for (const problem of result.problems) {
    if (problem.severity === 'blocking') return problem;
  }
  for (const problem of result.problems) {
    const duplicate = DUPLICATE_CODES.has(problem.code);
    if (duplicate && !options.allowDuplicate) return problem;
    if (!duplicate && !options.acceptWarnings) return problem;
  }
  return null;
}

/**
 * Throws when any file may not be sent, naming each such file and its
 * problem, so that nothing of the submission is stored or sent.
 * `upload.duplicate` when only duplicates stop files, else `upload.blocked`.
 */
export function requireSendable(
  files: readonly CheckedFile[],
  options: Pick<SubmitOptions, 'acceptWarnings' | 'allowDuplicate'>,
): void {
  const stopped = files
    .map((file) => ({ file, problem: stoppingProblem(file.result, options) }))
    .filter((entry) => entry.problem !== null);
  if (stopped.length === 0) return;

  const onlyDuplicates = stopped.every((entry) =>
    DUPLICATE_CODES.has(entry.problem?.code ?? ''),
  );
  const lines = stopped.map(
    (entry) => `${entry.file.result.name}: ${entry.problem?.message ?? ''}`,
  );
  const advice = onlyDuplicates
    ? 'Confirm that they should be sent again, or leave them out.'
    : 'Fix the blocking problems, confirm the warnings, or leave those files out.';
  throw new AppFailure(
    onlyDuplicates ? 'upload.duplicate' : 'upload.blocked',
    `${stopped.length} of ${files.length} files cannot be sent as they are, so none was sent. ${advice}\n${lines.join('\n')}`,
    { files: stopped.map((entry) => entry.file.result) },
  );
}
