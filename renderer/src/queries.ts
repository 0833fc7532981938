/**
 * Queries and mutations over the IPC contract, cached by TanStack Query and
 * invalidated when main pushes a change event.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SettingsPatch } from '../../shared/settings.ts';
import { getApi, unwrap } from './ipc/api.ts';

export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  settings: ['settings'] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => unwrap(getApi().appInfo()) });
}

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => unwrap(getApi().settingsGet()) });
}

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => unwrap(getApi().settingsSet(patch)),
    onSuccess: (settings) => client.setQueryData(queryKeys.settings, settings),
  });
}

/** Keeps cached data in step with changes made elsewhere (another window, the CLI). */
export function useMainEvents(): void {
  const client = useQueryClient();
  useEffect(() => {
    const api = getApi();
    const unsubscribers = [
      api.on('settings.changed', (settings) => client.setQueryData(queryKeys.settings, settings)),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [client]);
}
