// The lock holder that a read-only core reports in app.info, with a real
// lock file taken in the test process and real SQLite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createAppCore,
  type AppCore,
} from '../../../electron/core/app/app-core.ts';
import { acquireDataLock } from '../../../electron/core/data/lock.ts';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { MemoryVault } from '../../../electron/core/vault/index.ts';
import type { AppInfo } from '../../../shared/ipc/contract.ts';

const CONTEXT = { shell: 'browser' as const, sender: 'test' };

const folders: string[] = [];
const cores: AppCore[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const folder of folders.splice(0)) {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

async function readOnlyInfo(): Promise<AppInfo> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-holder-'));
  folders.push(dataDir);
  const lockFile = path.join(dataDir, 'efactura.lock');
  const { logger } = createMemoryLogger();
  acquireDataLock(lockFile, 'e-Factura browser shell', logger);
  const second = acquireDataLock(lockFile, 'e-Factura Desktop', logger);
  if (second.acquired) throw new Error('The second lock attempt succeeded');

  let stored: Record<string, unknown> = {};
  const core = createAppCore({
    shell: 'browser',
    version: '0.0.0-test',
    dataDir,
    logger,
    settingsStore: {
      read: () => ({ ...stored }),
      write: (settings) => (stored = { ...settings }),
    },
    vault: new MemoryVault(),
    login: { openLoginUrl: async () => undefined },
    openExternal: async () => undefined,
    emit: () => undefined,
    startSandboxAtLaunch: false,
    startSyncAtLaunch: false,
    readOnlyReason: second.message,
    ...(second.owner ? { readOnlyHolder: second.owner } : {}),
  });
  cores.push(core);

  const dispatch = createDispatcher(core.handlers, logger);
  const result = await dispatch('app.info', undefined, CONTEXT);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AppInfo;
}

describe('app.info read-only holder', () => {
  it('names the holding program', async () => {
    const info = await readOnlyInfo();
    expect(info.readOnlyHolder?.program).toBe('e-Factura browser shell');
  });

  it('gives the holder pid and host', async () => {
    const info = await readOnlyInfo();
    expect(info.readOnlyHolder?.pid).toBe(process.pid);
    expect(info.readOnlyHolder?.host).toBe(os.hostname());
  });

  it('gives the start as an ISO instant', async () => {
    const info = await readOnlyInfo();
    const startedAt = info.readOnlyHolder?.startedAt ?? '';
    expect(new Date(startedAt).toISOString()).toBe(startedAt);
  });
});
