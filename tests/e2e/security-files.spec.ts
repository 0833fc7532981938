// App files are user-only: the real browser shell on a fresh data folder,
// used through the renderer (a setting changed in the UI) and the contract
// (a sandbox login, which writes the vault, the accounts and the token
// records). Every file must be 0600 and every folder 0700, while the shell
// runs and after it stops.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  connectContract,
  launchShell,
  valueOf,
  waitForSandbox,
  walkFiles,
} from './security-shell.ts';

test.skip(
  process.platform === 'win32',
  'Windows has no POSIX modes; the profile folder is user-only there.',
);

interface Entry {
  path: string;
  mode: string;
}

/** Lists every entry whose permission bits differ from 0600 (files) or 0700 (folders). */
function wrongModes(root: string): Entry[] {
  const wrong: Entry[] = [];
  for (const relative of ['', ...walkFiles(root)]) {
    const stat = fs.lstatSync(path.join(root, relative));
    const mode = stat.mode & 0o777;
    const expected = stat.isDirectory() ? 0o700 : 0o600;
    if (stat.isSymbolicLink() || mode !== expected) {
      wrong.push({ path: relative || '.', mode: mode.toString(8) });
    }
  }
  return wrong;
}

test('data folder stays user-only', async ({ page }) => {
  test.setTimeout(120_000);
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-files-'));
  // The shell creates the data folder itself, as it does on a first start.
  const dataDir = path.join(parent, 'data');
  const shell = await launchShell(dataDir);
  try {
    const client = await connectContract(shell);
    await waitForSandbox(client);
    valueOf(
      await client.call('accounts.loginSandbox', { certificateIndex: 0 }),
    );
    client.close();

    await page.goto(shell.url);
    await page.getByRole('button', { name: 'Setări' }).click();
    const rateLimit = page.getByLabel('Apeluri ANAF pe minut');
    await rateLimit.fill('250');
    await rateLimit.blur();
    await expect(page.getByText('Setarea a fost salvată.')).toBeVisible();

    const files = walkFiles(dataDir);
    expect(files).toContain('settings.json');
    expect(files).toContain(path.join('vault', 'secrets.json'));
    expect(wrongModes(dataDir)).toEqual([]);
  } finally {
    await shell.stop();
  }
  expect(wrongModes(dataDir)).toEqual([]);
  fs.rmSync(parent, { recursive: true, force: true });
});
