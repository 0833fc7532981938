/**
 * The process the crash suite kills: the whole app core on a data folder,
 * against a sandbox that the test runs and that outlives this process.
 * In `upload` mode it submits the files of the batch that the app does not
 * have yet, then plays the user until every upload has ended. In `sync`
 * mode it syncs every followed company once. It prints one JSON line per
 * upload change, sync progress report and user action, for the test's
 * records, and `{"type":"done"}` at the end.
 *
 *   node tests/integration/crash/child.ts <file with a JSON CrashChildConfig>
 *
 * The configuration is a file because the batch's files are too large
 * for an environment variable or the command line.
 */
import { readFile } from 'node:fs/promises';
import { createLogger } from '../../../electron/core/log/logger.ts';
import { FileVault } from '../../../electron/core/vault/file-vault.ts';
import type { SandboxInfo } from '../../../electron/sandbox/index.ts';
import type { UploadRecord } from '../../../shared/domain.ts';
import { openCore, type CoreHandle } from '../faults/core-harness.ts';
import type { BatchFile } from '../faults/invoice-batch.ts';
import { createSandboxAdmin } from '../faults/sandbox-records.ts';
import {
  latestByHash,
  listUploads,
  settleAsUser,
} from '../faults/upload-user.ts';

export interface ChildFile {
  cif: string;
  name: string;
  base64: string;
  sha256: string;
}

export interface CrashChildConfig {
  mode: 'upload' | 'sync';
  dataDir: string;
  /** The file vault that keeps the account's tokens between processes. */
  vaultFile: string;
  sandbox: SandboxInfo;
  /** The batch, in upload mode. */
  files?: ChildFile[];
}

function print(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Submits, per company, the files whose bytes the app has no upload of. */
async function submitMissing(
  handle: CoreHandle,
  files: readonly ChildFile[],
): Promise<void> {
  const known = latestByHash(await listUploads(handle));
  const missing = files.filter((file) => !known.has(file.sha256));
  const cifs = [...new Set(missing.map((file) => file.cif))];
  for (const cif of cifs) {
    await handle.call('uploads.submit', {
      cif,
      files: missing
        .filter((file) => file.cif === cif)
        .map((file) => ({ name: file.name, base64: file.base64 })),
      acceptWarnings: true,
      allowDuplicate: false,
    });
  }
}

function toBatchFile(file: ChildFile): BatchFile {
  return { ...file, number: '', bytes: Buffer.from(file.base64, 'base64') };
}

/**
 * Plays the user until every upload has ended. It resolves an upload the
 * app lost track of as soon as SPV (the sandbox's records) does not show
 * it. Waiting for the app's one-minute deadline instead would hold the
 * company's other uploads back after each kill before a request reached the
 * sandbox, and later kills would find nothing moving.
 */
async function settleUploads(
  handle: CoreHandle,
  config: CrashChildConfig,
): Promise<void> {
  const admin = createSandboxAdmin(config.sandbox);
  try {
    await settleAsUser(
      handle,
      admin,
      (config.files ?? []).map(toBatchFile),
      10 * 60_000,
      {
        resolveEarly: true,
        onAction: (kind, fileName) => print({ type: 'action', kind, fileName }),
      },
    );
  } finally {
    await admin.close();
  }
}

async function main(): Promise<void> {
  const configFile = process.argv[2];
  if (!configFile) throw new Error('Usage: child.ts <configuration file>');
  const config = JSON.parse(
    await readFile(configFile, 'utf8'),
  ) as CrashChildConfig;

  const handle = openCore({
    dataDir: config.dataDir,
    externalSandbox: config.sandbox,
    // The vault's warning about unencrypted storage is expected here.
    vault: new FileVault(
      config.vaultFile,
      createLogger(() => undefined),
    ),
    onLogLine: (line) => {
      if (line.startsWith('error')) process.stderr.write(`${line}\n`);
    },
    onEvent: (event, payload) => {
      if (event === 'uploads.changed') {
        const upload = payload as UploadRecord;
        print({ type: 'upload', id: upload.id, state: upload.state });
      } else if (event === 'sync.progress') {
        print({ type: 'sync', progress: payload });
      }
    },
  });
  print({ type: 'ready' });

  if (config.mode === 'upload') {
    await submitMissing(handle, config.files ?? []);
    await settleUploads(handle, config);
  } else {
    print({ type: 'synced', progress: await handle.call('sync.run', {}) });
  }
  await handle.close();
  print({ type: 'done' });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
