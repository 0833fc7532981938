import { AppFailure, type AppError } from '../../../shared/result.ts';
import type { Logger } from '../log/logger.ts';
import { registerSecret } from '../log/redact.ts';
import {
  CLIENT_SECRET,
  type SecretVault,
  type VaultStatus,
} from '../vault/vault.ts';
import {
  createAccount,
  type Account,
  type AccountStore,
  type NewAccount,
} from './accounts.ts';
import type { AuthorizationTransport } from './authorize.ts';
import { createBrowserTransport } from './browser-login.ts';
import { loadCallbackTls } from './callback-tls.ts';
import { authFailure } from './errors.ts';
import { ANAF_IDP, type IdentityProvider, type IdpConfig } from './idp.ts';
import type { ClientCredentials } from './idp-http.ts';
import { runLogin } from './login.ts';
import { revokeTokens, type LogoutReport } from './logout.ts';
import {
  createSandboxTransport,
  type SandboxCertificate,
} from './sandbox-login.ts';
import { TokenClient } from './token-client.ts';
import { TokenManager, type TokenSource } from './token-manager.ts';
import { describeLoginExpiry, type LoginExpiry } from './token-timing.ts';

export interface AuthServiceOptions {
  accounts: AccountStore;
  vault: SecretVault;
  logger: Logger;
  /** The sandbox's IdP once it runs; ANAF defaults to logincert.anaf.ro. */
  idps?: Partial<Record<IdentityProvider, IdpConfig>>;
  now?: () => number;
}

/** An account as the account list shows it. */
export interface AccountSummary extends Account {
  loggedIn: boolean;
  /** Null when the account has no tokens. */
  expiry: LoginExpiry | null;
  /**
   * Why the stored tokens could not be read (`storage.undecryptable`,
   * `storage.unavailable`), or null. The tokens stay in the vault.
   */
  storageError: AppError | null;
}

export interface AccountChange {
  label?: string;
  clientId?: string;
  redirectUri?: string;
  clientSecret?: string;
}

export interface BrowserLoginOptions {
  /** Opens a URL in a browser (system browser for the CLI, a new tab). */
  openUrl(url: string): Promise<void>;
  /** The data folder, where the callback listener keeps its certificate. */
  dataDir: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Accounts, logins, logouts and token sources: the one object the shells
 * wire to IPC, the CLI and the ANAF client.
 */
export class AuthService {
  readonly #accounts: AccountStore;
  readonly #vault: SecretVault;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #idps = new Map<IdentityProvider, IdpConfig>();
  readonly #clients = new Map<IdentityProvider, TokenClient>();
  readonly #managers = new Map<string, TokenManager>();

  constructor(options: AuthServiceOptions) {
    this.#accounts = options.accounts;
    this.#vault = options.vault;
    this.#logger = options.logger.child('auth');
    this.#now = options.now ?? Date.now;
    this.#idps.set('anaf', options.idps?.anaf ?? ANAF_IDP);
    if (options.idps?.sandbox) this.#idps.set('sandbox', options.idps.sandbox);
  }

  /** Points a provider at a new address, e.g. the sandbox after a start. */
  setIdp(idp: IdpConfig): void {
    this.#idps.set(idp.provider, idp);
    const old = this.#clients.get(idp.provider);
    this.#clients.delete(idp.provider);
    void old?.close();
  }

  vaultStatus(): VaultStatus {
    return this.#vault.status();
  }

  async listAccounts(): Promise<AccountSummary[]> {
    const now = this.#now();
    const accounts = await this.#accounts.list();
    return Promise.all(
      accounts.map((account) => this.#summarize(account, now)),
    );
  }

  /** One unreadable vault entry is reported on its account, not thrown. */
  async #summarize(account: Account, now: number): Promise<AccountSummary> {
    try {
      const tokens = await this.#manager(account).peek();
      const expiry = tokens ? describeLoginExpiry(tokens, now) : null;
      return {
        ...account,
        loggedIn: tokens !== null,
        expiry,
        storageError: null,
      };
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      this.#logger.warn('Stored tokens could not be read', {
        accountId: account.id,
        code: error.code,
      });
      return {
        ...account,
        loggedIn: false,
        expiry: null,
        storageError: error.toAppError(),
      };
    }
  }

  /** Adds an account that is not logged in yet; the secret goes to the vault. */
  async addAccount(
    input: NewAccount & { clientSecret: string },
  ): Promise<Account> {
    checkRedirectUri(input.redirectUri);
    const account = createAccount(input, this.#now());
    registerSecret(input.clientSecret);
    await this.#vault.set(account.id, CLIENT_SECRET, input.clientSecret);
    await this.#accounts.put(account);
    this.#logger.info('Account added', {
      accountId: account.id,
      provider: account.provider,
    });
    return account;
  }

  async updateAccount(id: string, change: AccountChange): Promise<Account> {
    const account = await this.#account(id);
    if (change.redirectUri !== undefined) checkRedirectUri(change.redirectUri);
    if (change.clientSecret !== undefined) {
      registerSecret(change.clientSecret);
      await this.#vault.set(id, CLIENT_SECRET, change.clientSecret);
    }
    const next: Account = {
      ...account,
      label: change.label ?? account.label,
      clientId: change.clientId ?? account.clientId,
      redirectUri: change.redirectUri ?? account.redirectUri,
    };
    await this.#accounts.put(next);
    return next;
  }

  /** Logs out, then deletes the client secret and the account record. */
  async removeAccount(id: string): Promise<LogoutReport> {
    const report = await this.logout(id);
    await this.#vault.delete(id, CLIENT_SECRET);
    await this.#accounts.remove(id);
    this.#managers.delete(id);
    this.#logger.info('Account removed', { accountId: id });
    return report;
  }

  /** Logs in through any transport and stores the new token pair. */
  async login(
    id: string,
    transport: AuthorizationTransport,
    signal?: AbortSignal,
  ): Promise<Account> {
    const account = await this.#account(id);
    const idp = this.#idp(account.provider);
    const outcome = await runLogin({
      idp,
      client: this.#client(account.provider),
      credentials: await this.#credentials(account),
      redirectUri: account.redirectUri,
      transport,
      logger: this.#logger,
      ...(signal ? { signal } : {}),
    });

    await this.#manager(account).replaceTokens(outcome.tokens);
    const stored = (await this.#accounts.get(id)) ?? account;
    const next: Account = {
      ...stored,
      certificate: outcome.certificate ?? stored.certificate,
      lastLoginAt: outcome.tokens.obtainedAt,
    };
    await this.#accounts.put(next);
    return next;
  }

  /** The sandbox login: the core presents the chosen certificate file. */
  loginWithSandboxCertificate(
    id: string,
    certificate: SandboxCertificate,
    signal?: AbortSignal,
  ): Promise<Account> {
    const transport = createSandboxTransport({
      idp: this.#idp('sandbox'),
      certificate,
      logger: this.#logger,
    });
    return this.login(id, transport, signal);
  }

  /** The login outside Electron, through a browser and a local listener. */
  async loginWithBrowser(
    id: string,
    options: BrowserLoginOptions,
  ): Promise<Account> {
    const tls = await loadCallbackTls(options.dataDir, this.#logger);
    const transport = createBrowserTransport({
      openUrl: options.openUrl,
      tls,
      logger: this.#logger,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    return this.login(id, transport, options.signal);
  }

  /**
   * Deletes the local tokens and tries to revoke them. The report states what
   * stays valid at the identity provider.
   */
  async logout(id: string): Promise<LogoutReport> {
    const account = await this.#account(id);
    const manager = this.#manager(account);
    const tokens = await manager.peek().catch(() => null);
    const credentials = await this.#credentials(account).catch(() => null);

    await manager.clear();
    await this.#accounts.put({
      ...((await this.#accounts.get(id)) ?? account),
      accessExpiresAt: null,
      refreshExpiresAt: null,
    });
    this.#logger.info('Logged out', { accountId: id });
    return revokeTokens(
      this.#client(account.provider),
      credentials,
      tokens,
      this.#logger,
    );
  }

  /** Returns the token source of one account, for the ANAF client. */
  tokenSource(id: string): TokenSource {
    return {
      accessToken: async () => (await this.#managerById(id)).accessToken(),
      refreshAfterRejection: async (rejected) =>
        (await this.#managerById(id)).refreshAfterRejection(rejected),
    };
  }

  async close(): Promise<void> {
    const clients = [...this.#clients.values()];
    this.#clients.clear();
    await Promise.all(clients.map((client) => client.close()));
  }

  async #account(id: string): Promise<Account> {
    const account = await this.#accounts.get(id);
    if (!account) {
      throw new AppFailure('input.invalid', `No account has the id ${id}.`);
    }
    return account;
  }

  async #credentials(account: Account): Promise<ClientCredentials> {
    const clientSecret = await this.#vault.get(account.id, CLIENT_SECRET);
    if (!clientSecret) {
      throw authFailure('auth.invalidClient', {
        detail: 'No client secret is stored for this account; enter it again.',
        accountId: account.id,
      });
    }
    registerSecret(clientSecret);
    return { clientId: account.clientId, clientSecret };
  }

  #idp(provider: IdentityProvider): IdpConfig {
    const idp = this.#idps.get(provider);
    if (!idp) {
      throw new AppFailure(
        'auth.network',
        'The sandbox is not running. Start it and try again.',
      );
    }
    return idp;
  }

  #client(provider: IdentityProvider): TokenClient {
    let client = this.#clients.get(provider);
    if (!client) {
      client = new TokenClient({
        idp: this.#idp(provider),
        logger: this.#logger,
        now: this.#now,
      });
      this.#clients.set(provider, client);
    }
    return client;
  }

  async #managerById(id: string): Promise<TokenManager> {
    const existing = this.#managers.get(id);
    return existing ?? this.#manager(await this.#account(id));
  }

  #manager(account: Account): TokenManager {
    let manager = this.#managers.get(account.id);
    if (!manager) {
      manager = new TokenManager({
        accountId: account.id,
        accounts: this.#accounts,
        vault: this.#vault,
        client: () => this.#client(account.provider),
        logger: this.#logger,
        now: this.#now,
      });
      this.#managers.set(account.id, manager);
    }
    return manager;
  }
}

/** A callback URL must parse; ANAF registers only https ones. */
function checkRedirectUri(redirectUri: string): void {
  try {
    new URL(redirectUri);
  } catch {
    throw new AppFailure(
      'input.invalid',
      `The callback URL "${redirectUri}" is not a valid URL. Copy it from ` +
        'the application page in the ANAF portal.',
    );
  }
}
