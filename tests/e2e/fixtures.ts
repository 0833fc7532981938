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

function launch(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const entry = path.join(repoRoot, 'dist', 'electron', 'browser', 'main.js');
  // A throwaway data folder, so tokens may go to a user-only file where the
  // test machine has no keychain.
  const child = spawn(process.execPath, [entry, '--data-dir', dataDir, '--insecure-storage'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser shell did not start: ${output}`)), 20_000);
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
    child.once('exit', (code) => reject(new Error(`browser shell exited with ${code}: ${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ app: AppServer }>({
  // Playwright reads a fixture's dependencies from this destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-e2e-'));
    let running = await launch(dataDir);
    const server: AppServer = {
      url: running.url,
      dataDir,
      async restart() {
        await stop(running.child);
        running = await launch(dataDir);
        server.url = running.url;
      },
    };
    await use(server);
    await stop(running.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

/** Saves a full-page screenshot as a test artifact under tests/output/e2e. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

export { expect } from '@playwright/test';
