/**
 * One run of the fault suite. It starts a fresh data folder and app core
 * with its embedded sandbox (seeded with invoices), logs in and follows two
 * companies, and switches the run's faults on. Then it uploads the
 * published examples for both companies, plays the user until every upload
 * has ended, and syncs until a round ends clean. The outcome contains what
 * the checks compare: the app's uploads and archive, and the sandbox's own
 * uploads, messages and counters.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SandboxOptions } from '../../../electron/sandbox/index.ts';
import type { InvoiceRow, UploadRecord } from '../../../shared/domain.ts';
import type { Settings } from '../../../shared/settings.ts';
import {
  archivedRows,
  syncUntilClean,
  type SyncRound,
} from './archive-checks.ts';
import { loginAndFollow, openCore, type CoreHandle } from './core-harness.ts';
import { exampleBatch, type BatchFile } from './invoice-batch.ts';
import {
  createSandboxAdmin,
  readSandboxState,
  type SandboxAdmin,
  type SandboxCounters,
  type SandboxUpload,
  type StoredMessage,
} from './sandbox-records.ts';
import {
  listUploads,
  settleAsUser,
  submitFiles,
  type UserActions,
} from './upload-user.ts';

/**
 * The sandbox's clock runs this far behind the app's by default. The core
 * lists messages up to one minute before its own clock, a fixed margin
 * against clock skew. With ANAF's clock a minute slow, that list already
 * shows the uploads of this run, so a lost upload is found at the first
 * reconciliation pass and the closing sync archives the run's messages.
 * Without the offset, each lost upload would wait out the shortest
 * reconciliation deadline the settings allow, one minute.
 */
export const DEFAULT_CLOCK_OFFSET_MS = -60_000;
const SEEDED_INVOICES = 120;
const MAX_SYNC_ROUNDS = 4;

export interface FaultRunOptions {
  /** Short name that starts each invoice number, unique per run. */
  tag: string;
  /** Faults switched on after the login, as `endpoint:kind[=value][@count]`. */
  faults: readonly string[];
  /** Certificate files shared by every run, so that none generates keys. */
  certificatesDir: string;
  /** The sandbox's clock minus the app's, in ms. */
  clockOffsetMs?: number;
  /** More sandbox options, such as a short access-token lifetime. */
  sandbox?: Partial<SandboxOptions>;
  /** App settings over the suite's defaults, such as the rate limit. */
  settings?: Partial<Settings>;
  /**
   * Starts a sync while the files are sent. Off, the sync starts once the
   * uploads have ended, so that a counted fault on a download meets the
   * downloads of the upload service first, whatever the timing.
   */
  syncDuringUploads: boolean;
  /** Time the user waits for the uploads to end before the run fails. */
  uploadTimeoutMs: number;
}

export interface FaultRunOutcome {
  cifs: string[];
  files: BatchFile[];
  /** Every upload record of the app, newest first. */
  uploads: UploadRecord[];
  actions: UserActions;
  sandboxUploads: SandboxUpload[];
  counters: SandboxCounters;
  /** Faults still armed at the end (counted faults not used up). */
  faultsLeft: string[];
  /** Why syncing failed as a whole (a call that returned an error), if it did. */
  syncError: string | null;
  syncRounds: SyncRound[];
  archive: Map<string, InvoiceRow[]>;
  sandboxMessages: StoredMessage[];
  daily: Record<string, number>;
  logLines: string[];
}

function sandboxOptions(options: FaultRunOptions): Partial<SandboxOptions> {
  const offset = options.clockOffsetMs ?? DEFAULT_CLOCK_OFFSET_MS;
  return {
    processingMs: 0,
    rateLimit: 1000,
    seed: 'fault-suite',
    seedMessages: SEEDED_INVOICES,
    certificatesDir: options.certificatesDir,
    now: () => new Date(Date.now() + offset),
    ...options.sandbox,
  };
}

export async function runWithFaults(
  options: FaultRunOptions,
): Promise<FaultRunOutcome> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'efactura-faults-'));
  const handle = openCore({
    dataDir,
    sandbox: sandboxOptions(options),
    ...(options.settings ? { settings: options.settings } : {}),
  });
  let admin: SandboxAdmin | null = null;
  try {
    admin = createSandboxAdmin(await handle.sandboxInfo());
    const outcome = await runSteps(handle, admin, options);
    await handle.close();
    const state = readSandboxState(path.join(dataDir, 'sandbox'));
    return {
      ...outcome,
      sandboxMessages: state.messages,
      daily: state.daily,
      logLines: handle.logLines,
    };
  } finally {
    await handle.close();
    await admin?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

type StepsOutcome = Omit<
  FaultRunOutcome,
  'sandboxMessages' | 'daily' | 'logLines'
>;

async function runSteps(
  handle: CoreHandle,
  admin: SandboxAdmin,
  options: FaultRunOptions,
): Promise<StepsOutcome> {
  const { cifs } = await loginAndFollow(handle);
  const files = cifs.flatMap((cif, i) =>
    exampleBatch(cif, `${options.tag}${i + 1}`),
  );
  await admin.setFaults(options.faults);

  // A sync during the uploads stands for the background sync; what it
  // leaves undone is left to the closing rounds.
  const firstSync = options.syncDuringUploads
    ? handle.call('sync.run', {}).catch(() => null)
    : null;
  await Promise.all(
    cifs.map((cif) =>
      submitFiles(
        handle,
        cif,
        files.filter((file) => file.cif === cif),
      ),
    ),
  );
  const actions = await settleAsUser(
    handle,
    admin,
    files,
    options.uploadTimeoutMs,
  );
  await firstSync;

  let syncError: string | null = null;
  let syncRounds: SyncRound[] = [];
  const archive = new Map<string, InvoiceRow[]>();
  try {
    syncRounds = await syncUntilClean(handle, MAX_SYNC_ROUNDS);
    for (const cif of cifs) archive.set(cif, await archivedRows(handle, cif));
  } catch (error) {
    syncError = error instanceof Error ? error.message : String(error);
  }

  return {
    cifs,
    files,
    uploads: await listUploads(handle),
    actions,
    sandboxUploads: await admin.uploads(),
    counters: await admin.counters(),
    faultsLeft: await admin.faults(),
    syncError,
    syncRounds,
    archive,
  };
}
