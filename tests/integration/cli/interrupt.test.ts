// A command stopped by SIGTERM (a scheduler's timeout, for example) closes
// the core and releases the data-folder lock before it exits.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceSellerCif } from '../../helpers/replace-seller.ts';
import {
  cleanUp,
  CLI_MAIN,
  FIXTURES,
  loginAndFollow,
  NO_KEYCHAIN_ENV,
  repoRoot,
  startSandbox,
  tempDir,
} from './harness.ts';

let dataDir: string;
let invoice: string;
let exitCode: number | null;
let stderr = '';

/** Waits until `file` exists, checking every 100 ms for at most `attempts` checks. */
async function waitForFile(file: string, attempts: number): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (fs.existsSync(file)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${file} did not appear`);
}

beforeAll(async () => {
  // ANAF keeps the upload "in prelucrare" for a minute, so --wait waits.
  const sandbox = await startSandbox([
    '--seed-messages',
    '0',
    '--processing-ms',
    '60000',
  ]);
  dataDir = tempDir('interrupt');
  const { cifs } = await loginAndFollow(sandbox, dataDir, 1);
  invoice = path.join(tempDir('interrupt-invoice'), 'invoice.xml');
  const fixture = fs.readFileSync(
    path.join(FIXTURES, 'cius-ro/ubl_b2g_example1.xml'),
  );
  fs.writeFileSync(invoice, replaceSellerCif(fixture, cifs[0] ?? ''));

  const child = spawn(
    process.execPath,
    [
      CLI_MAIN,
      '--data-dir',
      dataDir,
      '--insecure-storage',
      'upload',
      invoice,
      '--wait',
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, ...NO_KEYCHAIN_ENV },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  await waitForFile(path.join(dataDir, 'efactura.lock'), 300);
  // The upload is sent and followed once the record exists; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  child.kill('SIGTERM');
  exitCode = await exited;
}, 60_000);

afterAll(cleanUp);

describe('efactura interrupted', () => {
  it('exits with 143 on SIGTERM', () => {
    expect(exitCode).toBe(143);
  });

  it('reports the stop', () => {
    expect(stderr).toContain('Stopped by SIGTERM before the command finished.');
  });

  it('releases the data-folder lock', () => {
    expect(fs.existsSync(path.join(dataDir, 'efactura.lock'))).toBe(false);
  });
});
