/** Accounts and logins over the contract's `accounts.*` channels. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountSummary, ApiPath } from '../../../shared/domain.ts';
import { getApi, unwrap } from '../ipc/api.ts';
import { queryKeys } from '../queries.ts';

export function useAccounts() {
  return useQuery({ queryKey: queryKeys.accounts, queryFn: () => unwrap(getApi().accountsList()) });
}

export function useSandboxCertificates(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.sandboxCertificates,
    queryFn: () => unwrap(getApi().accountsSandboxCertificates()),
    enabled,
  });
}

/** Puts a fresh or updated account into the cached list without a refetch. */
function useStoreAccount() {
  const client = useQueryClient();
  return (account: AccountSummary): void => {
    client.setQueryData<AccountSummary[]>(queryKeys.accounts, (list) => {
      const others = (list ?? []).filter((item) => item.id !== account.id);
      return [...others, account];
    });
  };
}

export function useLoginSandbox() {
  const store = useStoreAccount();
  return useMutation({
    mutationFn: (certificateIndex: number) => unwrap(getApi().accountsLoginSandbox({ certificateIndex })),
    onSuccess: store,
  });
}

export interface AnafLoginInput {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export function useLoginAnaf() {
  const store = useStoreAccount();
  return useMutation({
    mutationFn: (input: AnafLoginInput) => unwrap(getApi().accountsLoginAnaf(input)),
    onSuccess: store,
  });
}

export function useRelogin() {
  const store = useStoreAccount();
  return useMutation({
    mutationFn: (accountId: string) => unwrap(getApi().accountsRelogin({ accountId })),
    onSuccess: store,
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => unwrap(getApi().accountsLogout({ accountId })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}

export function useTestConnection() {
  return useMutation({
    mutationFn: (input: { accountId: string; api?: ApiPath }) => unwrap(getApi().accountsTestConnection(input)),
  });
}
