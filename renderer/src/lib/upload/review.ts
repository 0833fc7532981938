/**
 * The review of files before sending: each file's local screening, main's
 * check result, what blocks it and what the user must confirm, and the
 * `uploads.submit` calls that follow from the user's confirmations.
 */
import type { UploadCheckResult, UploadProblem } from '../../../../shared/domain.ts';
import type { LocalProblemCode, PreparedFile } from './files.ts';

export interface FileReview {
  /** Unique within the session; two dropped files may share a name. */
  key: string;
  name: string;
  size: number;
  /** The bytes to send, or null when the file was set aside locally. */
  file: PreparedFile | null;
  local: LocalProblemCode | null;
  /** Main's check, or null while it runs. */
  check: UploadCheckResult | null;
  /** The failure of the `uploads.check` call for this file. */
  checkError: Error | null;
}

/**
 * `blocked`: the file cannot be sent. `confirm`: it has warnings or was
 * uploaded before, and goes only once the user confirms. `ready`: nothing to
 * confirm. `checking`: main's check has not answered yet.
 */
export type ReviewVerdict = 'blocked' | 'confirm' | 'ready' | 'checking';

export interface GroupedProblems {
  blocking: UploadProblem[];
  warnings: UploadProblem[];
}

export function groupProblems(problems: readonly UploadProblem[]): GroupedProblems {
  return {
    blocking: problems.filter((problem) => problem.severity === 'blocking'),
    warnings: problems.filter((problem) => problem.severity === 'warning'),
  };
}

export function verdictOf(review: FileReview): ReviewVerdict {
  if (review.local || review.checkError || !review.file) return 'blocked';
  if (!review.check) return 'checking';
  const { blocking, warnings } = groupProblems(review.check.problems);
  if (blocking.length > 0) return 'blocked';
  if (warnings.length > 0 || review.check.earlierUpload) return 'confirm';
  return 'ready';
}

/** Tells whether the file will be sent, given the keys the user confirmed. */
export function willSend(review: FileReview, confirmed: ReadonlySet<string>): boolean {
  const verdict = verdictOf(review);
  return verdict === 'ready' || (verdict === 'confirm' && confirmed.has(review.key));
}

export interface SubmissionGroup {
  acceptWarnings: boolean;
  allowDuplicate: boolean;
  files: PreparedFile[];
}

/**
 * Groups the files to send by the confirmations they carry, because
 * `uploads.submit` takes `acceptWarnings` and `allowDuplicate` per call. A
 * file goes with a flag only when it needs that flag, so a confirmation
 * given for one file never waves through another file's problem.
 */
export function planSubmission(
  reviews: readonly FileReview[],
  confirmed: ReadonlySet<string>,
): SubmissionGroup[] {
  const groups = new Map<string, SubmissionGroup>();
  for (const review of reviews) {
    if (!willSend(review, confirmed) || !review.file || !review.check) continue;
    const acceptWarnings = groupProblems(review.check.problems).warnings.length > 0;
    const allowDuplicate = review.check.earlierUpload !== null;
    const groupKey = `${acceptWarnings}/${allowDuplicate}`;
    const group = groups.get(groupKey) ?? { acceptWarnings, allowDuplicate, files: [] };
    group.files.push(review.file);
    groups.set(groupKey, group);
  }
  return [...groups.values()];
}

/** Counts files by verdict for the summary line above the list. */
export function countVerdicts(reviews: readonly FileReview[]): Record<ReviewVerdict, number> {
  const counts: Record<ReviewVerdict, number> = { blocked: 0, confirm: 0, ready: 0, checking: 0 };
  for (const review of reviews) counts[verdictOf(review)] += 1;
  return counts;
}

/**
 * Pairs check results with the files sent in one `uploads.check` call. The
 * results come in input order; a result whose name does not match its
 * position is looked up by name instead.
 */
export function matchCheckResults(
  files: readonly { key: string; name: string }[],
  results: readonly UploadCheckResult[],
): Map<string, UploadCheckResult> {
  const matched = new Map<string, UploadCheckResult>();
  files.forEach((file, index) => {
    const inOrder = results[index];
    const result = inOrder?.name === file.name ? inOrder : results.find((candidate) => candidate.name === file.name);
    if (result) matched.set(file.key, result);
  });
  return matched;
}
