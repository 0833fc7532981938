// Reading a failed download's stored kind and values back into a row.
import { describe, expect, it } from 'vitest';
import { readFailureColumns } from '../../../electron/core/archive/failure-kinds.ts';

const values = {
  cause: { code: 'anaf.notFound', message: 'Not found', details: {} },
};

describe('readFailureColumns', () => {
  it('reads a known kind', () => {
    expect(
      readFailureColumns({
        failure_kind: 'rejected',
        failure_values: JSON.stringify(values),
      }),
    ).toEqual({ failureKind: 'rejected', failureValues: values });
  });

  it('gives nothing without a kind', () => {
    expect(
      readFailureColumns({ failure_kind: null, failure_values: null }),
    ).toEqual({});
  });

  it('gives nothing for an unknown kind', () => {
    expect(
      readFailureColumns({
        failure_kind: 'fromANewerBuild',
        failure_values: JSON.stringify(values),
      }),
    ).toEqual({});
  });

  it('gives nothing for broken values', () => {
    expect(
      readFailureColumns({ failure_kind: 'rejected', failure_values: '{' }),
    ).toEqual({});
  });
});
