import { describe, expect, it } from 'vitest';

import { UnavailableVault } from '../../../electron/core/vault/index.ts';

describe('UnavailableVault', () => {
  it('gives the noKeychain reason', async () => {
    const vault = new UnavailableVault('no D-Bus session');
    await expect(vault.set()).rejects.toMatchObject({
      code: 'storage.unavailable',
      details: { reason: 'noKeychain' },
    });
  });

  it('names --insecure-storage', async () => {
    const vault = new UnavailableVault('no D-Bus session');
    await expect(vault.get()).rejects.toThrow(/--insecure-storage/);
  });
});
