import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { AppFailure } from '../../../shared/result.ts';

type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet5' | 'unknown';

/** A stand-in for Electron's safeStorage that reverses and tags the text. */
const fake = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret' as Backend,
  shouldReEncrypt: false,
  encryptCalls: 0,
  failDecrypt: false,
}));

vi.mock('electron', () => {
  const safeStorage = {
    isAsyncEncryptionAvailable: async () => fake.available,
    getSelectedStorageBackend: () => fake.backend,
    encryptStringAsync: async (text: string) => {
      fake.encryptCalls += 1;
      return Buffer.from(`enc:${[...text].reverse().join('')}`);
    },
    decryptStringAsync: async (buffer: Buffer) => {
      const text = buffer.toString();
      if (fake.failDecrypt || !text.startsWith('enc:')) {
        throw new Error('Error while decrypting the ciphertext provided');
      }
      const result = [...text.slice(4)].reverse().join('');
      return { result, shouldReEncrypt: fake.shouldReEncrypt };
    },
  };
  // electron-store reads `app` and `ipcMain` from the default export; with
  // neither present it uses the `cwd` option, as in plain Node.
  return { safeStorage, default: { safeStorage } };
});

const { openSafeStorageVault, chooseMode } =
  await import('../../../electron/shell/auth/safe-storage-vault.ts');

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'safe-storage-'));
  Object.assign(fake, {
    available: true,
    backend: 'gnome_libsecret',
    shouldReEncrypt: false,
    encryptCalls: 0,
    failDecrypt: false,
  });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function open(acceptWeakStorage = false) {
  return openSafeStorageVault({
    dataDir,
    acceptWeakStorage,
    logger: createMemoryLogger().logger,
  });
}

async function storedFile(): Promise<Record<string, string>> {
  return JSON.parse(await readFile(path.join(dataDir, 'vault.json'), 'utf8'));
}

describe('safeStorage vault (mocked electron)', () => {
  it('round-trips a value', async () => {
    const vault = await open();
    await vault.set('acc-1', 'tokens', 'token-pair-json');
    expect(await vault.get('acc-1', 'tokens')).toBe('token-pair-json');
  });

  it('prefixes the ciphertext with the format version', async () => {
    const vault = await open();
    await vault.set('acc-1', 'tokens', 'token-pair-json');
    expect((await storedFile())['acc-1/tokens']).toMatch(/^v1:/);
  });

  it('stores no plain text', async () => {
    const vault = await open();
    await vault.set('acc-1', 'tokens', 'token-pair-json');
    expect(JSON.stringify(await storedFile())).not.toContain('token-pair-json');
  });

  it('reads values from a new instance', async () => {
    await (await open()).set('acc-1', 'tokens', 'persisted');
    expect(await (await open()).get('acc-1', 'tokens')).toBe('persisted');
  });

  it('deletes a value', async () => {
    const vault = await open();
    await vault.set('acc-1', 'tokens', 'gone-soon');
    await vault.delete('acc-1', 'tokens');
    expect(await vault.get('acc-1', 'tokens')).toBeNull();
  });

  it.skipIf(process.platform === 'win32')(
    'writes the file with mode 0600',
    async () => {
      const vault = await open();
      await vault.set('acc-1', 'tokens', 'mode-check');
      const mode = (await stat(path.join(dataDir, 'vault.json'))).mode & 0o777;
      expect(mode).toBe(0o600);
    },
  );

  it('reports an undecryptable value', async () => {
    const vault = await open();
    await vault.set('acc-1', 'tokens', 'will-not-decrypt');
    fake.failDecrypt = true;
    const error = await vault.get('acc-1', 'tokens').catch((e: unknown) => e);
    expect(error instanceof AppFailure ? error.code : error).toBe(
      'storage.undecryptable',
    );
  });

  it('keeps an undecryptable value', async () => {
    const vault = await open();
    await vault.set('acc-1', 'tokens', 'will-not-decrypt');
    const before = (await storedFile())['acc-1/tokens'];
    fake.failDecrypt = true;
    await vault.get('acc-1', 'tokens').catch(() => undefined);
    expect((await storedFile())['acc-1/tokens']).toBe(before);
  });

  it('reports an unknown prefix as undecryptable', async () => {
    const vault = await open();
    await vault.set('acc-1', 'tokens', 'x');
    const file = path.join(dataDir, 'vault.json');
    await writeFile(file, JSON.stringify({ 'acc-1/tokens': 'v9:abc' }));
    const error = await (
      await open()
    )
      .get('acc-1', 'tokens')
      .catch((e: unknown) => e);
    expect(error instanceof AppFailure ? error.code : error).toBe(
      'storage.undecryptable',
    );
  });

  it('re-encrypts when asked', async () => {
    const vault = await open();
    await vault.set('acc-1', 'tokens', 'rotate-me');
    fake.shouldReEncrypt = true;
    fake.encryptCalls = 0;
    await vault.get('acc-1', 'tokens');
    expect(fake.encryptCalls).toBe(1);
  });

  it('keeps session values in memory on basic_text', async () => {
    fake.backend = 'basic_text';
    const vault = await open();
    await vault.set('acc-1', 'tokens', 'session-only');
    expect(await vault.get('acc-1', 'tokens')).toBe('session-only');
  });

  it('writes nothing on basic_text without consent', async () => {
    fake.backend = 'basic_text';
    const vault = await open();
    await vault.set('acc-1', 'tokens', 'session-only');
    expect(await (await open()).get('acc-1', 'tokens')).toBeNull();
  });

  it('says tokens last for the session on basic_text', async () => {
    fake.backend = 'basic_text';
    const vault = await open();
    expect(vault.status().persistent).toBe(false);
  });

  it('persists on basic_text after consent', async () => {
    fake.backend = 'basic_text';
    await (await open(true)).set('acc-1', 'tokens', 'weak-but-kept');
    expect(await (await open(true)).get('acc-1', 'tokens')).toBe(
      'weak-but-kept',
    );
  });

  it('marks consented basic_text storage as weak', async () => {
    fake.backend = 'basic_text';
    expect((await open(true)).status().weak).toBe(true);
  });

  it('keeps session values when encryption is unavailable', async () => {
    fake.available = false;
    const vault = await open();
    expect(vault.status().kind).toBe('session');
  });
});

describe('chooseMode', () => {
  const cases: Array<[boolean, Backend | null, boolean, string]> = [
    [true, null, false, 'encrypted'],
    [true, 'gnome_libsecret', false, 'encrypted'],
    [true, 'kwallet5', false, 'encrypted'],
    [true, 'basic_text', false, 'session'],
    [true, 'basic_text', true, 'weak'],
    [false, null, false, 'session'],
    [false, null, true, 'plain'],
  ];

  it.each(cases)(
    'available %s, backend %s, accepted %s',
    (available, backend, accepted, mode) => {
      expect(chooseMode(available, backend, accepted)).toBe(mode);
    },
  );
});
