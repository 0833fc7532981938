// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import type { UploadCheckResult, UploadProblem } from '../../../shared/domain.ts';
import {
  countVerdicts,
  groupProblems,
  matchCheckResults,
  planSubmission,
  verdictOf,
  willSend,
  type FileReview,
} from '../../../renderer/src/lib/upload/review.ts';

const warning: UploadProblem = { severity: 'warning', code: 'oldCustomization', message: 'CIUS-RO 1.0.0' };
const blocking: UploadProblem = { severity: 'blocking', code: 'notFollowed', message: 'not followed' };

function check(name: string, problems: UploadProblem[] = [], earlierUpload: string | null = null): UploadCheckResult {
  return { name, standard: 'UBL', sellerCif: '2816464', number: 'F1', issueDate: '2025-01-15', sha256: 'aa', problems, earlierUpload };
}

function review(key: string, result: UploadCheckResult | null, extra: Partial<FileReview> = {}): FileReview {
  return {
    key,
    name: result?.name ?? `${key}.xml`,
    size: 10,
    file: { name: result?.name ?? `${key}.xml`, size: 10, base64: 'PEkvPg==' },
    local: null,
    check: result,
    checkError: null,
    ...extra,
  };
}

describe('verdictOf', () => {
  test('ready without problems', () => {
    expect(verdictOf(review('a', check('a.xml')))).toBe('ready');
  });

  test('checking until main answers', () => {
    expect(verdictOf(review('a', null))).toBe('checking');
  });

  test('blocked by a blocking problem even with warnings', () => {
    expect(verdictOf(review('a', check('a.xml', [warning, blocking])))).toBe('blocked');
  });

  test('blocked by a local problem', () => {
    expect(verdictOf(review('a', null, { file: null, local: 'tooLarge' }))).toBe('blocked');
  });

  test('blocked when the check call failed', () => {
    expect(verdictOf(review('a', null, { checkError: new Error('timeout') }))).toBe('blocked');
  });

  test('confirm for warnings', () => {
    expect(verdictOf(review('a', check('a.xml', [warning])))).toBe('confirm');
  });

  test('confirm for an earlier upload of the same bytes', () => {
    expect(verdictOf(review('a', check('a.xml', [], 'up-7')))).toBe('confirm');
  });
});

describe('groupProblems', () => {
  test('splits by severity', () => {
    const grouped = groupProblems([warning, blocking, warning]);
    expect(grouped.blocking).toEqual([blocking]);
    expect(grouped.warnings).toEqual([warning, warning]);
  });
});

describe('willSend', () => {
  test('needs the confirmation for a warned file', () => {
    const warned = review('w', check('w.xml', [warning]));
    expect(willSend(warned, new Set())).toBe(false);
    expect(willSend(warned, new Set(['w']))).toBe(true);
  });

  test('never sends a blocked file, confirmed or not', () => {
    expect(willSend(review('b', check('b.xml', [blocking])), new Set(['b']))).toBe(false);
  });
});

describe('planSubmission', () => {
  const reviews = [
    review('ready', check('ready.xml')),
    review('warned', check('warned.xml', [warning])),
    review('duplicate', check('duplicate.xml', [], 'up-1')),
    review('both', check('both.xml', [warning], 'up-2')),
    review('blocked', check('blocked.xml', [blocking])),
    review('unconfirmed', check('unconfirmed.xml', [warning])),
  ];
  const confirmed = new Set(['warned', 'duplicate', 'both', 'blocked']);
  const groups = planSubmission(reviews, confirmed);
  const flagsOf = (name: string) => {
    const group = groups.find((candidate) => candidate.files.some((file) => file.name === name));
    return group ? { acceptWarnings: group.acceptWarnings, allowDuplicate: group.allowDuplicate } : null;
  };

  test('sends a ready file without flags', () => {
    expect(flagsOf('ready.xml')).toEqual({ acceptWarnings: false, allowDuplicate: false });
  });

  test('accepts warnings only for the warned file', () => {
    expect(flagsOf('warned.xml')).toEqual({ acceptWarnings: true, allowDuplicate: false });
  });

  test('allows a duplicate only for the duplicate', () => {
    expect(flagsOf('duplicate.xml')).toEqual({ acceptWarnings: false, allowDuplicate: true });
  });

  test('sets both flags for a file that needs both', () => {
    expect(flagsOf('both.xml')).toEqual({ acceptWarnings: true, allowDuplicate: true });
  });

  test('leaves out blocked and unconfirmed files', () => {
    expect(flagsOf('blocked.xml')).toBeNull();
    expect(flagsOf('unconfirmed.xml')).toBeNull();
  });

  test('makes one group per combination of flags', () => {
    expect(groups).toHaveLength(4);
  });
});

describe('countVerdicts', () => {
  test('counts each verdict', () => {
    const counts = countVerdicts([review('a', check('a.xml')), review('b', null), review('c', check('c.xml', [blocking]))]);
    expect(counts).toEqual({ ready: 1, checking: 1, blocked: 1, confirm: 0 });
  });
});

describe('matchCheckResults', () => {
  test('pairs results by position', () => {
    const matched = matchCheckResults(
      [
        { key: 'k1', name: 'same.xml' },
        { key: 'k2', name: 'same.xml' },
      ],
      [check('same.xml', [warning]), check('same.xml')],
    );
    expect(matched.get('k1')?.problems).toEqual([warning]);
    expect(matched.get('k2')?.problems).toEqual([]);
  });

  test('falls back to the name when the order differs', () => {
    const matched = matchCheckResults(
      [
        { key: 'k1', name: 'a.xml' },
        { key: 'k2', name: 'b.xml' },
      ],
      [check('b.xml', [blocking]), check('a.xml')],
    );
    expect(matched.get('k1')?.name).toBe('a.xml');
    expect(matched.get('k2')?.problems).toEqual([blocking]);
  });
});
