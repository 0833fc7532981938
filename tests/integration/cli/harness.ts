/**
 * Runs `efactura` as a child process (`node electron/cli/main.ts`) against
 * a sandbox process the test starts, on temporary data folders. The
 * children get a D-Bus address that leads nowhere, so no keychain responds
 * even inside CI's D-Bus session and `--insecure-storage` picks the file
 * vault: nothing is written to the keyring of the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
export const CLI_MAIN = path.join(repoRoot, 'electron/cli/main.ts');
const SANDBOX_MAIN = path.join(repoRoot, 'electron/sandbox/main.ts');
export const FIXTURES = path.resolve(repoRoot, '../shared/fixtures/invoices');

/** Keeps every keychain probe failing fast in the children. */
export const NO_KEYCHAIN_ENV = {
  DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/efactura-cli-test',
};

export interface SandboxCertificate {
  subject: string;
  serial: string;
  cifs: string[];
}

export interface StartedSandbox {
  info: {
    apiUrl: string;
    adminUrl: string;
    adminKey: string;
    certificates: SandboxCertificate[];
  };
  /** A file that contains the sandbox's start-up line, for --sandbox-config. */
  configFile: string;
  stateDir: string;
  stop(): Promise<void>;
}

const folders: string[] = [];
const children: ChildProcess[] = [];

export function tempDir(prefix: string): string {
  const folder = fs.mkdtempSync(
    path.join(os.tmpdir(), `efactura-cli-${prefix}-`),
  );
  folders.push(folder);
  return folder;
}

/** Stops every sandbox and removes every folder the harness created. */
export async function cleanUp(): Promise<void> {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
  for (const folder of folders.splice(0))
    fs.rmSync(folder, { recursive: true, force: true });
}

/** Starts `electron/sandbox/main.ts` with fast settings plus `args`, and reads its JSON line. */
export function startSandbox(args: string[] = []): Promise<StartedSandbox> {
  const stateDir = tempDir('sandbox');
  const child = spawn(
    process.execPath,
    [
      SANDBOX_MAIN,
      '--port',
      '0',
      '--rate-limit',
      '3000',
      '--processing-ms',
      '50',
      '--state-dir',
      stateDir,
      ...args,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`The sandbox exited with ${code}: ${stderr}`)),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      const line = stdout.slice(0, newline);
      const configFile = path.join(stateDir, 'sandbox-line.json');
      fs.writeFileSync(configFile, `${line}\n`);
      resolve({
        info: JSON.parse(line) as StartedSandbox['info'],
        configFile,
        stateDir,
        stop: async () => {
          const exited = new Promise((done) => child.once('exit', done));
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  dataDir: string;
  /** False leaves out --insecure-storage. */
  insecureStorage?: boolean;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Runs `efactura --data-dir DIR --insecure-storage ARGS...` and collects its output. */
export function runCli(args: string[], options: CliOptions): Promise<CliRun> {
  const globals = [
    '--data-dir',
    options.dataDir,
    ...(options.insecureStorage === false ? [] : ['--insecure-storage']),
  ];
  return runProcess(process.execPath, [CLI_MAIN, ...globals, ...args], options);
}

/** Runs any program with the test environment, standard input closed. */
export function runProcess(
  command: string,
  args: string[],
  options: Pick<CliOptions, 'env' | 'cwd'>,
): Promise<CliRun> {
  const child = spawn(command, args, {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...NO_KEYCHAIN_ENV, ...options.env },
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

/** Parses the JSON document a `--json` run printed, with its output in the error. */
export function json<T>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(
      `Standard output is not one JSON document (exit ${run.code}).\nstdout: ${run.stdout}\nstderr: ${run.stderr}`,
    );
  }
}

/** Returns the last line the command wrote to standard error: its error message. */
export function lastErrorLine(run: CliRun): string {
  const lines = run.stderr.trim().split('\n');
  return lines[lines.length - 1] ?? '';
}

/** Logs in to `sandbox` with certificate `index` and follows `cifs` (the certificate's first CIF by default). */
export async function loginAndFollow(
  sandbox: StartedSandbox,
  dataDir: string,
  index = 0,
  cifs?: string[],
): Promise<{ accountId: string; cifs: string[] }> {
  const login = await runCli(
    [
      '--json',
      'login',
      '--env',
      'sandbox',
      '--sandbox-config',
      sandbox.configFile,
      '--certificate',
      String(index),
    ],
    { dataDir },
  );
  if (login.code !== 0) throw new Error(`login failed: ${login.stderr}`);
  const accountId = json<{ id: string }>(login).id;
  const chosen =
    cifs ?? sandbox.info.certificates[index]?.cifs.slice(0, 1) ?? [];
  for (const cif of chosen) {
    const added = await runCli(
      ['companies', 'add', cif, '--name', `Company ${cif}`],
      { dataDir },
    );
    if (added.code !== 0)
      throw new Error(`companies add ${cif} failed: ${added.stderr}`);
  }
  return { accountId, cifs: chosen };
}
