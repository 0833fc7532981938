/**
 * What the upload service needs from the rest of the app, as small
 * interfaces, so it depends on no service's timing or internals.
 */
import type { ApiPath } from '../../../shared/domain.ts';
import type { AnafClient } from '../anaf/client.ts';
import type { CallQueue } from '../gateway/queued-calls.ts';

/** A followed company, as the company store returns it. */
export interface UploadCompany {
  /** Digits only, without `RO`. */
  cif: string;
  name: string;
  accountId: string;
  api: ApiPath;
}

export interface CompanyLookup {
  /** Takes the CIF's digits; returns null for a company not followed. */
  get(cif: string): UploadCompany | null;
}

/** Returns the ANAF client of the company's account. */
export type ClientFactory = (company: UploadCompany) => AnafClient;

/** The part of the request queue the service uses. */
export type UploadQueue = CallQueue;

export interface UploadSettings {
  /**
   * How long reconciliation looks for a lost upload in ANAF's list before
   * the user is asked to check SPV (from the time it was sent).
   */
  reconcileDeadlineMs: number;
  /** Wait between two listings while reconciling. */
  reconcileIntervalMs: number;
  /** Waits between stareMesaj calls; the last one repeats. */
  statusScheduleMs: readonly number[];
  /**
   * How far before now the listing window ends, against clock skew with
   * ANAF, which refuses an end in the future.
   */
  listEndMarginMs: number;
  /** Wait before sending again an upload refused with 429 or never connected. */
  resendDelayMs: number;
  /**
   * Waits before sending again an upload whose access token ANAF rejected
   * (401/403) even after a refresh, one per resend. After the last one the
   * upload fails and the user is asked to log in again.
   */
  tokenRetryDelaysMs: readonly number[];
}

/** `decision` of `uploads.resolveUnknown`, after the user checked SPV. */
export type UnknownDecision = 'markSent' | 'markNotSent';

export interface SubmitOptions {
  /** Send files whose checks found only warnings. */
  acceptWarnings: boolean;
  /** Send files whose exact bytes were sent before. */
  allowDuplicate: boolean;
  /** The id of the earlier rejected upload the (single) file corrects. */
  replaces?: string | undefined;
}

export interface UploadListFilter {
  cif?: string | undefined;
  limit?: number | undefined;
}
