/**
 * Starts the real browser shell (the built app, as `npm run start:browser`
 * runs it) on a fresh data folder for each test, and stops it afterwards.
 */
import { test as base, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface AppServer {
  url: string;
  dataDir: string;
  restart(): Promise<void>;
}

/** How a test starts the shell, on top of `--data-dir` and `--insecure-storage`. */
export interface AppOptions {
  /** Environment variables added to the test runner's own, e.g. `EFACTURA_SANDBOX_VIA_BROWSER`. */
  env?: Record<string, string>;
  /** Extra command-line arguments for the shell. */
  args?: string[];
}

/** A shell that a spec started itself (see `startApp`), which the spec must stop. */
export interface StartedApp extends AppServer {
  stop(): Promise<void>;
}

function launch(
  dataDir: string,
  options: AppOptions,
): Promise<{ child: ChildProcess; url: string }> {
  const entry = path.join(repoRoot, 'dist', 'electron', 'browser', 'main.js');
  // A throwaway data folder, so tokens may go to a user-only file where the
  // test machine has no keychain.
  const args = [
    entry,
    '--data-dir',
    dataDir,
    '--insecure-storage',
    ...(options.args ?? []),
  ];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`browser shell did not start: ${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`browser shell exited with ${code}: ${output}`)),
    );
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts the shell on a new temporary data folder, for specs whose tests
 * share one shell (started in `beforeAll`). `stop` also removes the folder.
 */
export async function startApp(options: AppOptions = {}): Promise<StartedApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-e2e-'));
  let running = await launch(dataDir, options);
  const server: StartedApp = {
    url: running.url,
    dataDir,
    async restart() {
      await stop(running.child);
      running = await launch(dataDir, options);
      server.url = running.url;
    },
    async stop() {
      await stop(running.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

export const test = base.extend<{ app: AppServer; appOptions: AppOptions }>({
  // Set with `test.use({ appOptions: { env: { ... } } })`.
  appOptions: [{}, { option: true }],
  app: async ({ appOptions }, use) => {
    const server = await startApp(appOptions);
    await use(server);
    await server.stop();
  },
});

/** Saves a full-page screenshot as a test artifact under tests/output/e2e. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

export { expect } from '@playwright/test';
