// The desktop app itself, driven by Playwright's _electron. It runs wherever
// the Electron binary is installed and reports itself as skipped, with the
// reason, where it is not (as on the build machines, which cannot download it).
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronBinary, repoRoot as root } from './support.ts';

const found = findElectronBinary();
if (found.reason) process.stdout.write(`Electron suite skipped: ${found.reason}\n`);
test.skip(!found.binary, found.reason ?? '');

let app: ElectronApplication;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-electron-'));
  app = await electron.launch({
    executablePath: found.binary,
    args: [root],
    env: { ...process.env, EFACTURA_DATA_DIR: dataDir },
  });
});

test.afterEach(async () => {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('window runs isolated and sandboxed', async () => {
  const window = await app.firstWindow();
  await expect(window.getByRole('heading', { name: 'Bine ați venit' })).toBeVisible();
  const exposed = await window.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    api: typeof (globalThis as { efactura?: unknown }).efactura,
    ipcRenderer: typeof (globalThis as { efactura?: { ipcRenderer?: unknown } }).efactura?.ipcRenderer,
  }));
  expect(exposed.require).toBe('undefined');
  expect(exposed.process).toBe('undefined');
  expect(exposed.api).toBe('object');
  expect(exposed.ipcRenderer).toBe('undefined');
  expect(window.url()).toBe('app://efactura/index.html');
});

test('setting survives a reload', async () => {
  const window = await app.firstWindow();
  await window.getByRole('button', { name: 'Setări' }).click();
  await window.getByText('English').click();
  await expect(window.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await window.reload();
  await expect(window.getByRole('button', { name: 'Settings' })).toBeVisible();
  await window.screenshot({ path: test.info().outputPath('electron-settings.png') });
});
