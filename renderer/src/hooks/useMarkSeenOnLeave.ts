/**
 * Clears a company's "new" marks when the user leaves its invoice list
 * (another company, another screen, the page hidden), not on arrival, so
 * the badges stay visible for the whole visit.
 */
import { useEffect, useRef } from 'react';
import { getApi } from '../ipc/api.ts';
import { useReadOnly } from './useReadOnly.ts';

export function useMarkSeenOnLeave(cif: string | null, hasNew: boolean, onMarked: () => void): void {
  // A read-only window cannot write the marks, so it leaves them for the
  // window that has the data folder's lock.
  const readOnly = useReadOnly();
  const state = useRef({ hasNew, onMarked, readOnly });
  useEffect(() => {
    state.current = { hasNew, onMarked, readOnly };
  });

  useEffect(() => {
    if (!cif) return undefined;
    const markSeen = (): void => {
      if (!state.current.hasNew || state.current.readOnly) return;
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
