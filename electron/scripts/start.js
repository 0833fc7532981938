#!/usr/bin/env node
// `npm start`: launches the desktop app with Electron. Where the Electron
// binary is missing (its download failed or was skipped) it says so in one
// line and starts the browser shell instead. `npm run start:browser` starts
// the browser shell directly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');
const passThrough = args.filter((arg) => arg !== '--browser');
const DOWNLOAD_TIMEOUT_MS = 5 * 60 * 1000;

function ensureBuilt() {
  if (fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) return;
  const result = spawnSync(process.execPath, [path.join(root, 'electron', 'scripts', 'build.js')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Resolves the Electron binary; Electron 45 downloads it on first use. */
function findElectron() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const binary = probe.status === 0 ? probe.stdout.trim() : '';
  if (binary && fs.existsSync(binary)) return { binary };
  const errorLine = (probe.stderr || '').split('\n').find((line) => /^(\w*Error|Error):/.test(line.trim()));
  const reason = errorLine ? `its download failed: ${errorLine.trim()}` : 'its download failed or was skipped';
  return { reason };
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: root });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

ensureBuilt();
const browserEntry = path.join(root, 'dist', 'electron', 'browser', 'main.js');
if (browserOnly) {
  run(process.execPath, [browserEntry, ...passThrough]);
} else {
  const electron = findElectron();
  if (electron.binary) {
    run(electron.binary, [root, ...passThrough]);
  } else {
    process.stdout.write(`Electron is not available (${electron.reason}); starting the browser shell instead.\n`);
    run(process.execPath, [browserEntry, ...passThrough]);
  }
}
