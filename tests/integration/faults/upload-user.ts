/**
 * The user's part of a batch upload, played through the IPC contract. It
 * waits until every file's upload ends. When the app needs a decision, it
 * looks in SPV (here the sandbox's own records) and resolves the upload.
 * When a file was not filed (`failed`), it sends the file again. The suites
 * count these actions, because an upload the app could settle alone should
 * need none.
 */
import type { UploadRecord, UploadState } from '../../../shared/domain.ts';
import type { CoreHandle } from './core-harness.ts';
import { toUploadInput, type BatchFile } from './invoice-batch.ts';
import type { SandboxAdmin } from './sandbox-records.ts';

/** States in which the app does nothing more on its own. */
export const FINAL_STATES: readonly UploadState[] = [
  'accepted',
  'rejected',
  'failed',
  'needsDecision',
];

/** States after which the user has nothing left to do either. */
const SETTLED_STATES: readonly UploadState[] = ['accepted', 'rejected'];

export interface UserActions {
  /** Files the user marked as filed after finding them in SPV. */
  markedSent: string[];
  /** Files the user marked as not filed (sent again by the app). */
  markedNotSent: string[];
  /** Files the user sent again after they ended `failed`. */
  resent: string[];
}

/** Returns the newest upload record of each file, by SHA-256. */
export function latestByHash(
  records: readonly UploadRecord[],
): Map<string, UploadRecord> {
  const latest = new Map<string, UploadRecord>();
  // uploads.list returns the newest first.
  for (const record of records) {
    if (!latest.has(record.sha256)) latest.set(record.sha256, record);
  }
  return latest;
}

export async function listUploads(handle: CoreHandle): Promise<UploadRecord[]> {
  return handle.call('uploads.list', { limit: 1000 });
}

export function submitFiles(
  handle: CoreHandle,
  cif: string,
  files: readonly BatchFile[],
  allowDuplicate = false,
): Promise<UploadRecord[]> {
  return handle.call('uploads.submit', {
    cif,
    files: files.map(toUploadInput),
    acceptWarnings: true,
    allowDuplicate,
  });
}

export interface UserOptions {
  /**
   * Also resolves an upload the app is still reconciling, as soon as SPV
   * does not show it. The app waits for the user only after its deadline
   * (one minute at the shortest), but a user may check SPV before that.
   */
  resolveEarly?: boolean;
  /** Called after each action, with the file's name. */
  onAction?: (kind: keyof UserActions, fileName: string) => void;
}

/**
 * Acts as the user until each file's newest upload is accepted or rejected,
 * or rejects after `timeoutMs` naming the files still open.
 */
export async function settleAsUser(
  handle: CoreHandle,
  admin: SandboxAdmin,
  files: readonly BatchFile[],
  timeoutMs: number,
  options: UserOptions = {},
): Promise<UserActions> {
  const actions: UserActions = {
    markedSent: [],
    markedNotSent: [],
    resent: [],
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const latest = latestByHash(await listUploads(handle));
    const open = files.filter(
      (file) =>
        !SETTLED_STATES.includes(latest.get(file.sha256)?.state ?? 'queued'),
    );
    if (open.length === 0) return actions;
    if (Date.now() > deadline) {
      throw new Error(
        `Uploads still open after ${timeoutMs} ms: ${describeOpen(open, latest)}`,
      );
    }
    await resolveOpenUploads(handle, admin, { open, latest, actions, options });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Round {
  open: readonly BatchFile[];
  latest: ReadonlyMap<string, UploadRecord>;
  actions: UserActions;
  options: UserOptions;
}

const NEEDS_USER: readonly UploadState[] = ['needsDecision', 'failed'];
const RESEND_AFTER_MS = 1_000;
const UNRESOLVED: readonly UploadState[] = ['unknown', 'reconciling'];

async function resolveOpenUploads(
  handle: CoreHandle,
  admin: SandboxAdmin,
  { open, latest, actions, options }: Round,
): Promise<void> {
  const waiting = open.filter((file) => {
    const state = latest.get(file.sha256)?.state ?? 'queued';
    return (
      NEEDS_USER.includes(state) ||
      (options.resolveEarly === true && UNRESOLVED.includes(state))
    );
  });
  if (waiting.length === 0) return;

  const filed = new Set((await admin.uploads()).map((upload) => upload.sha256));
  for (const file of waiting) {
    const record = latest.get(file.sha256);
    if (!record) continue;
    if (record.state === 'failed') {
      // A person notices a failed file after a moment, not at once.
      if (Date.now() - Date.parse(record.updatedAt) < RESEND_AFTER_MS) continue;
      await submitFiles(handle, file.cif, [file], true);
      note(actions, options, 'resent', file.name);
      continue;
    }
    // An upload SPV shows is left to the app while it is still looking.
    if (UNRESOLVED.includes(record.state) && filed.has(file.sha256)) continue;
    const decision = filed.has(file.sha256) ? 'markSent' : 'markNotSent';
    const result = await handle.dispatch(
      'uploads.resolveUnknown',
      { uploadId: record.id, decision },
      { shell: 'browser', sender: 'user' },
    );
    // The app may have settled the upload since the list was read; the
    // next round looks again.
    if (!result.ok && result.error.code === 'input.invalid') continue;
    if (!result.ok) {
      throw new Error(`uploads.resolveUnknown failed: ${result.error.message}`);
    }
    note(
      actions,
      options,
      decision === 'markSent' ? 'markedSent' : 'markedNotSent',
      file.name,
    );
  }
}

function note(
  actions: UserActions,
  options: UserOptions,
  kind: keyof UserActions,
  fileName: string,
): void {
  actions[kind].push(fileName);
  options.onAction?.(kind, fileName);
}

function describeOpen(
  open: readonly BatchFile[],
  latest: ReadonlyMap<string, UploadRecord>,
): string {
  return open
    .map((file) => {
      const record = latest.get(file.sha256);
      return `${file.name}: ${record?.state ?? 'not submitted'} (${record?.note ?? ''})`;
    })
    .join('; ');
}
