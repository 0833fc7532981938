/**
 * Measures the cold start of the browser shell to the first screen: from
 * spawning `node dist/electron/browser/main.js` until Chromium shows the
 * home screen's heading. It is measured twice per run, on a new data folder
 * (the first start of a new user, which also creates the embedded sandbox's
 * certificates) and again on the same folder (every later start). Prints
 * one JSON object on stdout.
 *
 *   node tests/bench/cold-start.ts
 *
 * Needs a build (`npm run build`) and Debian's Chromium at /usr/bin/chromium
 * or CHROMIUM_PATH. Chromium is started before the clock starts, so its own
 * start-up is not counted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, repoRoot } from './browser.ts';

interface StartTimes {
  /** Spawn until the shell printed its address. */
  addressMs: number;
  /** Spawn until the home screen's heading was visible. */
  firstScreenMs: number;
}

/** Spawns the built shell and resolves with its address once printed. */
function spawnShell(dataDir: string): {
  child: ChildProcess;
  address: Promise<string>;
} {
  const entry = path.join(repoRoot, 'dist', 'electron', 'browser', 'main.js');
  const child = spawn(
    process.execPath,
    [entry, '--data-dir', dataDir, '--insecure-storage'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/efactura-bench-bus',
      },
    },
  );
  let output = '';
  const address = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`The browser shell exited with ${code}: ${output}`)),
    );
  });
  return { child, address };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts the shell on a folder and opens its first screen in a new browser context. */
async function measureStart(
  browser: Browser,
  dataDir: string,
): Promise<StartTimes> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 820 },
  });
  const page = await context.newPage();
  const started = performance.now();
  const { child, address } = spawnShell(dataDir);
  try {
    const url = await address;
    const addressMs = performance.now() - started;
    await page.goto(url);
    await page
      .locator('main h2')
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    const firstScreenMs = performance.now() - started;
    return { addressMs, firstScreenMs };
  } finally {
    await context.close();
    await stop(child);
  }
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-cold-start-'));
  const dataDir = path.join(parent, 'data');
  try {
    const fresh = await measureStart(browser, dataDir);
    const existing = await measureStart(browser, dataDir);
    const round = (value: number) => Math.round(value);
    const result = {
      bench: 'cold-start',
      newFolderAddressMs: round(fresh.addressMs),
      newFolderFirstScreenMs: round(fresh.firstScreenMs),
      addressMs: round(existing.addressMs),
      firstScreenMs: round(existing.firstScreenMs),
      node: process.version,
      cpus: os.cpus().length,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser.close();
    fs.rmSync(parent, { recursive: true, force: true });
  }
}

await main();
