/** i18n keys for upload states, review verdicts and local problems. */
import type { UploadState } from '../../../../shared/domain.ts';
import type { LocalProblemCode } from '../../lib/upload/files.ts';
import type { ReviewVerdict } from '../../lib/upload/review.ts';

export const STATE_KEYS = {
  queued: 'upload.stateQueued',
  sending: 'upload.stateSending',
  processing: 'upload.stateProcessing',
  accepted: 'upload.stateAccepted',
  rejected: 'upload.stateRejected',
  unknown: 'upload.stateUnknown',
  reconciling: 'upload.stateReconciling',
  needsDecision: 'upload.stateNeedsDecision',
  failed: 'upload.stateFailed',
} as const satisfies Record<UploadState, string>;

export const VERDICT_KEYS = {
  blocked: 'upload.verdictBlocked',
  confirm: 'upload.verdictConfirm',
  ready: 'upload.verdictReady',
  checking: 'upload.verdictChecking',
} as const satisfies Record<ReviewVerdict, string>;

export const VERDICT_COLORS: Record<ReviewVerdict, string> = {
  blocked: 'red',
  confirm: 'orange',
  ready: 'green',
  checking: 'gray',
};

export const LOCAL_PROBLEM_KEYS = {
  notXml: 'upload.localNotXml',
  tooLarge: 'upload.localTooLarge',
  empty: 'upload.localEmpty',
  unreadable: 'upload.localUnreadable',
} as const satisfies Record<LocalProblemCode, string>;
