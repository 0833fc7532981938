// What the browser shell prints and reports at start on a machine without
// a keychain, started with --insecure-storage as a real child process.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/ipc/contract.ts';
import { NO_KEYCHAIN_ENV, repoRoot } from '../cli/harness.ts';
import { ShellClient, valueOf } from '../data/browser-shell-process.ts';

const START_TIMEOUT_MS = 20_000;

let dataDir: string;
let child: ChildProcess;
let client: ShellClient;
let stderr = '';

/** Resolves with the URL the shell prints once it serves. */
function waitForUrl(shell: ChildProcess): Promise<URL> {
  let stdout = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The browser shell printed no URL: ${stderr}`)),
      START_TIMEOUT_MS,
    );
    shell.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The browser shell exited with ${code}: ${stderr}`));
    });
    shell.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (\S+)/.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(new URL(match[1]));
    });
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-shell-start-'));
  child = spawn(
    process.execPath,
    ['electron/browser/main.ts', '--data-dir', dataDir, '--insecure-storage'],
    {
      cwd: repoRoot,
      env: { ...process.env, ...NO_KEYCHAIN_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  client = await ShellClient.connect(await waitForUrl(child));
}, START_TIMEOUT_MS + 5_000);

afterAll(async () => {
  client?.close();
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('browser shell start with insecure storage', () => {
  it('prints the weak storage warning', () => {
    expect(stderr).toContain('Warning: Tokens and the client secret are stored unencrypted');
  });

  it('prints no SQLite warning', () => {
    expect(stderr).not.toContain('SQLite is an experimental feature');
  });

  it('flags weak storage in app.info', async () => {
    const info = valueOf(await client.call<AppInfo>('app.info'));
    expect(info.weakTokenStorage).toBe(true);
  });
});
