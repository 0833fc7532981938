#!/usr/bin/env node
// `npm test`: type check, lint, build, then every suite: Vitest (unit and
// integration, inside a D-Bus session with an unlocked GNOME keyring where
// one can be started, so the keychain vault is tested for real) and
// Playwright (end to end in Debian's Chromium through the browser shell, and
// the Electron suite, which skips itself where the Electron binary is
// missing). Ends with one "N passed, N failed" line over all suites.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const output = path.join(root, 'tests', 'output');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: process.env.ELECTRON_OVERRIDE_DIST_PATH ?? '/nonexistent' };
const failures = [];

function run(name, command, args, options = {}) {
  const started = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, env, ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const passed = result.status === 0;
  process.stdout.write(`=== ${name}: ${passed ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds} s\n`);
  if (!passed) failures.push(name);
  return passed;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Counts from Vitest's and Playwright's JSON reports. */
function readCounts() {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const vitestReport = path.join(output, 'vitest.json');
  if (fs.existsSync(vitestReport)) {
    const report = JSON.parse(fs.readFileSync(vitestReport, 'utf8'));
    counts.passed += report.numPassedTests ?? 0;
    counts.failed += report.numFailedTests ?? 0;
    counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  const playwrightReport = path.join(output, 'playwright.json');
  if (fs.existsSync(playwrightReport)) {
    const stats = JSON.parse(fs.readFileSync(playwrightReport, 'utf8')).stats ?? {};
    counts.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    counts.failed += stats.unexpected ?? 0;
    counts.skipped += stats.skipped ?? 0;
  }
  return counts;
}

/** Lists each skipped Playwright test with the reason it gave. */
function printSkipReasons() {
  const playwrightReport = path.join(output, 'playwright.json');
  if (!fs.existsSync(playwrightReport)) return;
  const visit = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      for (const item of spec.tests ?? []) {
        const skip = (item.annotations ?? []).find((annotation) => annotation.type === 'skip');
        if (item.status === 'skipped') {
          process.stdout.write(`skipped: ${[...trail, spec.title].join(' > ')}: ${skip?.description || 'no reason given'}\n`);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...trail, child.title]);
  };
  for (const suite of JSON.parse(fs.readFileSync(playwrightReport, 'utf8')).suites ?? []) visit(suite, [suite.title]);
}

fs.rmSync(output, { recursive: true, force: true });
fs.mkdirSync(output, { recursive: true });

run('type check', process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit']);
run('lint', bin('eslint'), ['--max-warnings', '0', '.']);
const built = run('build', process.execPath, [path.join(root, 'electron', 'scripts', 'build.js')]);

const vitestArgs = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(output, 'vitest.json')}`];
if (process.platform === 'linux' && hasCommand('dbus-run-session') && hasCommand('gnome-keyring-daemon')) {
  // A fresh keyring folder, so the throwaway password always unlocks it.
  const keyringHome = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-keyring-'));
  const inner = `echo -n efactura-test | XDG_DATA_HOME="${keyringHome}" gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "${bin('vitest')}" ${vitestArgs.join(' ')}`;
  run('unit and integration tests (Vitest, in a D-Bus session with GNOME keyring)', 'dbus-run-session', ['--', 'sh', '-c', inner]);
} else {
  process.stdout.write('No dbus-run-session or gnome-keyring-daemon: the keychain vault test will report itself skipped.\n');
  run('unit and integration tests (Vitest)', bin('vitest'), vitestArgs);
}

if (built) {
  run('end-to-end tests (Playwright)', bin('playwright'), ['test', '--reporter=list,json'], {
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(output, 'playwright.json') },
  });
} else {
  failures.push('end-to-end tests (not run: the build failed)');
}

printSkipReasons();
const counts = readCounts();
process.stdout.write(`\nSuites that failed: ${failures.length === 0 ? 'none' : failures.join(', ')}\n`);
// A failed step whose report counted no failed test (type check, lint,
// build, or a runner that crashed) counts as one failure of its own.
const uncounted = counts.failed === 0 ? failures.length : failures.filter((name) => !name.includes('tests')).length;
process.stdout.write(`tests: ${counts.passed} passed, ${counts.failed + uncounted} failed, ${counts.skipped} skipped\n`);
process.exit(failures.length === 0 && counts.failed === 0 ? 0 : 1);
