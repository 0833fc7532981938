/**
 * The app's upload stack over real files, as the app wires it: SQLite in
 * the data folder, the request queue, a logged-in sandbox account read from
 * the file vault, and one ANAF client per account. The tests and the crash
 * test's child process build it the same way, so a restart opens exactly
 * what the killed process left.
 */
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { FileAccountStore } from '../../../electron/core/auth/account-file-store.ts';
import { AuthService } from '../../../electron/core/auth/auth-service.ts';
import { createAnafClient } from '../../../electron/core/anaf/client.ts';
import {
  sandboxEnvironment,
  type SandboxLocation,
} from '../../../electron/core/anaf/environment.ts';
import { createTransport } from '../../../electron/core/anaf/transport.ts';
import { openDatabase } from '../../../electron/core/db/database.ts';
import type { Logger } from '../../../electron/core/log/logger.ts';
import { RequestQueue } from '../../../electron/core/queue/request-queue.ts';
import type { RetryPolicy } from '../../../electron/core/queue/retry.ts';
import {
  UPLOAD_MIGRATIONS,
  UploadService,
  type UploadCompany,
  type UploadSettings,
} from '../../../electron/core/upload/index.ts';
import { FileVault } from '../../../electron/core/vault/file-vault.ts';
import type { AnafClient } from '../../../electron/core/anaf/client.ts';
import type { TokenSource } from '../../../electron/core/anaf/caller.ts';

/** Short waits, so that each test takes seconds. */
export const TEST_UPLOAD_SETTINGS: UploadSettings = {
  reconcileDeadlineMs: 6_000,
  reconcileIntervalMs: 250,
  statusScheduleMs: [100, 200, 400],
  // The sandbox's list entries are exact to the millisecond, and the test
  // shares the sandbox's clock, so the window may end now.
  listEndMarginMs: 0,
  resendDelayMs: 200,
  tokenRetryDelaysMs: [100, 200, 400],
};

export interface StackConfig {
  sandbox: SandboxLocation;
  /** Folder of `accounts.json` and the file vault of the logged-in account. */
  authDir: string;
  dataDir: string;
  accountId: string;
  cifs: string[];
  settings?: Partial<UploadSettings>;
  /** Time the client waits for the upload's response headers. */
  uploadTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Wraps the account's token source, to make ANAF reject some tokens. */
  tokens?: (source: TokenSource) => TokenSource;
}

export interface UploadStack {
  service: UploadService;
  db: DatabaseSync;
  queue: RequestQueue;
  close(): Promise<void>;
}

export function accountFiles(authDir: string): {
  accounts: string;
  vault: string;
} {
  return {
    accounts: path.join(authDir, 'accounts.json'),
    vault: path.join(authDir, 'vault', 'secrets.json'),
  };
}

export function followedCompany(cif: string, accountId: string): UploadCompany {
  return { cif, name: `Firma ${cif}`, accountId, api: 'test' };
}

export async function openUploadStack(
  config: StackConfig,
  logger: Logger,
): Promise<UploadStack> {
  const environment = await sandboxEnvironment(config.sandbox);
  const files = accountFiles(config.authDir);
  const auth = new AuthService({
    accounts: new FileAccountStore(files.accounts, logger),
    vault: new FileVault(files.vault, logger),
    logger,
    idps: {
      sandbox: {
        provider: 'sandbox',
        baseUrl: config.sandbox.idpUrl,
        ...(environment.caCertificate
          ? { caCert: environment.caCertificate }
          : {}),
      },
    },
  });
  const transport = createTransport(environment);
  const clients = new Map<string, AnafClient>();
  const clientFor = (company: UploadCompany): AnafClient => {
    let client = clients.get(company.accountId);
    if (!client) {
      client = createAnafClient({
        transport,
        tokens: (config.tokens ?? ((source) => source))(
          auth.tokenSource(company.accountId),
        ),
        logger,
        limits: {
          upload: { headersTimeoutMs: config.uploadTimeoutMs ?? 10_000 },
        },
      });
      clients.set(company.accountId, client);
    }
    return client;
  };

  const companies = new Map(
    config.cifs.map((cif) => [cif, followedCompany(cif, config.accountId)]),
  );
  const db = openDatabase(
    path.join(config.dataDir, 'index.sqlite'),
    UPLOAD_MIGRATIONS,
  );
  const queue = new RequestQueue({
    logger,
    rateLimit: 1000,
    retry: { baseDelayMs: 20, maxDelayMs: 100, ...config.retry },
  });
  const service = new UploadService({
    db,
    dataDir: config.dataDir,
    queue,
    clientFor,
    companies: { get: (cif) => companies.get(cif) ?? null },
    logger,
    settings: { ...TEST_UPLOAD_SETTINGS, ...config.settings },
  });

  return {
    service,
    db,
    queue,
    close: async () => {
      await service.close();
      await queue.close({ abortRunning: true });
      await transport.close();
      await auth.close();
      db.close();
    },
  };
}
