/**
 * The upload tests' environment. It starts a sandbox whose one
 * representative has SPV rights on a few registry CIFs, and logs an account
 * in with that representative's certificate (tokens in a file vault, so a
 * child process can read them). Helpers open upload stacks and read the
 * sandbox's own record of every upload.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileAccountStore } from '../../../electron/core/auth/account-file-store.ts';
import { AuthService } from '../../../electron/core/auth/auth-service.ts';
import {
  createMemoryLogger,
  type Logger,
} from '../../../electron/core/log/logger.ts';
import type { SandboxOptions } from '../../../electron/sandbox/options.ts';
import { FileVault } from '../../../electron/core/vault/file-vault.ts';
import type { UploadRecord, UploadState } from '../../../shared/domain.ts';
import { cifCheckDigit } from '../../../shared/cif.ts';
import { startAuthSandbox, type AuthSandbox } from '../auth/sandbox-fixture.ts';
import {
  accountFiles,
  openUploadStack,
  type StackConfig,
  type UploadStack,
} from './upload-stack.ts';
import type { UploadService } from '../../../electron/core/upload/index.ts';

/** Returns the first `count` CIFs with a valid check digit from `from` on. */
export function validCifs(count: number, from = 41_000_000): string[] {
  const found: string[] = [];
  for (let n = from; found.length < count; n += 1) {
    const body = String(n).slice(0, -1);
    if (`${body}${cifCheckDigit(body)}` === String(n)) found.push(String(n));
  }
  return found;
}

/** One upload as the sandbox recorded it (admin endpoint). */
export interface SandboxUpload {
  index: string;
  cif: string;
  sha256: string;
  state: string;
  downloadId: string | null;
  errors: string[];
}

export interface UploadEnv {
  auth: AuthSandbox;
  cifs: string[];
  accountId: string;
  authDir: string;
  logger: Logger;
  logLines: string[];
  /** The stack config for a data folder, with the test's overrides. */
  config(dataDir: string, extra?: Partial<StackConfig>): StackConfig;
  open(dataDir: string, extra?: Partial<StackConfig>): Promise<UploadStack>;
  newDataDir(): Promise<string>;
  sandboxUploads(): Promise<SandboxUpload[]>;
  setFaults(specs: string[]): Promise<void>;
  close(): Promise<void>;
}

export async function startUploadEnv(
  options: { cifCount?: number; sandbox?: SandboxOptions } = {},
): Promise<UploadEnv> {
  const cifs = validCifs(options.cifCount ?? 4);
  const auth = await startAuthSandbox({
    certificates: [{ name: 'Ioana Marinescu', cifs }],
    processingMs: 200,
    ...options.sandbox,
  });
  const { info } = auth.sandbox;
  const memory = createMemoryLogger();
  const root = await mkdtemp(path.join(tmpdir(), 'upload-env-'));
  const authDir = path.join(root, 'auth');

  const files = accountFiles(authDir);
  const service = new AuthService({
    accounts: new FileAccountStore(files.accounts, memory.logger),
    vault: new FileVault(files.vault, memory.logger),
    logger: memory.logger,
    idps: { sandbox: auth.idp },
  });
  const account = await service.addAccount({
    provider: 'sandbox',
    label: 'Sandbox',
    clientId: info.clientId,
    clientSecret: info.clientSecret,
    redirectUri: info.redirectUri,
  });
  const certificate = info.certificates[0];
  if (!certificate) throw new Error('The sandbox has no certificate.');
  await service.loginWithSandboxCertificate(account.id, certificate);
  await service.close();

  const config = (
    dataDir: string,
    extra: Partial<StackConfig> = {},
  ): StackConfig => ({
    sandbox: {
      apiUrl: info.apiUrl,
      idpUrl: info.idpUrl,
      publicUrl: info.publicUrl,
      caCertPath: info.caCertPath,
    },
    authDir,
    dataDir,
    accountId: account.id,
    cifs,
    ...extra,
  });
  let dirs = 0;

  return {
    auth,
    cifs,
    accountId: account.id,
    authDir,
    logger: memory.logger,
    logLines: memory.lines,
    config,
    open: (dataDir, extra) =>
      openUploadStack(config(dataDir, extra), memory.logger),
    newDataDir: async () => {
      dirs += 1;
      return path.join(root, `data-${dirs}`);
    },
    sandboxUploads: async () => {
      const body = (await auth.admin('GET', '/uploads')) as {
        uploads: SandboxUpload[];
      };
      return body.uploads;
    },
    setFaults: async (specs) => {
      await auth.admin('PUT', '/faults', { faults: specs });
    },
    close: async () => {
      await auth.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export const FINAL_STATES: readonly UploadState[] = [
  'accepted',
  'rejected',
  'failed',
  'needsDecision',
];

/**
 * Resolves once every listed upload is in one of `states`, or rejects
 * after `timeoutMs` naming the uploads still elsewhere.
 */
export async function waitForStates(
  service: UploadService,
  ids: readonly string[],
  states: readonly UploadState[] = FINAL_STATES,
  timeoutMs = 20_000,
): Promise<UploadRecord[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const records = ids.map((id) => service.get(id));
    const pending = records.filter(
      (record) => record === null || !states.includes(record.state),
    );
    if (pending.length === 0) return records as UploadRecord[];
    if (Date.now() > deadline) {
      const summary = pending
        .map((record) => `${record?.id}: ${record?.state} (${record?.note})`)
        .join('; ');
      throw new Error(`Uploads did not reach ${states.join('/')}: ${summary}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Counts the sandbox's uploads of each SHA-256. */
export function countByHash(
  uploads: readonly SandboxUpload[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const upload of uploads) {
    counts.set(upload.sha256, (counts.get(upload.sha256) ?? 0) + 1);
  }
  return counts;
}

export function base64File(name: string, bytes: Uint8Array | string) {
  return { name, base64: Buffer.from(bytes).toString('base64') };
}
