// Tests the option that sends sandbox logins the way the shell sends ANAF
// logins. In Electron that way is the login window. Here a transport takes
// its place and presents the sandbox certificate file itself, so the login
// completes against the embedded sandbox over HTTPS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createAppCore,
  type AppCore,
} from '../../../electron/core/app/app-core.ts';
import type { SettingsStore } from '../../../electron/core/app/settings-service.ts';
import type {
  Account,
  AuthorizationTransport,
} from '../../../electron/core/auth/index.ts';
import { createSandboxTransport } from '../../../electron/core/auth/sandbox-login.ts';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { MemoryVault } from '../../../electron/core/vault/index.ts';
import type { AccountSummary } from '../../../shared/domain.ts';

const context = { shell: 'electron' as const, sender: 'test' };

interface Started {
  core: AppCore;
  dataDir: string;
  /** The accounts the ANAF transport was created for. */
  accounts: Account[];
  /** The authorize URLs the ANAF transport received. */
  authorizeUrls: string[];
  login(): Promise<AccountSummary>;
}

let started: Started | null = null;

function memorySettings(): SettingsStore {
  let stored: Record<string, unknown> = {};
  return {
    read: () => ({ ...stored }),
    write: (settings) => (stored = { ...settings }),
  };
}

function start(forceBrowserForSandbox: boolean): Started {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-forced-'));
  const { logger } = createMemoryLogger();
  const accounts: Account[] = [];
  const authorizeUrls: string[] = [];

  // Replaces the Electron login window. The authorize step runs with the
  // first sandbox certificate presented from its file.
  const anafTransport = (account: Account): AuthorizationTransport => {
    accounts.push(account);
    return async (request) => {
      authorizeUrls.push(request.authorizeUrl);
      const info = core.services.sandbox.info();
      if (!info) throw new Error('The sandbox is not running.');
      const transport = createSandboxTransport({
        idp: {
          provider: 'sandbox',
          baseUrl: info.idpUrl,
          caCert: core.services.sandbox.caCertificate(info),
        },
        certificate: info.certificates[0]!,
        logger,
      });
      return transport(request);
    };
  };

  const core = createAppCore({
    shell: 'electron',
    version: '0.0.0-test',
    dataDir,
    logger,
    settingsStore: memorySettings(),
    vault: new MemoryVault(),
    login: {
      anafTransport,
      forceBrowserForSandbox,
      openLoginUrl: async () => {
        throw new Error('The browser path must not be used in this shell.');
      },
    },
    openExternal: async () => undefined,
    emit: () => undefined,
    startSyncAtLaunch: false,
  });
  const dispatch = createDispatcher(core.handlers, logger);
  const login = async (): Promise<AccountSummary> => {
    const result = await dispatch(
      'accounts.loginSandbox',
      { certificateIndex: 0 },
      context,
    );
    if (!result.ok) {
      throw new Error(
        `Login failed: ${result.error.code} ${result.error.message}`,
      );
    }
    return result.value as AccountSummary;
  };
  started = { core, dataDir, accounts, authorizeUrls, login };
  return started;
}

afterEach(async () => {
  if (!started) return;
  await started.core.close();
  fs.rmSync(started.dataDir, { recursive: true, force: true });
  started = null;
});

describe('sandbox login on the forced ANAF path', () => {
  it('uses the shell ANAF transport', async () => {
    const { login, accounts } = start(true);
    await login();
    expect(accounts.map((account) => account.provider)).toEqual(['sandbox']);
  });

  it('sends the authorize step to the sandbox', async () => {
    const { core, login, authorizeUrls } = start(true);
    await login();
    const idpUrl = core.services.sandbox.info()?.idpUrl ?? '';
    expect(authorizeUrls).toHaveLength(1);
    expect(authorizeUrls[0]?.startsWith(`${idpUrl}/authorize?`)).toBe(true);
  });

  it('logs the account in', async () => {
    const { login } = start(true);
    const account = await login();
    expect(account.status).toBe('ok');
  });

  it('uses the certificate file when not forced', async () => {
    const { login, accounts } = start(false);
    const account = await login();
    expect(accounts).toEqual([]);
    expect(account.status).toBe('ok');
  });
});
