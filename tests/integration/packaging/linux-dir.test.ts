// Packages the app with electron-builder (`--linux dir`) against a stub
// Electron distribution, because the real Electron binary cannot be
// downloaded here. This checks the packaging settings and the asar
// contents, not a runnable app. Needs `npm run build` first (npm test does).
import { listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
let workDir: string;
let entries: string[];
let unpackedResources: string;

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` before this test');
  }
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-package-'));
  const stub = path.join(workDir, 'electron-stub');
  fs.mkdirSync(stub);
  fs.writeFileSync(path.join(stub, 'electron'), '#!/bin/sh\necho stub\n', { mode: 0o755 });
  fs.writeFileSync(path.join(stub, 'version'), 'v45.6.1');
  const output = path.join(workDir, 'out');
  const result = spawnSync(
    path.join(root, 'node_modules', '.bin', 'electron-builder'),
    ['--linux', 'dir', '--publish', 'never', `-c.electronDist=${stub}`, `-c.directories.output=${output}`, '-c.electronVersion=45.6.1'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
  if (result.status !== 0) throw new Error(`electron-builder failed:\n${result.stdout}\n${result.stderr}`);
  unpackedResources = path.join(output, 'linux-unpacked', 'resources');
  entries = listPackage(path.join(unpackedResources, 'app.asar'), { isPack: false }).map((entry) =>
    entry.split(path.sep).join('/'),
  );
}, 180_000);

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe('linux dir package', () => {
  it.each(['/dist/electron/shell/main.js', '/dist/preload/preload.cjs', '/dist/renderer/index.html', '/package.json'])(
    'holds %s',
    (entry) => {
      expect(entries).toContain(entry);
    },
  );

  it('holds the built CLI', () => {
    expect(entries).toContain('/dist/electron/cli/main.js');
  });

  it('leaves out tests and sources', () => {
    const ours = entries.filter((entry) => !entry.startsWith('/node_modules/'));
    expect(ours.filter((entry) => entry.startsWith('/tests'))).toEqual([]);
    expect(ours.filter((entry) => entry.startsWith('/renderer') || entry.startsWith('/electron'))).toEqual([]);
    expect(ours.filter((entry) => /\.(ts|tsx|map)$/.test(entry))).toEqual([]);
  });

  it('leaves out development dependencies', () => {
    for (const name of ['vitest', 'electron-builder', '@playwright', 'typescript', 'vite']) {
      expect(entries.some((entry) => entry.startsWith(`/node_modules/${name}/`))).toBe(false);
    }
  });

  it('ships the CLI launchers', () => {
    expect(fs.existsSync(path.join(unpackedResources, 'launchers', 'efactura'))).toBe(true);
    expect(fs.existsSync(path.join(unpackedResources, 'launchers', 'efactura.cmd'))).toBe(true);
  });
});
