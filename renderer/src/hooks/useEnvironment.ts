/** The environment for new logins (sandbox or ANAF). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Environment } from '../../../shared/settings.ts';
import { getApi, unwrap } from '../ipc/api.ts';
import { queryKeys } from '../queries.ts';

export function useEnvironment() {
  return useQuery({ queryKey: queryKeys.environment, queryFn: () => unwrap(getApi().environmentGet()) });
}

export function useSelectEnvironment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (environment: Environment) => unwrap(getApi().environmentSelect({ environment })),
    onSuccess: (info) => {
      client.setQueryData(queryKeys.environment, info);
      void client.invalidateQueries({ queryKey: queryKeys.settings });
    },
  });
}
