/**
 * Whether an upload may be sent now. While an upload for a CIF is being sent
 * or has an unknown outcome, further uploads for that CIF wait. A second
 * file sent meanwhile could make the lost one impossible to tell apart in
 * the CIF's message list, because error entries carry no copy of the file.
 */
import { normalizeCif } from './reconcile.ts';

/**
 * `queued`: not sent yet. `sending`: the request is out. `unresolved`: the
 * response was lost and reconciliation has not decided. `settled`: anything
 * known (accepted, rejected, matched, or left to the user after the
 * deadline).
 */
export type UploadGateState = 'queued' | 'sending' | 'unresolved' | 'settled';

export interface UploadGateEntry {
  id: string;
  cif: string;
  state: UploadGateState;
}

export type UploadGateDecision =
  { open: true } | { open: false; waitFor: string[] };

const BLOCKING: ReadonlySet<UploadGateState> = new Set([
  'sending',
  'unresolved',
]);

/** Decides whether `upload` may be sent, given every upload the app tracks. */
export function uploadGate(
  upload: { id: string; cif: string },
  uploads: readonly UploadGateEntry[],
): UploadGateDecision {
  const cif = normalizeCif(upload.cif);
  const waitFor = uploads
    .filter((other) => other.id !== upload.id)
    .filter(
      (other) => normalizeCif(other.cif) === cif && BLOCKING.has(other.state),
    )
    .map((other) => other.id);
  return waitFor.length === 0 ? { open: true } : { open: false, waitFor };
}
