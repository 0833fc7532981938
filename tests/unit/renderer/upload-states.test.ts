// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import type { UploadState } from '../../../shared/domain.ts';
import { describeUploadRef, timelineFor, UPLOAD_STATE_LOOK, upsertUpload } from '../../../renderer/src/lib/upload/states.ts';
import { uploads } from './sample-data.ts';

const statuses = (state: UploadState) => timelineFor(state).map((item) => item.status);

describe('timelineFor', () => {
  test('queued is the first active step', () => {
    expect(statuses('queued')).toEqual(['active', 'todo', 'todo', 'todo']);
  });

  test('processing has sent the file', () => {
    expect(statuses('processing')).toEqual(['done', 'done', 'active', 'todo']);
  });

  test('accepted completes every step', () => {
    expect(statuses('accepted')).toEqual(['done', 'done', 'done', 'done']);
  });

  test('rejected fails at the outcome', () => {
    expect(statuses('rejected')).toEqual(['done', 'done', 'done', 'error']);
  });

  test('a lost answer stops at sending with a warning', () => {
    for (const state of ['unknown', 'reconciling', 'needsDecision'] as const) {
      expect(statuses(state)).toEqual(['done', 'warning', 'todo', 'todo']);
    }
  });

  test('failed stops at sending with an error', () => {
    expect(statuses('failed')).toEqual(['done', 'error', 'todo', 'todo']);
  });

  test('names the four steps in order', () => {
    expect(timelineFor('queued').map((item) => item.step)).toEqual(['queued', 'sending', 'processing', 'outcome']);
  });
});

describe('UPLOAD_STATE_LOOK', () => {
  test('marks only ended states as final', () => {
    const finals = Object.entries(UPLOAD_STATE_LOOK)
      .filter(([, look]) => look.final)
      .map(([state]) => state)
      .sort();
    expect(finals).toEqual(['accepted', 'failed', 'needsDecision', 'rejected']);
  });
});

describe('upsertUpload', () => {
  test('replaces a record by id in place', () => {
    const first = uploads[0]!;
    const next = upsertUpload(uploads, { ...first, state: 'accepted' });
    expect(next[0]?.state).toBe('accepted');
    expect(next).toHaveLength(uploads.length);
  });

  test('adds an unknown record on top', () => {
    const record = { ...uploads[0]!, id: 'up-new' };
    const next = upsertUpload(uploads, record);
    expect(next[0]?.id).toBe('up-new');
    expect(next).toHaveLength(uploads.length + 1);
  });
});

describe('describeUploadRef', () => {
  test('names a known upload by file and index', () => {
    expect(describeUploadRef('up-02', uploads)).toBe('factura-0042.xml (index 5009871202)');
  });

  test('finds an upload by its index', () => {
    expect(describeUploadRef('5009871202', uploads)).toBe('factura-0042.xml (index 5009871202)');
  });

  test('falls back to the id', () => {
    expect(describeUploadRef('up-99', uploads)).toBe('up-99');
  });
});
