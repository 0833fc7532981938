// The read-only core of a shell that started while another process held
// the data folder's lock, in one process with real SQLite and files: the
// lock holder is a plain lock taken in the test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createAppCore,
  type AppCore,
} from '../../../electron/core/app/app-core.ts';
import type { SettingsStore } from '../../../electron/core/app/settings-service.ts';
import {
  acquireDataLock,
  type LockAttempt,
} from '../../../electron/core/data/lock.ts';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { MemoryVault } from '../../../electron/core/vault/index.ts';
import type { AppInfo, EventName } from '../../../shared/ipc/contract.ts';

const CONTEXT = { shell: 'browser' as const, sender: 'test' };

const folders: string[] = [];
const cores: AppCore[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const folder of folders.splice(0)) {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

function memorySettings(): SettingsStore {
  let stored: Record<string, unknown> = {};
  return {
    read: () => ({ ...stored }),
    write: (settings) => (stored = { ...settings }),
  };
}

interface Setup {
  dataDir: string;
  lockFile: string;
  holder: LockAttempt;
  core: AppCore;
  events: Array<{ event: EventName; payload: unknown }>;
}

/** Takes the lock as "first window", then opens a core that waits for it. */
function openLockedFolder(): Setup {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-takeover-'));
  folders.push(dataDir);
  const lockFile = path.join(dataDir, 'efactura.lock');
  const { logger } = createMemoryLogger();
  const holder = acquireDataLock(lockFile, 'first window', logger);
  const events: Setup['events'] = [];
  const core = createAppCore({
    shell: 'browser',
    version: '0.0.0-test',
    dataDir,
    logger,
    settingsStore: memorySettings(),
    vault: new MemoryVault(),
    login: { openLoginUrl: async () => undefined },
    openExternal: async () => undefined,
    emit: (event, payload) => events.push({ event, payload }),
    startSandboxAtLaunch: false,
    startSyncAtLaunch: false,
    readOnlyReason: holder.acquired ? 'unexpected' : holder.message,
    takeOverLock: { program: 'second window', intervalMs: 20 },
  });
  cores.push(core);
  return { dataDir, lockFile, holder, core, events };
}

function release(holder: LockAttempt): void {
  if (holder.acquired) holder.release();
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('The condition did not come true within 10 s');
}

function owner(lockFile: string): string {
  return (JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { program: string })
    .program;
}

describe('takeover core', () => {
  it('keeps one handler table across the switch', async () => {
    const setup = openLockedFolder();
    const dispatch = createDispatcher(
      setup.core.handlers,
      createMemoryLogger().logger,
    );
    const before = await dispatch('app.info', undefined, CONTEXT);
    expect(before.ok).toBe(true);
    expect((before as { value: AppInfo }).value.readOnly).toBe(true);

    release(setup.holder);
    await waitFor(() =>
      setup.events.some((entry) => entry.event === 'app.changed'),
    );
    const after = await dispatch('app.info', undefined, CONTEXT);
    expect(after.ok).toBe(true);
    expect((after as { value: AppInfo }).value.readOnly).toBe(false);
  });

  it('emits app.changed with the full mode', async () => {
    const setup = openLockedFolder();
    release(setup.holder);
    await waitFor(() =>
      setup.events.some((entry) => entry.event === 'app.changed'),
    );
    const changed = setup.events.find((entry) => entry.event === 'app.changed');
    expect((changed?.payload as AppInfo).readOnly).toBe(false);
    expect(owner(setup.lockFile)).toBe('second window');
  });

  it('serves the full core services after the switch', async () => {
    const setup = openLockedFolder();
    const readOnlyServices = setup.core.services;
    release(setup.holder);
    await waitFor(() =>
      setup.events.some((entry) => entry.event === 'app.changed'),
    );
    expect(setup.core.services).not.toBe(readOnlyServices);
    // The full core's archive accepts writes; the read-only one refused them.
    expect(() =>
      setup.core.services.archive.markSeen('18654326'),
    ).not.toThrow();
  });

  it('releases the lock it took on close', async () => {
    const setup = openLockedFolder();
    release(setup.holder);
    await waitFor(() =>
      setup.events.some((entry) => entry.event === 'app.changed'),
    );
    await setup.core.close();
    expect(fs.existsSync(setup.lockFile)).toBe(false);
  });

  it('leaves the lock after closing', async () => {
    const setup = openLockedFolder();
    await setup.core.close();
    release(setup.holder);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fs.existsSync(setup.lockFile)).toBe(false);
    expect(setup.events.some((entry) => entry.event === 'app.changed')).toBe(
      false,
    );
  });
});
