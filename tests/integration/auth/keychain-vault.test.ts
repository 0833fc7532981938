import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import {
  KeychainVault,
  probeKeychain,
} from '../../../electron/core/vault/keychain-vault.ts';
import { openNodeVault } from '../../../electron/core/vault/node-vault.ts';

// The real keychain: on Linux this needs a Secret Service on the D-Bus
// session bus. tests/integration/auth/run-keychain-test.sh provides one with
// gnome-keyring under dbus-run-session; elsewhere the tests are skipped.
const SERVICE = `e-Factura Desktop test ${randomUUID()}`;
const probe = await probeKeychain(SERVICE);
const skipReason = probe.available
  ? ''
  : `no Secret Service reachable (${probe.reason}); run ` +
    'tests/integration/auth/run-keychain-test.sh';

const accountId = randomUUID();
const vault = new KeychainVault(SERVICE, createMemoryLogger().logger);

afterAll(async () => {
  if (!probe.available) return;
  await vault.delete(accountId, 'tokens');
  await vault.delete(accountId, 'clientSecret');
});

describe.skipIf(!probe.available)('keychain vault', () => {
  it('round-trips a value', async () => {
    await vault.set(accountId, 'tokens', 'keychain-token-pair');
    expect(await vault.get(accountId, 'tokens')).toBe('keychain-token-pair');
  });

  it('replaces a value', async () => {
    await vault.set(accountId, 'tokens', 'first');
    await vault.set(accountId, 'tokens', 'second');
    expect(await vault.get(accountId, 'tokens')).toBe('second');
  });

  it('keeps names apart', async () => {
    await vault.set(accountId, 'tokens', 'the-tokens');
    await vault.set(accountId, 'clientSecret', 'the-secret');
    expect(await vault.get(accountId, 'clientSecret')).toBe('the-secret');
  });

  it('returns null for a missing value', async () => {
    expect(await vault.get(randomUUID(), 'tokens')).toBeNull();
  });

  it('deletes a value', async () => {
    await vault.set(accountId, 'tokens', 'delete-me');
    await vault.delete(accountId, 'tokens');
    expect(await vault.get(accountId, 'tokens')).toBeNull();
  });

  it('deletes a missing value quietly', async () => {
    await expect(vault.delete(randomUUID(), 'tokens')).resolves.toBeUndefined();
  });

  it('is chosen by openNodeVault', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'keychain-'));
    try {
      const opened = await openNodeVault({
        dataDir,
        insecureStorage: false,
        logger: createMemoryLogger().logger,
        service: SERVICE,
      });
      expect(opened.status().kind).toBe('keychain');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

// Only where no keychain is reachable: one skipped test that carries the reason.
if (!probe.available) {
  describe('keychain vault', () => {
    it.skip(`skipped: ${skipReason}`, () => undefined);
  });
}
