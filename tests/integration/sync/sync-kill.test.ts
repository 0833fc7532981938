/**
 * A sync killed in the middle of its downloads, then resumed. A child
 * process syncs the company into a data folder and gets SIGKILL once part
 * of the ZIPs are archived. This process then opens the same folder, which
 * runs the archive's recovery, and syncs again. Nothing may be lost or
 * stored twice, and only downloads in flight at the kill may be repeated.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SyncProgress } from '../../../shared/domain.ts';
import type { ListedMessage } from '../../../electron/core/anaf/index.ts';
import {
  ARCHIVE_MIGRATIONS,
  openArchive,
  type Archive,
} from '../../../electron/core/archive/index.ts';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { RequestQueue } from '../../../electron/core/queue/index.ts';
import {
  DEFAULT_DOWNLOAD_CONCURRENCY,
  syncCompany,
} from '../../../electron/core/sync/index.ts';
import { sha256Hex } from '../../../electron/core/archive/zip-files.ts';

import type { ChildConfig } from './sync-child.ts';
import {
  listAllMessages,
  SEED,
  SEEDED_INVOICES,
  startSyncSandbox,
  type SyncSandbox,
} from './sandbox-sync.ts';

const CHILD = path.join(import.meta.dirname, 'sync-child.ts');
/** The child is killed once it reports at least this many downloads. */
const KILL_AFTER = 40;

let harness: SyncSandbox;
let dataDir: string;
let sandboxMessages: ListedMessage[];

beforeAll(async () => {
  const { logger } = createMemoryLogger();
  // Slow responses keep the child's downloads in flight long enough to kill it.
  harness = await startSyncSandbox(
    {
      seed: SEED,
      seedMessages: SEEDED_INVOICES,
      faults: ['descarcare:latency=40'],
    },
    logger,
  );
  sandboxMessages = await listAllMessages(
    harness.client,
    harness.cif,
    harness.sandbox.now(),
  );
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-sync-kill-'));
}, 120_000);

afterAll(async () => {
  await harness?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the child until it reports `KILL_AFTER` downloads, then kills it. */
async function syncAndKill(): Promise<{ lastReport: SyncProgress | null }> {
  const config: ChildConfig = {
    apiUrl: harness.info.apiUrl,
    idpUrl: harness.info.idpUrl,
    caCertPath: harness.info.caCertPath,
    cif: harness.cif,
    dataDir,
  };
  const child: ChildProcess = spawn(
    process.execPath,
    [CHILD, JSON.stringify(config)],
    {
      env: { ...process.env, SYNC_CHILD_TOKEN: harness.accessToken },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => resolve()),
  );

  let lastReport: SyncProgress | null = null;
  const lines = readline.createInterface({ input: child.stdout! });
  for await (const line of lines) {
    lastReport = JSON.parse(line) as SyncProgress;
    if (lastReport.downloaded >= KILL_AFTER) {
      child.kill('SIGKILL');
      break;
    }
  }
  await exited;
  if (child.signalCode !== 'SIGKILL') {
    throw new Error(
      `The sync child ended before it was killed (exit ${child.exitCode}): ${stderr}`,
    );
  }
  return { lastReport };
}

async function openDataFolder(): Promise<{ archive: Archive; close(): void }> {
  const { logger } = createMemoryLogger();
  const db = openDatabase(
    path.join(dataDir, 'index.sqlite'),
    ARCHIVE_MIGRATIONS,
  );
  const archive = await openArchive({
    db,
    defaultRoot: path.join(dataDir, 'archive'),
    logger,
  });
  return { archive, close: () => db.close() };
}

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('sync killed mid-way', () => {
  it('resumes with nothing lost or doubled', async () => {
    const downloadsBefore = await harness.downloadsServed();
    const { lastReport } = await syncAndKill();
    expect(lastReport?.downloaded).toBeGreaterThanOrEqual(KILL_AFTER);

    const killed = await openDataFolder();
    const pendingAfterKill = killed.archive.pendingDownloads(harness.cif);
    expect(pendingAfterKill.length).toBeGreaterThan(0);

    const { logger } = createMemoryLogger();
    const queue = new RequestQueue({ logger, rateLimit: 1000 });
    const outcome = await syncCompany(
      { cif: harness.cif, apiPath: 'test', client: harness.client },
      { archive: killed.archive, queue, logger },
    );
    await queue.close();
    expect(outcome.progress.error).toBeNull();

    const page = killed.archive.queryInvoices({
      cif: harness.cif,
      limit: 5000,
    });
    expect(page.rows.map((row) => row.messageId).sort()).toEqual(
      sandboxMessages.map((message) => message.downloadId).sort(),
    );
    expect(page.rows.every((row) => row.state === 'downloaded')).toBe(true);
    expect(page.rows.every((row) => row.failureReason === null)).toBe(true);
    killed.close();

    const db = openDatabase(
      path.join(dataDir, 'index.sqlite'),
      ARCHIVE_MIGRATIONS,
    );
    const stored = db
      .prepare('SELECT zip_path, zip_sha256 FROM archive_messages')
      .all() as Array<{ zip_path: string; zip_sha256: string }>;
    db.close();
    const root = path.join(dataDir, 'archive');
    const files = filesUnder(root);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(files).toHaveLength(sandboxMessages.length);
    for (const row of stored) {
      const bytes = fs.readFileSync(path.join(root, row.zip_path));
      expect(sha256Hex(bytes), row.zip_path).toBe(row.zip_sha256);
    }

    const downloads = (await harness.downloadsServed()) - downloadsBefore;
    expect(downloads).toBeGreaterThanOrEqual(sandboxMessages.length);
    expect(downloads).toBeLessThanOrEqual(
      sandboxMessages.length + DEFAULT_DOWNLOAD_CONCURRENCY,
    );
  }, 120_000);
});
