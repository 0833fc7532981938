/** IPC handlers for the companies the user follows. */
import { normalizeCif } from '../../../../shared/cif.ts';
import type { ApiPath, CompanySummary } from '../../../../shared/domain.ts';
import { AppFailure } from '../../../../shared/result.ts';
import type { FollowedCompany } from '../../companies/company-store.ts';
import type { HandlerTable } from '../../ipc/dispatcher.ts';
import type { EventEmitterFn } from '../app-core.ts';
import type { CoreServices } from '../services.ts';

export type CompanyHandlers = Pick<
  HandlerTable,
  'companies.list' | 'companies.add' | 'companies.update' | 'companies.remove' | 'companies.markSeen'
>;

/** Per-company counts that other modules (archive, uploads) provide. */
export interface CompanyCounts {
  newReceived(company: FollowedCompany): number;
  rejectedUploads(cif: string): number;
}


export function createCompanyHandlers(
  services: CoreServices,
  counts: () => CompanyCounts,
  emit: EventEmitterFn,
): CompanyHandlers & { announce(): void } {
  const { companies } = services;

  const summary = (company: FollowedCompany): CompanySummary => ({
    cif: company.cif,
    name: company.name,
    accountId: company.accountId,
    api: company.api,
    lastSyncAt: company.lastSyncAt,
    newReceivedCount: counts().newReceived(company),
    rejectedUploadCount: counts().rejectedUploads(company.cif),
  });
  const list = (): CompanySummary[] => companies.list().map(summary);
  const announce = (): void => emit('companies.changed', list());

  return {
    announce,
    'companies.list': () => list(),

    'companies.add': async ({ cif, name, accountId, api }) => {
      const account = await services.account(accountId).catch(() => null);
      if (!account) {
        throw new AppFailure('input.invalid', `No account has the id ${accountId}; log in first.`, {
          reason: 'unknownAccount',
          accountId,
        });
      }
      // A distinct reason, so the window reports a company already in the
      // list instead of asking to correct a valid CIF.
      const normalized = normalizeCif(cif);
      const followedCif = normalized.ok ? normalized.value : cif;
      if (companies.list().some((company) => company.cif === followedCif)) {
        throw new AppFailure('input.invalid', `The company with CIF ${followedCif} is already followed.`, {
          reason: 'alreadyFollowed',
          cif: followedCif,
        });
      }
      // One ANAF login serves both API paths; a company uses the default setting unless the request names one.
      const path: ApiPath = api ?? services.settings.get().defaultApi;
      const company = companies.add({ cif, name: name ?? '', accountId, api: path });
      announce();
      return summary(company);
    },

    'companies.update': ({ cif, name, api }) => {
      const company = companies.update(cif, { name, api });
      announce();
      return summary(company);
    },

    'companies.remove': ({ cif }) => {
      companies.remove(cif);
      announce();
      return null;
    },

    'companies.markSeen': ({ cif }) => {
      companies.markSeen(cif);
      announce();
      return null;
    },
  };
}
