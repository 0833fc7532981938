/**
 * The crash suite's two scenarios: a batch upload and a sync, each run by
 * a child that is killed with SIGKILL at seeded random points and started
 * again, then finished by the test itself, which also plays the user. A
 * sandbox runs in the test's process with its state in a folder, so it
 * outlives every child. Each scenario has its own data folder, sandbox
 * certificate and companies, so the two can run at once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { createLogger } from '../../../electron/core/log/logger.ts';
import { FileVault } from '../../../electron/core/vault/file-vault.ts';
import { SEEDED_COMPANIES } from '../../../electron/sandbox/documents/index.ts';
import {
  startSandbox,
  type RunningSandbox,
} from '../../../electron/sandbox/index.ts';
import type { InvoiceRow, UploadRecord } from '../../../shared/domain.ts';
import {
  archivedRows,
  syncUntilClean,
  type SyncRound,
} from '../faults/archive-checks.ts';
import {
  loginAndFollow,
  openCore,
  type CoreHandle,
} from '../faults/core-harness.ts';
import { exampleBatch, type BatchFile } from '../faults/invoice-batch.ts';
import {
  createSandboxAdmin,
  readSandboxState,
  type SandboxAdmin,
  type SandboxUpload,
  type StoredMessage,
} from '../faults/sandbox-records.ts';
import type { Random } from '../faults/seeded-random.ts';
import {
  listUploads,
  settleAsUser,
  type UserActions,
} from '../faults/upload-user.ts';
import type { CrashChildConfig } from './child.ts';
import { runChild, writeChildConfig, type KillPlan } from './child-runner.ts';
import {
  inspectDataFolder,
  zipHashes,
  type FolderReport,
} from './data-folder.ts';

/**
 * Sandbox faults that keep requests open long enough for kills to land in
 * them: the sandbox records each upload and responds 400 ms later, and it
 * serves each download after a 100 ms wait.
 */
const SLOW_CALLS = ['upload:slow-answer=400', 'descarcare:latency=100'];
const UPLOAD_CERTIFICATE = 0;
const SYNC_CERTIFICATE = 1;

export interface CrashEnv {
  sandbox: RunningSandbox;
  admin: SandboxAdmin;
  root: string;
  stateDir: string;
  close(): Promise<void>;
}

/**
 * Starts the sandbox: two representatives with two seeded companies each,
 * and a clock one minute behind the app's, as in the fault suite, so that
 * the app's list window reaches the uploads of this run.
 */
export async function startCrashEnv(): Promise<CrashEnv> {
  const root = await mkdtemp(path.join(tmpdir(), 'efactura-crash-'));
  const stateDir = path.join(root, 'sandbox');
  const [a, b, c, d] = SEEDED_COMPANIES.map((company) => company.cif);
  if (!a || !b || !c || !d)
    throw new Error('The sandbox seeds too few companies.');
  const sandbox = await startSandbox({
    stateDir,
    seed: 'crash-suite',
    seedMessages: 300,
    processingMs: 0,
    // Every child and the test run their own request queue against this
    // one sandbox, so together they may exceed one app's pace. The limit is
    // not what this suite tests.
    rateLimit: 10_000,
    now: () => new Date(Date.now() - 60_000),
    certificates: [
      { name: 'Andreea Ionescu', cifs: [a, b] },
      { name: 'Mihai Popescu', cifs: [c, d] },
    ],
    faults: SLOW_CALLS,
  });
  const admin = createSandboxAdmin(sandbox.info);
  return {
    sandbox,
    admin,
    root,
    stateDir,
    close: async () => {
      await admin.close();
      await sandbox.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export interface DataFolder {
  dataDir: string;
  vaultFile: string;
  cifs: string[];
}

export function openFolder(env: CrashEnv, folder: DataFolder): CoreHandle {
  return openCore({
    dataDir: folder.dataDir,
    externalSandbox: env.sandbox.info,
    vault: new FileVault(
      folder.vaultFile,
      createLogger(() => undefined),
    ),
  });
}

/** Creates a data folder with a login and two followed companies. */
async function prepareFolder(
  env: CrashEnv,
  name: string,
  certificateIndex: number,
): Promise<DataFolder> {
  const folder = {
    dataDir: path.join(env.root, name, 'data'),
    vaultFile: path.join(env.root, name, 'vault', 'secrets.json'),
    cifs: [] as string[],
  };
  const handle = openFolder(env, folder);
  try {
    const followed = await loginAndFollow(handle, 2, certificateIndex);
    folder.cifs = followed.cifs;
  } finally {
    await handle.close();
  }
  return folder;
}

export interface KillRecord {
  plan: KillPlan;
  killed: boolean;
  events: number;
  /** What the child did as the user before it was killed. */
  actions: string[];
  /** The data folder as the next start finds it. */
  report: FolderReport;
}

/**
 * Draws kill times for a batch upload. They are times, not events, because
 * a kill on the event that an upload is being sent lands before the
 * request reaches the sandbox. Each such upload needs the user (who
 * resolves it early here), so event kills would mostly test that one case.
 * At random times most kills land while the sandbox holds an upload it has
 * recorded, or between uploads.
 */
function uploadKillPlans(random: Random, kills: number): KillPlan[] {
  return Array.from({ length: kills }, () => ({
    afterMs: random.int(300, 1500),
  }));
}

/**
 * Draws kill times for a sync as shares (4 % to 14 %) of the time a sync
 * never killed took, so that the kills together leave part of the work
 * for the final run whatever the machine's speed.
 */
function syncKillPlans(
  random: Random,
  kills: number,
  referenceMs: number,
): KillPlan[] {
  return Array.from({ length: kills }, () => ({
    afterMs: Math.round((referenceMs * random.int(4, 14)) / 100),
  }));
}

async function killRepeatedly(
  configFile: string,
  dataDir: string,
  plans: readonly KillPlan[],
): Promise<KillRecord[]> {
  const records: KillRecord[] = [];
  for (const plan of plans) {
    const run = await runChild(configFile, plan);
    records.push({
      plan,
      killed: run.killed,
      events: run.events,
      actions: run.actions,
      report: inspectDataFolder(dataDir),
    });
  }
  return records;
}

export interface UploadCrashOutcome {
  files: BatchFile[];
  kills: KillRecord[];
  actions: UserActions;
  uploads: UploadRecord[];
  sandboxUploads: SandboxUpload[];
  final: FolderReport;
}

/**
 * Sends the published examples for both companies from a child that is
 * killed `kills` times. Then the test opens the data folder, plays the user
 * until every file has ended, and reads what both sides recorded.
 */
export async function runUploadCrashes(
  env: CrashEnv,
  random: Random,
  kills: number,
): Promise<UploadCrashOutcome> {
  const folder = await prepareFolder(env, 'upload', UPLOAD_CERTIFICATE);
  const files = folder.cifs.flatMap((cif, i) =>
    exampleBatch(cif, `CRU${i + 1}`),
  );
  const config: CrashChildConfig = {
    mode: 'upload',
    dataDir: folder.dataDir,
    vaultFile: folder.vaultFile,
    sandbox: env.sandbox.info,
    files: files.map((file) => ({
      cif: file.cif,
      name: file.name,
      sha256: file.sha256,
      base64: file.bytes.toString('base64'),
    })),
  };
  const configFile = path.join(env.root, 'upload', 'child-config.json');
  writeChildConfig(configFile, config);
  const records = await killRepeatedly(
    configFile,
    folder.dataDir,
    uploadKillPlans(random, kills),
  );

  const handle = openFolder(env, folder);
  let actions: UserActions;
  let uploads: UploadRecord[];
  try {
    actions = await settleAsUser(handle, env.admin, files, 150_000, {
      resolveEarly: true,
    });
    uploads = await listUploads(handle);
  } finally {
    await handle.close();
  }
  const sandboxUploads = (await env.admin.uploads()).filter((upload) =>
    folder.cifs.includes(upload.cif),
  );
  return {
    files,
    kills: records,
    actions,
    uploads,
    sandboxUploads,
    final: inspectDataFolder(folder.dataDir),
  };
}

export interface SyncCrashOutcome {
  cifs: string[];
  kills: KillRecord[];
  rounds: SyncRound[];
  archive: Map<string, InvoiceRow[]>;
  /** Downloaded ZIP hashes of the killed folder and of a sync never killed. */
  hashes: Map<string, string>;
  referenceHashes: Map<string, string>;
  sandboxMessages: StoredMessage[];
  final: FolderReport;
}

async function syncToEnd(
  env: CrashEnv,
  folder: DataFolder,
): Promise<{ rounds: SyncRound[]; archive: Map<string, InvoiceRow[]> }> {
  const handle = openFolder(env, folder);
  try {
    const rounds = await syncUntilClean(handle, 3);
    const archive = new Map<string, InvoiceRow[]>();
    for (const cif of folder.cifs) {
      archive.set(cif, await archivedRows(handle, cif));
    }
    return { rounds, archive };
  } finally {
    await handle.close();
  }
}

/**
 * Syncs two companies once without a kill, for reference, and once from a
 * child killed `kills` times. The test then finishes that sync itself.
 */
export async function runSyncCrashes(
  env: CrashEnv,
  random: Random,
  kills: number,
): Promise<SyncCrashOutcome> {
  const reference = await prepareFolder(
    env,
    'sync-reference',
    SYNC_CERTIFICATE,
  );
  const referenceStart = Date.now();
  await syncToEnd(env, reference);
  const referenceMs = Date.now() - referenceStart;

  const folder = await prepareFolder(env, 'sync', SYNC_CERTIFICATE);
  const config: CrashChildConfig = {
    mode: 'sync',
    dataDir: folder.dataDir,
    vaultFile: folder.vaultFile,
    sandbox: env.sandbox.info,
  };
  const configFile = path.join(env.root, 'sync', 'child-config.json');
  writeChildConfig(configFile, config);
  const records = await killRepeatedly(
    configFile,
    folder.dataDir,
    syncKillPlans(random, kills, referenceMs),
  );
  const { rounds, archive } = await syncToEnd(env, folder);

  // The sandbox saves its state 200 ms after a change.
  await delay(400);
  return {
    cifs: folder.cifs,
    kills: records,
    rounds,
    archive,
    hashes: zipHashes(folder.dataDir),
    referenceHashes: zipHashes(reference.dataDir),
    sandboxMessages: readSandboxState(env.stateDir).messages,
    final: inspectDataFolder(folder.dataDir),
  };
}
