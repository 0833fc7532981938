/** Followed companies over the contract's `companies.*` channels. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiPath, CompanySummary } from '../../../shared/domain.ts';
import { getApi, unwrap } from '../ipc/api.ts';
import { queryKeys } from '../queries.ts';

export function useCompanies() {
  return useQuery({ queryKey: queryKeys.companies, queryFn: () => unwrap(getApi().companiesList()) });
}

function useStoreCompany() {
  const client = useQueryClient();
  return (company: CompanySummary): void => {
    client.setQueryData<CompanySummary[]>(queryKeys.companies, (list) => {
      const current = list ?? [];
      const index = current.findIndex((item) => item.cif === company.cif);
      if (index === -1) return [...current, company];
      const next = [...current];
      next[index] = company;
      return next;
    });
  };
}

export interface AddCompanyInput {
  cif: string;
  name?: string;
  accountId: string;
  api?: ApiPath;
}

export function useAddCompany() {
  const store = useStoreCompany();
  return useMutation({
    mutationFn: (input: AddCompanyInput) => unwrap(getApi().companiesAdd(input)),
    onSuccess: store,
  });
}

export function useUpdateCompany() {
  const store = useStoreCompany();
  return useMutation({
    mutationFn: (input: { cif: string; name?: string; api?: ApiPath }) => unwrap(getApi().companiesUpdate(input)),
    onSuccess: store,
  });
}

export function useRemoveCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (cif: string) => unwrap(getApi().companiesRemove({ cif })),
    onSuccess: (_result, cif) =>
      client.setQueryData<CompanySummary[]>(queryKeys.companies, (list) => (list ?? []).filter((item) => item.cif !== cif)),
  });
}

/** Clears the "new" marks of a company's received invoices on main's side. */
export function useMarkSeen() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (cif: string) => unwrap(getApi().companiesMarkSeen({ cif })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.companies }),
  });
}
