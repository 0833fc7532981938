import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { folderFailure } from '../../../electron/core/archive/target-folder.ts';

import { createTestArchive, type TestArchive } from './archive-fixture.ts';

let fixture: TestArchive;

beforeEach(async () => {
  fixture = await createTestArchive();
});

afterEach(() => {
  fixture.close();
});

describe('moveArchive target folder', () => {
  it('rejects a folder under /proc', async () => {
    await expect(
      fixture.archive.moveArchive('/proc/efactura-test'),
    ).rejects.toMatchObject({
      code: 'input.invalid',
      details: { reason: 'folderSpecialFileSystem', folder: '/proc/efactura-test' },
    });
  });

  it('rejects a folder under /sys', async () => {
    await expect(fixture.archive.moveArchive('/sys/nope2')).rejects.toMatchObject({
      code: 'input.invalid',
      details: { reason: 'folderSpecialFileSystem', folder: '/sys/nope2' },
    });
  });

  it('names the folder in the message', async () => {
    await expect(fixture.archive.moveArchive('/sys/nope2')).rejects.toThrow(
      /'\/sys\/nope2'/,
    );
  });

  it('rejects a folder below a file', async () => {
    const file = path.join(fixture.folder, 'plain-file');
    fs.writeFileSync(file, 'x');
    const target = path.join(file, 'archive');
    await expect(fixture.archive.moveArchive(target)).rejects.toMatchObject({
      code: 'input.invalid',
      details: { reason: 'folderNotDirectory', folder: target },
    });
  });

  it('rejects an existing file', async () => {
    const file = path.join(fixture.folder, 'plain-file');
    fs.writeFileSync(file, 'x');
    await expect(fixture.archive.moveArchive(file)).rejects.toMatchObject({
      details: { reason: 'folderNotDirectory' },
    });
  });

  it('leaves no probe file behind', async () => {
    const target = path.join(fixture.folder, 'moved');
    await fixture.archive.moveArchive(target);
    const probes = fs
      .readdirSync(fixture.folder)
      .filter((name) => name.startsWith('.efactura-probe-'));
    expect(probes).toEqual([]);
  });
});

describe('folderFailure', () => {
  const cases = [
    ['EACCES', 'folderNotWritable'],
    ['EPERM', 'folderNotWritable'],
    ['EROFS', 'folderReadOnly'],
    ['ENOSPC', 'diskFull'],
    ['ENOTDIR', 'folderNotDirectory'],
  ] as const;

  for (const [code, reason] of cases) {
    it(`maps ${code} to ${reason}`, () => {
      const error = Object.assign(new Error(code), { code });
      const failure = folderFailure(error, '/data/arhiva');
      expect(failure?.details).toEqual({ reason, folder: '/data/arhiva' });
    });
  }

  it('returns null for other errors', () => {
    const error = Object.assign(new Error('busy'), { code: 'EBUSY' });
    expect(folderFailure(error, '/data/arhiva')).toBeNull();
  });
});
