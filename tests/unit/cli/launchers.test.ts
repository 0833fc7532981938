// The efactura launchers that the installed app ships. Both are checked as
// text, and the Windows .cmd also runs through a model of cmd.exe, because
// no Windows is at hand. The checks cover the files the electron-builder
// config packs, the binary and CLI entry the launchers call, and how
// arguments and exit codes pass through.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch, type BatchRun } from './cmd-interpreter.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const LAUNCHERS = path.join(repoRoot, 'build', 'launchers');
const CMD_TEXT = fs.readFileSync(path.join(LAUNCHERS, 'efactura.cmd'), 'utf8');
const BUILDER_CONFIG = fs.readFileSync(
  path.join(repoRoot, 'electron-builder.yml'),
  'utf8',
);

/** The CLI entry inside app.asar, where `npm run build` writes it. */
const ENTRY_IN_ASAR = 'dist/electron/cli/main.js';

/** An installation folder with a space in its name, which the installer lets a user choose. */
const APP_DIR = 'C:\\Users\\Ana\\AppData\\Local\\Programs\\e-Factura Desktop';

function executableName(): string {
  const match = /^executableName:\s*(\S+)\s*$/m.exec(BUILDER_CONFIG);
  if (!match?.[1])
    throw new Error('electron-builder.yml has no executableName');
  return match[1];
}

function windowsRun(overrides: Partial<BatchRun> = {}): BatchRun {
  const appDir = overrides.scriptDir
    ? path.win32.resolve(overrides.scriptDir, '..', '..')
    : APP_DIR;
  return {
    scriptDir: `${APP_DIR}\\resources\\launchers\\`,
    rawArguments: '',
    environment: { PATH: 'C:\\Windows\\system32' },
    existingFiles: [`${appDir}\\${executableName()}.exe`],
    programExitCode: 0,
    ...overrides,
  };
}

describe('electron-builder config for the launchers', () => {
  it('packs build/launchers as resources/launchers', () => {
    const block = /^extraResources:\n((?:[ \t#-].*\n)+)/m.exec(BUILDER_CONFIG);
    expect(block?.[1]).toMatch(/- from: build\/launchers\n\s+to: launchers\n/);
  });

  it('packs both launcher files', () => {
    expect(BUILDER_CONFIG).toMatch(/filter: \[efactura, efactura\.cmd\]/);
    expect(fs.existsSync(path.join(LAUNCHERS, 'efactura'))).toBe(true);
    expect(fs.existsSync(path.join(LAUNCHERS, 'efactura.cmd'))).toBe(true);
  });

  it('packs the built CLI into app.asar', () => {
    expect(BUILDER_CONFIG).toMatch(/^asar: true$/m);
    expect(BUILDER_CONFIG).toMatch(/^ {2}- dist\/\*\*\/\*$/m);
    const build = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'tsconfig.build.json'), 'utf8'),
    ) as { compilerOptions: { outDir: string; rootDir: string } };
    expect(build.compilerOptions.outDir).toBe('dist');
    expect(build.compilerOptions.rootDir).toBe('.');
    expect(
      fs.existsSync(path.join(repoRoot, 'electron', 'cli', 'main.ts')),
    ).toBe(true);
  });
});

describe('Linux launcher text', () => {
  const text = fs.readFileSync(path.join(LAUNCHERS, 'efactura'), 'utf8');

  it('is executable', () => {
    const mode = fs.statSync(path.join(LAUNCHERS, 'efactura')).mode;
    expect(mode & 0o111).toBe(0o111);
  });

  it('names the packaged binary', () => {
    expect(text).toContain(`binary="$app/${executableName()}"`);
  });

  it('names the packaged CLI entry', () => {
    expect(text).toContain(`entry="$resources/app.asar/${ENTRY_IN_ASAR}"`);
  });

  it('uses LF line ends', () => {
    expect(text).not.toContain('\r');
  });
});

describe('Windows launcher in a cmd.exe model', () => {
  it('uses CRLF line ends', () => {
    const lines = CMD_TEXT.split('\n').slice(0, -1);
    expect(lines.every((line) => line.endsWith('\r'))).toBe(true);
    expect(CMD_TEXT.endsWith('\r\n')).toBe(true);
  });

  it('has no parenthesised blocks', () => {
    // cmd expands a whole block at once, so a ")" in the installation
    // path (as in "Program Files (x86)") would end the block early.
    for (const line of CMD_TEXT.split(/\r?\n/)) {
      expect(line.trim().endsWith('(')).toBe(false);
      expect(line.trim()).not.toBe(')');
    }
  });

  it('calls the app binary beside resources', () => {
    const result = runBatch(CMD_TEXT, windowsRun());
    expect(result.calls).toHaveLength(1);
    expect(result.calls[0]?.program).toBe(
      `${APP_DIR}\\${executableName()}.exe`,
    );
  });

  it('passes the CLI entry in app.asar', () => {
    const [call] = runBatch(CMD_TEXT, windowsRun()).calls;
    const entry = ENTRY_IN_ASAR.replaceAll('/', '\\');
    expect(call?.firstArgument).toBe(
      `${APP_DIR}\\resources\\app.asar\\${entry}`,
    );
  });

  it('sets ELECTRON_RUN_AS_NODE', () => {
    const [call] = runBatch(CMD_TEXT, windowsRun()).calls;
    expect(call?.environment.ELECTRON_RUN_AS_NODE).toBe('1');
  });

  it('keeps the caller environment', () => {
    const [call] = runBatch(CMD_TEXT, windowsRun()).calls;
    expect(call?.environment.PATH).toBe('C:\\Windows\\system32');
  });

  it('passes the arguments unchanged', () => {
    const typed =
      'sync --cif "RO 18654326" --data-dir "C:\\Date firma\\efactura" --name "Alfa ""Beta"" SRL"';
    const [call] = runBatch(
      CMD_TEXT,
      windowsRun({ rawArguments: typed }),
    ).calls;
    expect(call?.rest).toBe(typed);
  });

  it('works from a path with parentheses', () => {
    const appDir = 'C:\\Program Files (x86)\\e-Factura Desktop';
    const result = runBatch(
      CMD_TEXT,
      windowsRun({ scriptDir: `${appDir}\\resources\\launchers\\` }),
    );
    expect(result.calls[0]?.program).toBe(`${appDir}\\${executableName()}.exe`);
  });

  it('returns the exit code of the CLI', () => {
    const result = runBatch(CMD_TEXT, windowsRun({ programExitCode: 2 }));
    expect(result.exitCode).toBe(2);
  });

  it('reports a missing binary', () => {
    const result = runBatch(CMD_TEXT, windowsRun({ existingFiles: [] }));
    expect(result.exitCode).toBe(1);
    expect(result.calls).toHaveLength(0);
    expect(result.stderr[0]).toContain(
      `"${APP_DIR}\\resources\\launchers\\..\\..\\${executableName()}.exe" is missing`,
    );
  });
});
