/** Folder expansion for `efactura upload`, on real files in a temp folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expandPaths } from '../../../electron/cli/upload/files.ts';

let root = '';

function write(relative: string): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '<Invoice/>');
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-upload-files-'));
  write('batch/b.xml');
  write('batch/a.XML');
  write('batch/notes.txt');
  write('batch/2025/ianuarie/c.xml');
  write('batch/2025/d.xml');
  write('elsewhere/linked.xml');
  fs.symlinkSync(
    path.join(root, 'elsewhere'),
    path.join(root, 'batch', 'link'),
    'dir',
  );
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('expandPaths', () => {
  it('walks subfolders in name order', () => {
    const files = expandPaths([path.join(root, 'batch')]);
    const relative = files.map((file) => path.relative(root, file));
    expect(relative).toEqual([
      path.join('batch', '2025', 'd.xml'),
      path.join('batch', '2025', 'ianuarie', 'c.xml'),
      path.join('batch', 'a.XML'),
      path.join('batch', 'b.xml'),
    ]);
  });

  it('skips files that are not XML', () => {
    const files = expandPaths([path.join(root, 'batch')]);
    expect(files.some((file) => file.endsWith('notes.txt'))).toBe(false);
  });

  it('does not follow a symlinked folder', () => {
    const files = expandPaths([path.join(root, 'batch')]);
    expect(files.some((file) => file.endsWith('linked.xml'))).toBe(false);
  });

  it('keeps a named file as given', () => {
    const file = path.join(root, 'batch', 'notes.txt');
    expect(expandPaths([file])).toEqual([file]);
  });
});
