/** An app core on an in-memory settings store, for tests of the IPC layer. */
import { createAppCore, type AppCore } from '../../electron/core/app/app-core.ts';
import type { SettingsStore } from '../../electron/core/app/settings-service.ts';
import type { EventName, EventPayloads } from '../../shared/ipc/contract.ts';
import { createMemoryLogger } from '../../electron/core/log/logger.ts';
import { MemoryVault } from '../../electron/core/vault/index.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestCore {
  core: AppCore;
  stored: Record<string, unknown>;
  events: Array<{ event: EventName; payload: unknown }>;
  opened: string[];
  lines: string[];
}

export function createTestCore(initial: Record<string, unknown> = {}): TestCore {
  const stored: Record<string, unknown> = { ...initial };
  const store: SettingsStore = {
    read: () => ({ ...stored }),
    write: (settings) => {
      for (const key of Object.keys(stored)) delete stored[key];
      Object.assign(stored, settings);
    },
  };
  const events: TestCore['events'] = [];
  const opened: string[] = [];
  const { logger, lines } = createMemoryLogger();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-core-'));
  const core = createAppCore({
    shell: 'browser',
    version: '0.0.0-test',
    dataDir,
    logger,
    settingsStore: store,
    vault: new MemoryVault(),
    login: { openLoginUrl: async () => undefined },
    startSandboxAtLaunch: false,
    openExternal: async (url) => {
      opened.push(url);
    },
    emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => events.push({ event, payload }),
  });
  return { core, stored, events, opened, lines };
}
