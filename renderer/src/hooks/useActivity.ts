/** The request queue and sync state, kept live by `queue.changed` and `sync.progress`. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getApi, unwrap } from '../ipc/api.ts';
import { queryKeys } from '../queries.ts';

export function useQueueSnapshot() {
  return useQuery({ queryKey: queryKeys.queue, queryFn: () => unwrap(getApi().queueSnapshot()) });
}

export function useSyncStatus() {
  return useQuery({ queryKey: queryKeys.syncStatus, queryFn: () => unwrap(getApi().syncStatus()) });
}

/** Starts a sync of one company, or of all when `cif` is undefined. */
export function useRunSync() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (cif: string | undefined) => unwrap(getApi().syncRun(cif ? { cif } : {})),
    onSuccess: (progress) => client.setQueryData(queryKeys.syncStatus, progress),
  });
}
