/**
 * Clears a company's "new" marks when the user leaves its invoice list
 * (another company, another screen, the page hidden), not on arrival, so
 * the badges stay visible for the whole visit.
 */
import { useEffect, useRef } from 'react';
import { getApi } from '../ipc/api.ts';

export function useMarkSeenOnLeave(cif: string | null, hasNew: boolean, onMarked: () => void): void {
  const state = useRef({ hasNew, onMarked });
  useEffect(() => {
    state.current = { hasNew, onMarked };
  });

  useEffect(() => {
    if (!cif) return undefined;
    const markSeen = (): void => {
      if (!state.current.hasNew) return;
      state.current.hasNew = false;
      void getApi()
        .companiesMarkSeen({ cif })
        .then(() => state.current.onMarked());
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') markSeen();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      markSeen();
    };
  }, [cif]);
}
