import { useAppInfo } from '../queries.ts';

/**
 * Tells whether another process has the data folder's lock, so this window
 * may only browse. It follows `app.changed`, which turns it off once this window
 * takes the lock. The read-only banner gives the reason, so the controls it
 * disables show none of their own.
 */
export function useReadOnly(): boolean {
  return useAppInfo().data?.readOnly === true;
}
