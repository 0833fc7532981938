/**
 * The connection details of a sandbox that runs in another process
 * (`efactura sandbox` prints them as one JSON line). `login --env sandbox
 * --sandbox-config FILE` reads them and keeps a copy in the data folder, so
 * that later commands reach the same sandbox. The copy contains the sandbox's
 * client secret and certificate passphrases, hence mode 0600.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/data/files.ts';
import type { SandboxInfo } from '../sandbox/server.ts';
import { failure } from './errors.ts';

export const CLI_SANDBOX_FILE = 'cli-sandbox.json';

const text = z.string().min(1);

const sandboxInfoSchema = z.object({
  idpUrl: z.url(),
  apiUrl: z.url(),
  publicUrl: z.url(),
  adminUrl: z.url(),
  adminKey: text,
  caCertPath: text,
  clientId: text,
  clientSecret: text,
  redirectUri: z.url(),
  redirectUris: z.array(z.url()),
  certificates: z.array(
    z.object({
      name: z.string(),
      subject: text,
      serial: text,
      certPath: text,
      keyPath: text,
      pfxPath: text,
      passphrase: z.string(),
      cifs: z.array(z.string()),
    }),
  ),
});

/** Parses the first non-empty line of `content` as the sandbox's start-up line. */
export function parseSandboxInfo(content: string, source: string): SandboxInfo {
  const line =
    content.split(/\r?\n/).find((candidate) => candidate.trim() !== '') ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw failure(
      `${source} does not contain the JSON line that \`efactura sandbox\` prints. ` +
        'Start the sandbox with `efactura sandbox > FILE` and pass that FILE.',
      'input.invalid',
    );
  }
  const checked = sandboxInfoSchema.safeParse(parsed);
  if (!checked.success) {
    const field = checked.error.issues[0]?.path.join('.') || 'its content';
    throw failure(
      `${source} is not a sandbox start-up line (${field} is missing or invalid). ` +
        'Save the first line that `efactura sandbox` prints and pass that file.',
      'input.invalid',
    );
  }
  return checked.data;
}

export function readSandboxConfigFile(file: string): SandboxInfo {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw failure(
      `Cannot read the sandbox configuration ${file} (${reason}). Check the path.`,
      'input.invalid',
    );
  }
  return parseSandboxInfo(content, file);
}

/** Returns the sandbox an earlier `login --env sandbox --sandbox-config` chose, or null. */
export function loadSavedSandbox(dataDir: string): SandboxInfo | null {
  const file = path.join(dataDir, CLI_SANDBOX_FILE);
  if (!fs.existsSync(file)) return null;
  return parseSandboxInfo(fs.readFileSync(file, 'utf8'), file);
}

export function saveSandbox(dataDir: string, info: SandboxInfo): void {
  writeFileAtomic(
    path.join(dataDir, CLI_SANDBOX_FILE),
    `${JSON.stringify(info)}\n`,
  );
}

/** Forgets the external sandbox, so sandbox accounts use the data folder's own. */
export function forgetSandbox(dataDir: string): void {
  fs.rmSync(path.join(dataDir, CLI_SANDBOX_FILE), { force: true });
}
