/**
 * The core services every shell runs: database, companies, accounts and
 * tokens, the embedded sandbox, one ANAF client per account, the request
 * queue and the gateway in front of it. The Electron shell, the browser
 * shell and the CLI build this one object and differ only in the platform
 * pieces they pass in (vault, login window, how a URL is opened).
 */
import type { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import {
  ANAF_ENVIRONMENT,
  createAnafClient,
  createTransport,
  sandboxEnvironment,
  type AnafClient,
  type AnafTransport,
} from '../anaf/index.ts';
import { AuthService, FileAccountStore, ACCOUNTS_FILE } from '../auth/index.ts';
import type { Account, AuthorizationTransport } from '../auth/index.ts';
import { COMPANY_MIGRATIONS, CompanyStore } from '../companies/company-store.ts';
import { openDatabase, type Migration } from '../db/database.ts';
import { dataPaths } from '../data/paths.ts';
import { AnafGateway } from '../gateway/anaf-gateway.ts';
import type { Logger } from '../log/logger.ts';
import { migrateQueueBudgets, RequestQueue, SqliteBudgetStore, systemClock } from '../queue/index.ts';
import type { SecretVault } from '../vault/vault.ts';
import type { SandboxOptions } from '../../sandbox/options.ts';
import { UPLOAD_MIGRATIONS, UploadService } from '../upload/index.ts';
import { Archive, ARCHIVE_MIGRATIONS } from '../archive/index.ts';
import { SyncService, type SyncNotice } from '../sync/index.ts';
import type { SyncProgress } from '../../../shared/domain.ts';
import { deferredClient } from './deferred-client.ts';
import { EmbeddedSandbox } from './embedded-sandbox.ts';
import type { SettingsService } from './settings-service.ts';

export interface CoreServicesOptions {
  dataDir: string;
  logger: Logger;
  vault: SecretVault;
  settings: SettingsService;
  /** Options for the embedded sandbox (tests shorten its delays). */
  sandbox?: Partial<SandboxOptions>;
  /** Migrations of modules the shell adds. */
  extraMigrations?: readonly Migration[];
  /** True when another process has the data folder's lock, so this one only browses. */
  readOnly?: boolean;
  onSyncProgress?: (progress: SyncProgress) => void;
  onSyncNotice?: (notice: SyncNotice) => void;
}

const QUEUE_MIGRATIONS: Migration[] = [{ owner: 'queue', version: 1, apply: (db) => migrateQueueBudgets(db) }];

export class CoreServices {
  readonly dataDir: string;
  readonly logger: Logger;
  readonly db: DatabaseSync;
  readonly companies: CompanyStore;
  readonly auth: AuthService;
  readonly sandbox: EmbeddedSandbox;
  readonly queue: RequestQueue;
  readonly gateway: AnafGateway;
  readonly settings: SettingsService;
  readonly uploads: UploadService;
  readonly archive: Archive;
  readonly sync: SyncService;
  readonly #clients = new Map<string, Promise<AnafClient>>();
  readonly #anafTransport: AnafTransport;
  #sandboxTransport: Promise<AnafTransport> | null = null;
  #sandboxReady: Promise<void> | null = null;

  constructor(options: CoreServicesOptions) {
    const paths = dataPaths(options.dataDir);
    this.dataDir = options.dataDir;
    this.logger = options.logger;
    this.settings = options.settings;
    this.db = openDatabase(paths.databaseFile, [
      ...COMPANY_MIGRATIONS,
      ...QUEUE_MIGRATIONS,
      ...UPLOAD_MIGRATIONS,
      ...ARCHIVE_MIGRATIONS,
      ...(options.extraMigrations ?? []),
    ]);
    this.companies = new CompanyStore(this.db);
    this.archive = new Archive({
      db: this.db,
      defaultRoot: options.settings.get().archiveDir || paths.defaultArchiveDir,
      logger: options.logger,
      readOnly: options.readOnly ?? false,
    });
    this.auth = new AuthService({
      accounts: new FileAccountStore(path.join(options.dataDir, ACCOUNTS_FILE), options.logger),
      vault: options.vault,
      logger: options.logger,
    });
    this.sandbox = new EmbeddedSandbox(options.dataDir, options.logger, options.sandbox);
    this.queue = new RequestQueue({
      clock: systemClock,
      logger: options.logger,
      rateLimit: options.settings.get().rateLimitPerMinute,
      budgetStore: new SqliteBudgetStore(this.db),
    });
    this.gateway = new AnafGateway(this.queue, (accountId) => this.clientFor(accountId));
    this.#anafTransport = createTransport(ANAF_ENVIRONMENT);
    this.uploads = new UploadService({
      db: this.db,
      dataDir: options.dataDir,
      queue: this.queue,
      clientFor: (company) => deferredClient(() => this.clientFor(company.accountId)),
      companies: this.companies,
      logger: options.logger,
      settings: { reconcileDeadlineMs: options.settings.get().reconcileDeadlineMinutes * 60_000 },
    });
    this.sync = new SyncService({
      archive: this.archive,
      queue: this.queue,
      logger: options.logger,
      intervalMinutes: options.settings.get().syncIntervalMinutes,
      companies: () =>
        this.companies.list().map((company) => ({
          cif: company.cif,
          apiPath: company.api,
          client: deferredClient(() => this.clientFor(company.accountId)),
        })),
      onProgress: (progress) => {
        if (!progress.running && progress.finishedAt && !progress.error) {
          this.companies.markSynced(progress.cif, new Date(progress.finishedAt));
        }
        options.onSyncProgress?.(progress);
      },
      ...(options.onSyncNotice ? { onNotice: options.onSyncNotice } : {}),
    });
    options.settings.onChange((settings) => {
      this.queue.setRateLimit(settings.rateLimitPerMinute);
      this.sync.setIntervalMinutes(settings.syncIntervalMinutes);
    });
  }

  /**
   * Starts the embedded sandbox (or takes the external one set with
   * `sandbox.useExternal`) and points the sandbox identity provider at it.
   */
  startSandbox(): Promise<void> {
    if (!this.#sandboxReady) {
      this.#sandboxReady = this.sandbox.ensure().then((info) => {
        this.auth.setIdp({ provider: 'sandbox', baseUrl: info.idpUrl, caCert: this.sandbox.caCertificate(info) });
      });
      this.#sandboxReady.catch(() => (this.#sandboxReady = null));
    }
    return this.#sandboxReady;
  }

  /** Returns the ANAF client of one account, created once and reused. */
  clientFor(accountId: string): Promise<AnafClient> {
    let client = this.#clients.get(accountId);
    if (!client) {
      client = this.#createClient(accountId);
      client.catch(() => this.#clients.delete(accountId));
      this.#clients.set(accountId, client);
    }
    return client;
  }

  async #createClient(accountId: string): Promise<AnafClient> {
    const account = await this.account(accountId);
    const transport = account.provider === 'sandbox' ? await this.#sandboxTransportFor() : this.#anafTransport;
    return createAnafClient({ transport, tokens: this.auth.tokenSource(accountId), logger: this.logger });
  }

  #sandboxTransportFor(): Promise<AnafTransport> {
    if (!this.#sandboxTransport) {
      this.#sandboxTransport = (async () => {
        await this.startSandbox();
        const info = this.sandbox.info();
        if (!info) throw new Error('The embedded sandbox is not running');
        return createTransport(await sandboxEnvironment(info));
      })();
      this.#sandboxTransport.catch(() => (this.#sandboxTransport = null));
    }
    return this.#sandboxTransport;
  }

  async account(accountId: string): Promise<Account> {
    const accounts = await this.auth.listAccounts();
    const account = accounts.find((candidate) => candidate.id === accountId);
    if (!account) throw new Error(`No account has the id ${accountId}`);
    return account;
  }

  async close(): Promise<void> {
    await this.sync.stop();
    await this.uploads.close();
    await this.queue.close();
    await this.auth.close();
    await this.#anafTransport.close();
    if (this.#sandboxTransport) await (await this.#sandboxTransport.catch(() => null))?.close();
    await this.sandbox.close();
    this.db.close();
  }
}

export type { AuthorizationTransport };
