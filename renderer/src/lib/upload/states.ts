/**
 * The on-screen look of each upload state (colour, whether it is final) and
 * the status timeline from queued to ANAF's response.
 */
import type { UploadRecord, UploadState } from '../../../../shared/domain.ts';

export interface StateLook {
  color: string;
  /** No further change is expected without the user. */
  final: boolean;
}

export const UPLOAD_STATE_LOOK: Record<UploadState, StateLook> = {
  queued: { color: 'gray', final: false },
  sending: { color: 'blue', final: false },
  processing: { color: 'indigo', final: false },
  accepted: { color: 'green', final: true },
  rejected: { color: 'red', final: true },
  unknown: { color: 'orange', final: false },
  reconciling: { color: 'orange', final: false },
  needsDecision: { color: 'yellow', final: true },
  failed: { color: 'red', final: true },
};

export const TIMELINE_STEPS = ['queued', 'sending', 'processing', 'outcome'] as const;
export type TimelineStep = (typeof TIMELINE_STEPS)[number];

export type StepStatus = 'done' | 'active' | 'error' | 'warning' | 'todo';

export interface TimelineItem {
  step: TimelineStep;
  status: StepStatus;
}

/**
 * The step each state is at on the timeline, and how that step reads. An
 * upload whose response was lost (`unknown`, `reconciling`,
 * `needsDecision`) stops at `sending` with a warning, because ANAF may or
 * may not have the file.
 */
const POSITION: Record<UploadState, { index: number; status: StepStatus }> = {
  queued: { index: 0, status: 'active' },
  sending: { index: 1, status: 'active' },
  unknown: { index: 1, status: 'warning' },
  reconciling: { index: 1, status: 'warning' },
  needsDecision: { index: 1, status: 'warning' },
  failed: { index: 1, status: 'error' },
  processing: { index: 2, status: 'active' },
  accepted: { index: 3, status: 'done' },
  rejected: { index: 3, status: 'error' },
};

export function timelineFor(state: UploadState): TimelineItem[] {
  const position = POSITION[state];
  return TIMELINE_STEPS.map((step, index) => {
    if (index < position.index) return { step, status: 'done' };
    if (index === position.index) return { step, status: position.status };
    return { step, status: 'todo' };
  });
}

/** Tells whether an upload needs the user: its response was lost and the deadline passed. */
export function needsUserDecision(record: UploadRecord): boolean {
  return record.state === 'needsDecision';
}

/** Keeps a list in step with one pushed record: replace by id, else add on top. */
export function upsertUpload(list: readonly UploadRecord[], record: UploadRecord): UploadRecord[] {
  const index = list.findIndex((item) => item.id === record.id);
  if (index === -1) return [record, ...list];
  const next = [...list];
  next[index] = record;
  return next;
}

/**
 * Names an earlier upload for the user: its file name and upload index when
 * the history has it, else its id as main reported it.
 */
export function describeUploadRef(id: string, records: readonly UploadRecord[]): string {
  const record = records.find((item) => item.id === id || item.uploadIndex === id);
  if (!record) return id;
  return record.uploadIndex ? `${record.fileName} (index ${record.uploadIndex})` : record.fileName;
}
