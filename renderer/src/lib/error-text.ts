/**
 * Words a failure from main in the interface language. Main's messages are
 * English, so the renderer builds its own text from the contract's closed
 * set of error codes (`ERROR_CODES`) and the known fields of `details`.
 * `reason` and ANAF's `kind` pick a more precise sentence than the code's,
 * and values such as the CIF, the message id or ANAF's own words are named
 * after it. Main's English message is shown only for a code outside that
 * set, or for a failure that has no code (a bug in the renderer).
 */
import type { TFunction } from 'i18next';
import { ERROR_CODES, type ErrorCode } from '../../../shared/result.ts';
import { ro } from '../i18n/ro.ts';
import { ApiError } from '../ipc/api.ts';
import { hintName } from './error-hints.ts';
import { uploadProblemText } from './upload/problem-text.ts';
import { STATE_KEYS } from '../screens/upload/labels.ts';

export interface LocalizedError {
  /** The contract's error code, or undefined for a failure without one. */
  code: string | undefined;
  /** The sentence on the failure, with the values involved. */
  message: string;
  /** The next step for the user, or null when there is nothing to add. */
  hint: string | null;
}

type CodeName = keyof typeof ro.errors.codes;
type Reason = keyof typeof ro.errors.reasons;
type AnafKind = keyof typeof ro.errors.anafKinds;

/** Detail fields named in their own sentence, in this order. */
const FACTS = [
  'cif',
  'messageId',
  'accountId',
  'setting',
  'entry',
  'state',
  'status',
  'count',
] as const;

/** The detail values the texts may name. */
interface DetailValues {
  cif?: string;
  messageId?: string;
  accountId?: string;
  setting?: string;
  entry?: string;
  state?: string;
  status?: string;
  /** A number, because i18next reads `count` for plural forms. */
  count?: number;
  limit?: string;
  resetsAtLocal?: string;
  anafMessage?: string;
  folder?: string;
}

const TEXT_VALUES = [
  'cif',
  'messageId',
  'accountId',
  'setting',
  'entry',
  'state',
  'status',
  'limit',
  'resetsAtLocal',
  'anafMessage',
  'folder',
] as const;

/** Main's message for a channel whose service this build lacks. */
const NOT_IMPLEMENTED = /not implemented|not available in this build/i;

/**
 * `t` for keys built at run time. The typed `t` checks each key's
 * interpolation values, which a key picked from `details` cannot satisfy,
 * so these keys are checked against the strings by `hasKey` instead.
 */
type LooseT = (key: string, values?: DetailValues) => string;

export function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

function hasKey<T extends object>(object: T, key: unknown): key is keyof T {
  return typeof key === 'string' && Object.hasOwn(object, key);
}

/**
 * Returns the detail values the texts may name. Only these names reach
 * `t`, because i18next reads options such as `lng` or `context` from the
 * same object.
 */
function namedValues(
  t: TFunction,
  details: Record<string, unknown>,
): DetailValues {
  const values: DetailValues = {};
  for (const name of TEXT_VALUES) {
    const value = details[name];
    if (typeof value === 'string' || typeof value === 'number')
      values[name] = String(value);
  }
  if (typeof details.count === 'number') values.count = details.count;
  if (values.state && hasKey(STATE_KEYS, values.state)) {
    values.state = t(STATE_KEYS[values.state]);
  }
  return values;
}

/** Returns the next step: the reason's own where it has one, else the code's. */
function hintFor(
  t: LooseT,
  name: CodeName,
  details: Record<string, unknown>,
): string {
  const reason = details.reason;
  if (hasKey(ro.errors.reasonHints, reason))
    return t(`errors.reasonHints.${reason}`);
  return t(`errors.hints.${name}`);
}

/** Returns the sentence for what failed: by reason, by ANAF's kind, else by code. */
function leadSentence(
  t: LooseT,
  name: CodeName,
  details: Record<string, unknown>,
  values: DetailValues,
): string {
  const reason = details.reason;
  if (hasKey(ro.errors.reasons, reason))
    return t(`errors.reasons.${reason as Reason}`, values);
  const kind = details.kind;
  if (hasKey(ro.errors.anafKinds, kind))
    return t(`errors.anafKinds.${kind as AnafKind}`, values);
  return t(`errors.codes.${name}`);
}

/** Returns the sentences naming each value, except those the lead sentence already names. */
function factSentences(
  t: LooseT,
  values: DetailValues,
  lead: string,
): string[] {
  const sentences: string[] = [];
  for (const fact of FACTS) {
    const value = values[fact];
    if (value !== undefined && !lead.includes(String(value)))
      sentences.push(t(`errors.facts.${fact}`, values));
  }
  if (values.limit !== undefined && values.resetsAtLocal !== undefined) {
    sentences.push(t('errors.facts.dailyLimit', values));
  }
  if (values.anafMessage) sentences.push(t('errors.facts.anafMessage', values));
  return sentences;
}

/** Words the files an upload stopped, one line each, for `upload.blocked` and `upload.duplicate`. */
function stoppedFiles(
  t: TFunction,
  details: Record<string, unknown>,
): string[] {
  const files = Array.isArray(details.files)
    ? (details.files as unknown[])
    : [];
  const lines: string[] = [];
  for (const file of files) {
    if (typeof file !== 'object' || file === null) continue;
    const { name, problems, sellerCif } = file as {
      name?: unknown;
      problems?: unknown;
      sellerCif?: unknown;
    };
    if (typeof name !== 'string' || !Array.isArray(problems)) continue;
    for (const problem of problems as Array<{
      code?: unknown;
      message?: unknown;
      severity?: unknown;
    }>) {
      if (
        typeof problem.code !== 'string' ||
        typeof problem.message !== 'string'
      )
        continue;
      const text = uploadProblemText(
        t,
        {
          code: problem.code,
          message: problem.message,
          severity: problem.severity === 'blocking' ? 'blocking' : 'warning',
        },
        {
          fileName: name,
          sellerCif: typeof sellerCif === 'string' ? sellerCif : null,
        },
      );
      lines.push(`${name}: ${text}`);
    }
  }
  return lines;
}

/** Words one failure: any thrown value, usually an `ApiError` from `unwrap`. */
export function localizeError(t: TFunction, error: unknown): LocalizedError {
  const original = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ApiError) || !isErrorCode(error.code)) {
    const code = error instanceof ApiError ? error.code : undefined;
    return { code, message: original, hint: null };
  }
  if (error.code === 'internal' && NOT_IMPLEMENTED.test(original)) {
    return {
      code: error.code,
      message: t('errors.hints.notImplemented'),
      hint: null,
    };
  }

  const name = hintName(error.code) as CodeName;
  const details = error.details ?? {};
  const values = namedValues(t, details);
  const loose = t as unknown as LooseT;
  const lead = leadSentence(loose, name, details, values);
  const sentences = [lead, ...factSentences(loose, values, lead)];
  const files =
    error.code === 'upload.blocked' || error.code === 'upload.duplicate'
      ? stoppedFiles(t, details)
      : [];
  const message = [sentences.join(' '), ...files].join('\n');
  return { code: error.code, message, hint: hintFor(loose, name, details) };
}
