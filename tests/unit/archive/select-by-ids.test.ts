/**
 * Selecting rows by message id, as the exports of rows picked in the list
 * do: only the company's own rows with those ids, narrowed by an optional
 * filter, in its sort order, and at most as many ids as the IPC contract
 * allows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SelectionFilter } from '../../../electron/core/archive/index.ts';
import { MAX_SELECTED_MESSAGES } from '../../../shared/ipc/contract.ts';
import { AppFailure } from '../../../shared/result.ts';

import {
  createTestArchive,
  listedMessage,
  type TestArchive,
} from './archive-fixture.ts';
import {
  COMPANY,
  fillArchive,
  generatedInvoices,
} from './generated-archive.ts';

/** A second followed company, which lists one of the same messages. */
const OTHER_CIF = '24019370';
/** A message both companies list, as a self-billed invoice is listed. */
const SHARED_ID = '3000002';
const OTHER_ONLY_ID = '3900001';

let fixture: TestArchive;

beforeAll(async () => {
  fixture = await createTestArchive();
  await fillArchive(fixture.archive, generatedInvoices(12));
  fixture.archive.recordListed(OTHER_CIF, [
    listedMessage({ downloadId: SHARED_ID }),
    listedMessage({ downloadId: OTHER_ONLY_ID }),
  ]);
});

afterAll(() => {
  fixture.close();
});

function selected(
  cif: string,
  messageIds: readonly string[],
  filter?: SelectionFilter,
): Array<{ cif: string; messageId: string }> {
  const selection = fixture.archive.selectByIds(cif, messageIds, filter);
  return [...selection.rows()].map(({ row }) => ({
    cif: row.cif,
    messageId: row.messageId,
  }));
}

function sortedIds(rows: ReadonlyArray<{ messageId: string }>): string[] {
  return rows.map((row) => row.messageId).sort();
}

describe('selectByIds', () => {
  it('returns exactly the picked rows', () => {
    const picked = ['3000001', '3000004', '3000007'];
    const rows = selected(COMPANY.cif, picked);
    expect(sortedIds(rows)).toEqual(picked);
    expect(rows.every((row) => row.cif === COMPANY.cif)).toBe(true);
  });

  it('counts the rows it selected', () => {
    const selection = fixture.archive.selectByIds(COMPANY.cif, [
      '3000001',
      '3000004',
    ]);
    expect(selection.count).toBe(2);
  });

  it('leaves out ids of another company', () => {
    const rows = selected(COMPANY.cif, [OTHER_ONLY_ID, '3000003']);
    expect(rows).toEqual([{ cif: COMPANY.cif, messageId: '3000003' }]);
  });

  it('returns its own row of a shared id', () => {
    const rows = selected(COMPANY.cif, [SHARED_ID]);
    expect(rows).toEqual([{ cif: COMPANY.cif, messageId: SHARED_ID }]);
  });

  it("returns the other company's row of a shared id", () => {
    const rows = selected(OTHER_CIF, [SHARED_ID, '3000004']);
    expect(rows).toEqual([{ cif: OTHER_CIF, messageId: SHARED_ID }]);
  });

  it('keeps only rows the filter matches', () => {
    const picked = ['3000000', '3000001', '3000002', '3000003'];
    const rows = selected(COMPANY.cif, picked, { direction: 'received' });
    expect(sortedIds(rows)).toEqual(['3000000', '3000002']);
  });

  it("follows the filter's sort", () => {
    const picked = ['3000005', '3000001', '3000009'];
    const rows = selected(COMPANY.cif, picked, {
      sort: { field: 'number', descending: false },
    });
    expect(rows.map((row) => row.messageId)).toEqual([
      '3000001',
      '3000005',
      '3000009',
    ]);
  });

  it('lists a repeated id once', () => {
    const rows = selected(COMPANY.cif, ['3000001', '3000001']);
    expect(rows).toHaveLength(1);
  });

  it('returns nothing for unknown ids', () => {
    expect(selected(COMPANY.cif, ['3999999'])).toEqual([]);
  });

  it('takes as many ids as the contract allows', () => {
    const ids = Array.from({ length: MAX_SELECTED_MESSAGES }, (_, index) =>
      String(3_000_000 + index),
    );
    expect(fixture.archive.selectByIds(COMPANY.cif, ids).count).toBe(12);
  });

  it('rejects more ids than the contract allows', () => {
    const ids = Array.from({ length: MAX_SELECTED_MESSAGES + 1 }, (_, index) =>
      String(3_000_000 + index),
    );
    let failure: unknown = null;
    try {
      fixture.archive.selectByIds(COMPANY.cif, ids);
    } catch (error) {
      failure = error;
    }
    expect(failure instanceof AppFailure ? failure.code : failure).toBe(
      'input.invalid',
    );
  });
});
