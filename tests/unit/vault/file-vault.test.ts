import {
  mkdir,
  mkdtemp,
  readFile,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { FileVault } from '../../../electron/core/vault/file-vault.ts';
import { AppFailure } from '../../../shared/result.ts';

let dir: string;
let filePath: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'file-vault-'));
  filePath = path.join(dir, 'vault', 'secrets.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FileVault', () => {
  it('round-trips a value', async () => {
    const vault = new FileVault(filePath, createMemoryLogger().logger);
    await vault.set('acc-1', 'tokens', 'secret-value-1');
    expect(await vault.get('acc-1', 'tokens')).toBe('secret-value-1');
  });

  it('reads a value from a new instance', async () => {
    const { logger } = createMemoryLogger();
    await new FileVault(filePath, logger).set('acc-1', 'tokens', 'kept-value');
    expect(await new FileVault(filePath, logger).get('acc-1', 'tokens')).toBe(
      'kept-value',
    );
  });

  it('returns null for a missing value', async () => {
    const vault = new FileVault(filePath, createMemoryLogger().logger);
    expect(await vault.get('acc-1', 'tokens')).toBeNull();
  });

  it('deletes a value', async () => {
    const vault = new FileVault(filePath, createMemoryLogger().logger);
    await vault.set('acc-1', 'tokens', 'to-delete');
    await vault.delete('acc-1', 'tokens');
    expect(await vault.get('acc-1', 'tokens')).toBeNull();
  });

  it('keeps accounts apart', async () => {
    const vault = new FileVault(filePath, createMemoryLogger().logger);
    await vault.set('acc-1', 'tokens', 'first-account');
    await vault.set('acc-2', 'tokens', 'second-account');
    expect(await vault.get('acc-1', 'tokens')).toBe('first-account');
  });

  it('loses no concurrent write', async () => {
    const vault = new FileVault(filePath, createMemoryLogger().logger);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        vault.set(`acc-${i}`, 'tokens', `v${i}`),
      ),
    );
    const text = await readFile(filePath, 'utf8');
    expect(Object.keys(JSON.parse(text).secrets)).toHaveLength(10);
  });

  it.skipIf(process.platform === 'win32')(
    'creates the file with mode 0600',
    async () => {
      const vault = new FileVault(filePath, createMemoryLogger().logger);
      await vault.set('acc-1', 'tokens', 'mode-check');
      expect((await stat(filePath)).mode & 0o777).toBe(0o600);
    },
  );

  it.skipIf(process.platform === 'win32')(
    'creates the folder with mode 0700',
    async () => {
      const vault = new FileVault(filePath, createMemoryLogger().logger);
      await vault.set('acc-1', 'tokens', 'mode-check');
      expect((await stat(path.dirname(filePath))).mode & 0o777).toBe(0o700);
    },
  );

  it('warns each time it opens', () => {
    const { logger, lines } = createMemoryLogger();
    new FileVault(filePath, logger);
    new FileVault(filePath, logger);
    expect(lines.filter((line) => line.startsWith('warn'))).toHaveLength(2);
  });

  it('reports a damaged file as undecryptable', async () => {
    await new FileVault(filePath, createMemoryLogger().logger).set(
      'a',
      'b',
      'c',
    );
    await writeFile(filePath, '{"format":1,"secrets":');
    const vault = new FileVault(filePath, createMemoryLogger().logger);
    const error = await vault.get('a', 'b').catch((caught: unknown) => caught);
    expect(error instanceof AppFailure ? error.code : error).toBe(
      'storage.undecryptable',
    );
  });

  it('leaves a damaged file unchanged on write', async () => {
    await new FileVault(filePath, createMemoryLogger().logger).set(
      'a',
      'b',
      'c',
    );
    await writeFile(filePath, 'damaged');
    const vault = new FileVault(filePath, createMemoryLogger().logger);
    await vault.set('a', 'b', 'new').catch(() => undefined);
    expect(await readFile(filePath, 'utf8')).toBe('damaged');
  });

  it('logs no value from a damaged file', async () => {
    await mkdir(path.dirname(filePath), { recursive: true });
    await writeFile(filePath, '{"format":1,"secrets":{"a/b":"leaked-value"');
    const { logger, lines } = createMemoryLogger();
    await new FileVault(filePath, logger).get('a', 'b').catch(() => undefined);
    expect(lines.join('\n')).not.toContain('leaked-value');
  });
});
