/** `companies.add` for a company that is already followed. */
import { describe, expect, it } from 'vitest';
import { createCompanyHandlers } from '../../../electron/core/app/handlers/companies.ts';
import type { CoreServices } from '../../../electron/core/app/services.ts';
import type { CallContext } from '../../../electron/core/ipc/dispatcher.ts';
import type { FollowedCompany } from '../../../electron/core/companies/company-store.ts';
import { AppFailure } from '../../../shared/result.ts';

const FOLLOWED: FollowedCompany = {
  cif: '18654326',
  name: 'Alfa Distribuție SRL',
  accountId: 'acc-1',
  api: 'test',
  lastSyncAt: null,
  lastSeenAt: null,
  createdAt: '2025-07-15T10:00:00.000Z',
};

const context: CallContext = { shell: 'browser', sender: 'test' };

function handlers() {
  const services = {
    settings: { get: () => ({ defaultApi: 'test' }) },
    account: async (id: string) => ({ id }),
    companies: {
      list: () => [FOLLOWED],
      add: () => {
        throw new Error('add must not be reached for a followed company');
      },
    },
  } as unknown as CoreServices;
  const counts = () => ({ newReceived: () => 0, rejectedUploads: () => 0 });
  return createCompanyHandlers(services, counts, () => undefined);
}

async function addFailure(cif: string): Promise<AppFailure> {
  const error = await Promise.resolve(handlers()['companies.add']({ cif, accountId: 'acc-1' }, context)).catch(
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppFailure)) throw new Error(`Expected an AppFailure, got ${String(error)}`);
  return error;
}

describe('companies.add', () => {
  it('rejects a followed company by reason', async () => {
    const failure = await addFailure('18654326');
    expect(failure.code).toBe('input.invalid');
    expect(failure.details?.reason).toBe('alreadyFollowed');
    expect(failure.details?.cif).toBe('18654326');
  });

  it('matches a CIF written with RO', async () => {
    const failure = await addFailure('RO18654326');
    expect(failure.details?.reason).toBe('alreadyFollowed');
  });
});
