import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { openNodeVault } from '../../../electron/core/vault/node-vault.ts';
import { AppFailure } from '../../../shared/result.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'node-vault-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const noKeychain = async () => ({
  available: false as const,
  reason: 'no Secret Service on D-Bus',
});
const keychain = async () => ({ available: true as const });

describe('openNodeVault', () => {
  it('uses the keychain when one answers', async () => {
    const vault = await openNodeVault({
      dataDir,
      insecureStorage: true,
      logger: createMemoryLogger().logger,
      probe: keychain,
    });
    expect(vault.status().kind).toBe('keychain');
  });

  it('uses the file when insecure storage was chosen', async () => {
    const vault = await openNodeVault({
      dataDir,
      insecureStorage: true,
      logger: createMemoryLogger().logger,
      probe: noKeychain,
    });
    expect(vault.status().kind).toBe('file');
  });

  it('rejects storing without a keychain', async () => {
    const vault = await openNodeVault({
      dataDir,
      insecureStorage: false,
      logger: createMemoryLogger().logger,
      probe: noKeychain,
    });
    const error = await vault
      .set('acc-1', 'tokens', 'value')
      .catch((caught: unknown) => caught);
    expect(error instanceof AppFailure ? error.code : error).toBe(
      'storage.unavailable',
    );
  });

  it('names the way out when refusing', async () => {
    const vault = await openNodeVault({
      dataDir,
      insecureStorage: false,
      logger: createMemoryLogger().logger,
      probe: noKeychain,
    });
    expect(vault.status().message).toContain('--insecure-storage');
  });

  it('warns when falling back to the file', async () => {
    const { logger, lines } = createMemoryLogger();
    await openNodeVault({
      dataDir,
      insecureStorage: true,
      logger,
      probe: noKeychain,
    });
    expect(lines.some((line) => line.includes('stored unencrypted'))).toBe(
      true,
    );
  });

  it.runIf(process.platform === 'linux')(
    'rejects with the real probe without D-Bus',
    async () => {
      const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
      process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${path.join(dataDir, 'no-bus')}`;
      try {
        const vault = await openNodeVault({
          dataDir,
          insecureStorage: false,
          logger: createMemoryLogger().logger,
          service: 'e-Factura Desktop test',
        });
        expect(vault.status().kind).toBe('session');
      } finally {
        if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
        else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
      }
    },
  );
});
