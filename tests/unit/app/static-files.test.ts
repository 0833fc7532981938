import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../../../electron/core/app/static-files.ts';

let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'static-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<html></html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), '');
  fs.writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'secret');
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('resolveStaticFile', () => {
  it('serves an asset with its content type', () => {
    expect(resolveStaticFile(root, '/assets/app.js')).toEqual({
      file: path.join(root, 'assets', 'app.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('falls back to index.html for a client route', () => {
    expect(resolveStaticFile(root, '/settings')?.file).toBe(path.join(root, 'index.html'));
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/a%00.js'])(
    'refuses %s',
    (requestPath) => {
      expect(resolveStaticFile(root, requestPath)).toBeNull();
    },
  );

  it('returns nothing for a missing asset', () => {
    expect(resolveStaticFile(root, '/assets/missing.js')).toBeNull();
  });
});
