import { describe, expect, it } from 'vitest';
import type {
  ListedMessage,
  LostUpload,
  ReconcileInput,
} from '../../../electron/core/queue/reconcile.ts';
import {
  decideReconciliation,
  OUTCOME_UNKNOWN_MESSAGE,
} from '../../../electron/core/queue/reconcile.ts';

const SENT_AT = Date.parse('2026-01-15T10:00:00Z');
const MINUTE = 60_000;

const upload: LostUpload = {
  cif: '12345678',
  sentAt: SENT_AT,
  contentHash: 'a'.repeat(64),
  sellerCif: '12345678',
  invoiceNumber: 'FX-17',
  issueDate: '2026-01-15',
};

function entry(
  overrides: Partial<ListedMessage> & { uploadIndex: string },
): ListedMessage {
  return {
    downloadId: `d${overrides.uploadIndex}`,
    kind: 'sent',
    createdAt: SENT_AT + MINUTE,
    ...overrides,
  };
}

const sameFile = {
  contentHash: 'a'.repeat(64),
  sellerCif: '12345678',
  invoiceNumber: 'FX-17',
  issueDate: '2026-01-15',
};
const otherFile = {
  ...sameFile,
  contentHash: 'b'.repeat(64),
  invoiceNumber: 'FX-18',
};
const reformatted = {
  ...sameFile,
  contentHash: 'c'.repeat(64),
  sellerCif: 'RO12345678',
};

function decide(
  entries: ListedMessage[],
  extra: Partial<ReconcileInput> = {},
): ReturnType<typeof decideReconciliation> {
  return decideReconciliation({
    upload,
    entries,
    knownUploadIndexes: new Set(),
    now: SENT_AT + 5 * MINUTE,
    ...extra,
  });
}

describe('decideReconciliation', () => {
  it('waits with no entries', () => {
    expect(decide([])).toEqual({
      kind: 'waiting',
      deadlineAt: SENT_AT + 30 * MINUTE,
      candidates: [],
    });
  });

  it('gives up after the deadline', () => {
    expect(decide([], { now: SENT_AT + 30 * MINUTE })).toEqual({
      kind: 'deadlinePassed',
      message: OUTCOME_UNKNOWN_MESSAGE,
      candidates: [],
    });
  });

  it('takes a custom deadline', () => {
    const decision = decide([], { now: SENT_AT + 2_000, deadlineMs: 1_000 });
    expect(decision.kind).toBe('deadlinePassed');
  });

  it('asks to download a sent entry', () => {
    expect(decide([entry({ uploadIndex: '501' })])).toEqual({
      kind: 'download',
      downloadIds: ['d501'],
    });
  });

  it('asks to download even after the deadline', () => {
    const decision = decide([entry({ uploadIndex: '501' })], {
      now: SENT_AT + 60 * MINUTE,
    });
    expect(decision.kind).toBe('download');
  });

  it('matches by content hash', () => {
    expect(decide([entry({ uploadIndex: '501', invoice: sameFile })])).toEqual({
      kind: 'matched',
      uploadIndex: '501',
      downloadId: 'd501',
      by: 'contentHash',
    });
  });

  it('matches by seller, number and date', () => {
    const decision = decide([
      entry({ uploadIndex: '502', invoice: reformatted }),
    ]);
    expect(decision).toMatchObject({ kind: 'matched', by: 'invoiceFields' });
  });

  it('prefers a hash match', () => {
    const decision = decide([
      entry({ uploadIndex: '502', invoice: reformatted }),
      entry({
        uploadIndex: '501',
        invoice: sameFile,
        createdAt: SENT_AT + 9 * MINUTE,
      }),
    ]);
    expect(decision).toMatchObject({ kind: 'matched', uploadIndex: '501' });
  });

  it('matches before downloading others', () => {
    const decision = decide([
      entry({ uploadIndex: '501', invoice: sameFile }),
      entry({ uploadIndex: '503' }),
    ]);
    expect(decision.kind).toBe('matched');
  });

  it('skips known upload indexes', () => {
    const decision = decide(
      [entry({ uploadIndex: '501', invoice: sameFile })],
      {
        knownUploadIndexes: new Set(['501']),
      },
    );
    expect(decision.kind).toBe('waiting');
  });

  it('skips entries from before the upload', () => {
    const early = entry({
      uploadIndex: '501',
      invoice: sameFile,
      createdAt: SENT_AT - 3 * MINUTE,
    });
    expect(decide([early]).kind).toBe('waiting');
  });

  it('accepts entries dated within the tolerance', () => {
    const early = entry({
      uploadIndex: '501',
      invoice: sameFile,
      createdAt: SENT_AT - MINUTE,
    });
    expect(decide([early]).kind).toBe('matched');
  });

  it('skips received invoices', () => {
    expect(decide([entry({ uploadIndex: '501', kind: 'other' })]).kind).toBe(
      'waiting',
    );
  });

  it('calls a single error entry probable', () => {
    expect(decide([entry({ uploadIndex: '601', kind: 'error' })])).toEqual({
      kind: 'probably',
      uploadIndex: '601',
      downloadId: 'd601',
    });
  });

  it('ignores sent entries of other files', () => {
    const decision = decide([
      entry({ uploadIndex: '501', invoice: otherFile }),
      entry({ uploadIndex: '601', kind: 'error' }),
    ]);
    expect(decision.kind).toBe('probably');
  });

  it('downloads before calling an error probable', () => {
    const decision = decide([
      entry({ uploadIndex: '501' }),
      entry({ uploadIndex: '601', kind: 'error' }),
    ]);
    expect(decision.kind).toBe('download');
  });

  it('waits with two error entries', () => {
    const decision = decide([
      entry({ uploadIndex: '601', kind: 'error' }),
      entry({ uploadIndex: '602', kind: 'error' }),
    ]);
    expect(decision).toEqual({
      kind: 'waiting',
      deadlineAt: SENT_AT + 30 * MINUTE,
      candidates: ['601', '602'],
    });
  });

  it('lists the candidates at the deadline', () => {
    const decision = decide(
      [
        entry({ uploadIndex: '601', kind: 'error' }),
        entry({ uploadIndex: '602', kind: 'error' }),
      ],
      { now: SENT_AT + 31 * MINUTE },
    );
    expect(decision).toMatchObject({
      kind: 'deadlinePassed',
      candidates: ['601', '602'],
    });
  });

  it('counts a repeated index once', () => {
    const decision = decide([
      entry({ uploadIndex: '601', kind: 'error' }),
      entry({ uploadIndex: '601', kind: 'error', downloadId: 'd601b' }),
    ]);
    expect(decision.kind).toBe('probably');
  });

  it('uses the downloaded copy of a repeated index', () => {
    const decision = decide([
      entry({ uploadIndex: '501' }),
      entry({ uploadIndex: '501', invoice: sameFile }),
    ]);
    expect(decision.kind).toBe('matched');
  });

  it('compares hashes without case', () => {
    const upper = { ...sameFile, contentHash: 'A'.repeat(64) };
    const decision = decide([entry({ uploadIndex: '501', invoice: upper })]);
    expect(decision).toMatchObject({ kind: 'matched', by: 'contentHash' });
  });
});
