// The Linux `efactura` launcher, run from a copy of the installed app's
// layout in a temporary folder. The Electron binary cannot run here, so a
// stand-in takes its place: a Node script that records its environment and
// arguments and then runs Node on them, as Electron does in Node mode.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, CLI_MAIN, repoRoot, tempDir } from './harness.ts';

const LAUNCHER = path.join(repoRoot, 'build', 'launchers', 'efactura');

/** What the stand-in binary writes to $STANDIN_RECORD on every run. */
interface StandInRecord {
  argv: string[];
  electronRunAsNode: string | null;
}

interface Installation {
  appDir: string;
  launcher: string;
  entry: string;
  recordFile: string;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Lays out `<app>/efactura-desktop` (the stand-in),
 * `<app>/resources/launchers/efactura` and the CLI entry in
 * `<app>/resources/app.asar/` (a folder here, an archive in the package).
 * The entry either prints its arguments or runs the real CLI sources.
 */
function install(entryKind: 'echo' | 'cli'): Installation {
  // The .deb installs into "/opt/e-Factura Desktop": a space in the path.
  const appDir = path.join(tempDir('launcher'), 'e-Factura Desktop');
  const resources = path.join(appDir, 'resources');
  const entry = path.join(
    resources,
    'app.asar',
    'dist',
    'electron',
    'cli',
    'main.js',
  );
  const launcher = path.join(resources, 'launchers', 'efactura');
  fs.mkdirSync(path.dirname(entry), { recursive: true });
  fs.mkdirSync(path.dirname(launcher), { recursive: true });

  fs.copyFileSync(LAUNCHER, launcher);
  fs.chmodSync(launcher, fs.statSync(LAUNCHER).mode);
  fs.writeFileSync(
    path.join(appDir, 'efactura-desktop'),
    [
      `#!${process.execPath}`,
      "import { spawnSync } from 'node:child_process';",
      "import fs from 'node:fs';",
      'const argv = process.argv.slice(2);',
      'const electronRunAsNode = process.env.ELECTRON_RUN_AS_NODE ?? null;',
      'fs.writeFileSync(process.env.STANDIN_RECORD, JSON.stringify({ argv, electronRunAsNode }));',
      "const run = spawnSync(process.execPath, argv, { stdio: 'inherit' });",
      'process.exit(run.status ?? 1);',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  fs.writeFileSync(
    entry,
    entryKind === 'echo'
      ? 'process.stdout.write(JSON.stringify(process.argv.slice(2)));\n'
      : `await import(${JSON.stringify(pathToFileURL(CLI_MAIN).href)});\n`,
  );
  // An ES module, as the package's own "type": "module" makes dist/ one.
  fs.writeFileSync(
    path.join(resources, 'app.asar', 'package.json'),
    '{"type":"module"}',
  );
  return {
    appDir,
    launcher,
    entry,
    recordFile: path.join(appDir, 'record.json'),
  };
}

function runLauncher(
  installation: Installation,
  args: string[],
  command = installation.launcher,
): Promise<Run> {
  // Without the variable in the caller's environment, only the launcher
  // can put it into the stand-in's.
  const { ELECTRON_RUN_AS_NODE: _inherited, ...environment } = process.env;
  const child = spawn(command, args, {
    env: { ...environment, STANDIN_RECORD: installation.recordFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function record(installation: Installation): StandInRecord {
  return JSON.parse(
    fs.readFileSync(installation.recordFile, 'utf8'),
  ) as StandInRecord;
}

/** Arguments a shell would mangle if the launcher did not quote "$@". */
const AWKWARD_ARGUMENTS = [
  'upload',
  'facturi martie/F 001.xml',
  'quote"inside',
  "it's",
  '$HOME',
  '*',
  '',
  'back\\slash',
  '--name=Alfa  SRL',
  'two\nlines',
  'ăîșțâ',
];

afterAll(cleanUp);

describe('Linux launcher with the Electron binary replaced by a stand-in', () => {
  let echo: Installation;

  beforeAll(() => {
    echo = install('echo');
  });

  it('sets ELECTRON_RUN_AS_NODE', async () => {
    const run = await runLauncher(echo, ['--version']);
    expect(run.code).toBe(0);
    expect(record(echo).electronRunAsNode).toBe('1');
  });

  it('runs the packaged CLI entry', async () => {
    await runLauncher(echo, ['--version']);
    expect(record(echo).argv[0]).toBe(echo.entry);
  });

  it('passes arguments through unchanged', async () => {
    const run = await runLauncher(echo, AWKWARD_ARGUMENTS);
    expect(record(echo).argv.slice(1)).toEqual(AWKWARD_ARGUMENTS);
    expect(JSON.parse(run.stdout)).toEqual(AWKWARD_ARGUMENTS);
  });

  it('works through a symbolic link', async () => {
    const link = path.join(tempDir('launcher-bin'), 'efactura');
    fs.symlinkSync(echo.launcher, link);
    const run = await runLauncher(echo, ['sync'], link);
    expect(run.code).toBe(0);
    expect(record(echo).argv).toEqual([echo.entry, 'sync']);
  });

  it('reports a missing app binary', async () => {
    const broken = install('echo');
    fs.rmSync(path.join(broken.appDir, 'efactura-desktop'));
    const run = await runLauncher(broken, ['sync']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${broken.appDir}/efactura-desktop is missing`,
    );
  });

  describe('with the real CLI as entry', () => {
    let cli: Installation;

    beforeAll(() => {
      cli = install('cli');
    });

    it('prints the version', async () => {
      const run = await runLauncher(cli, ['--version']);
      const manifest = JSON.parse(
        fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'),
      ) as {
        version: string;
      };
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(manifest.version);
    });

    it('returns the CLI exit code', async () => {
      const run = await runLauncher(cli, ['bogus']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("unknown command 'bogus'");
    });
  });
});
