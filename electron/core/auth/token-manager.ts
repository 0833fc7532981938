import { z } from 'zod';
import { AppFailure } from '../../../shared/result.ts';
import type { Logger } from '../log/logger.ts';
import { registerSecret } from '../log/redact.ts';
import { CLIENT_SECRET, TOKENS, type SecretVault } from '../vault/vault.ts';
import type { Account, AccountStore } from './accounts.ts';
import { authFailure } from './errors.ts';
import type { TokenClient, TokenSet } from './token-client.ts';
import { refreshDueAt } from './token-timing.ts';

/** The source of bearer tokens for the ANAF client, one per account. */
export interface TokenSource {
  /** Returns a valid access token, refreshing it first when it is due. */
  accessToken(): Promise<string>;
  /**
   * Called after ANAF rejected `rejected` with 401 or 403. Returns a newer
   * token to retry once with, or null when a retry cannot help because
   * `rejected` came from a refresh already.
   */
  refreshAfterRejection(rejected: string): Promise<string | null>;
}

const storedTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  obtainedAt: z.number(),
  accessExpiresAt: z.number(),
  refreshExpiresAt: z.number(),
});

/** The part of `TokenClient` the manager uses. */
export type TokenRefresher = Pick<TokenClient, 'refresh'>;

/**
 * A token younger than this that ANAF rejects is not refreshed again, so a
 * service the application is not enrolled for cannot start a refresh storm
 * (each failing call may otherwise refresh once).
 */
const FRESH_TOKEN_MS = 2_000;

/** After a failed background refresh, the next try waits this long. */
const REFRESH_RETRY_DELAY_MS = 15 * 60_000;

export interface TokenManagerOptions {
  accountId: string;
  accounts: AccountStore;
  vault: SecretVault;
  /** Returns the client of the account's identity provider at call time. */
  client: () => TokenRefresher;
  logger: Logger;
  now?: () => number;
}

/**
 * Keeps one account's tokens. It loads them from the vault and refreshes them
 * before they expire, one refresh at a time that concurrent callers share.
 * Each new pair is stored in a single vault write.
 */
export class TokenManager implements TokenSource {
  readonly #accountId: string;
  readonly #accounts: AccountStore;
  readonly #vault: SecretVault;
  readonly #client: () => TokenRefresher;
  readonly #logger: Logger;
  readonly #now: () => number;

  #tokens: TokenSet | null = null;
  #inFlight: Promise<TokenSet> | null = null;
  /** The access token the last refresh produced. */
  #refreshedAccessToken: string | null = null;
  #retryNotBefore = 0;

  constructor(options: TokenManagerOptions) {
    this.#accountId = options.accountId;
    this.#accounts = options.accounts;
    this.#vault = options.vault;
    this.#client = options.client;
    this.#logger = options.logger.child('tokens');
    this.#now = options.now ?? Date.now;
  }

  async accessToken(): Promise<string> {
    const tokens = await this.#load();
    const now = this.#now();
    const accessValid = now < tokens.accessExpiresAt;

    if (now < refreshDueAt(tokens)) return tokens.accessToken;
    if (accessValid && now < this.#retryNotBefore) return tokens.accessToken;
    if (now >= tokens.refreshExpiresAt) {
      if (accessValid) return tokens.accessToken;
      throw authFailure('auth.refreshExpired', { accountId: this.#accountId });
    }

    try {
      return (await this.#refreshShared(tokens)).accessToken;
    } catch (error) {
      if (!accessValid) throw error;
      // The current token still works, so the failure is logged and the
      // refresh tried again later instead of failing the caller's request.
      this.#retryNotBefore = this.#now() + REFRESH_RETRY_DELAY_MS;
      this.#logger.warn('Refresh failed; using the current token', {
        accountId: this.#accountId,
        code: error instanceof AppFailure ? error.code : 'internal',
      });
      return tokens.accessToken;
    }
  }

  async refreshAfterRejection(rejected: string): Promise<string | null> {
    const tokens = await this.#load();
    if (tokens.accessToken !== rejected) return tokens.accessToken;
    // A token refreshed moments ago and already rejected is not stale, so
    // another refresh would not help. An older one may have been revoked or
    // expired early, so it is refreshed again.
    const justRefreshed = this.#now() - tokens.obtainedAt < FRESH_TOKEN_MS;
    if (this.#refreshedAccessToken === rejected && justRefreshed) return null;
    if (this.#now() >= tokens.refreshExpiresAt) {
      throw authFailure('auth.refreshExpired', { accountId: this.#accountId });
    }
    return (await this.#refreshShared(tokens)).accessToken;
  }

  /** Stores the pair from a new login and resets the refresh bookkeeping. */
  async replaceTokens(tokens: TokenSet): Promise<void> {
    await this.#save(tokens);
    this.#refreshedAccessToken = null;
    this.#retryNotBefore = 0;
  }

  /** Deletes the stored pair (logout). */
  async clear(): Promise<void> {
    this.#tokens = null;
    this.#refreshedAccessToken = null;
    await this.#vault.delete(this.#accountId, TOKENS);
  }

  /** Returns the stored pair without refreshing, or null when logged out. */
  async peek(): Promise<TokenSet | null> {
    try {
      return await this.#load();
    } catch (error) {
      if (error instanceof AppFailure && error.code === 'auth.notLoggedIn') {
        return null;
      }
      throw error;
    }
  }

  /** Runs one refresh for all callers that arrive while it is running. */
  #refreshShared(current: TokenSet): Promise<TokenSet> {
    this.#inFlight ??= this.#refresh(current).finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  async #refresh(current: TokenSet): Promise<TokenSet> {
    const account = await this.#account();
    const clientSecret = await this.#vault.get(this.#accountId, CLIENT_SECRET);
    if (!clientSecret) throw authFailure('auth.notLoggedIn');
    registerSecret(clientSecret);

    this.#logger.info('Refreshing the tokens', { accountId: this.#accountId });
    let next: TokenSet;
    try {
      next = await this.#client().refresh(
        { clientId: account.clientId, clientSecret },
        current.refreshToken,
      );
    } catch (error) {
      await this.#recordRefreshFailure(error);
      throw error;
    }

    await this.#save(next);
    this.#refreshedAccessToken = next.accessToken;
    this.#retryNotBefore = 0;
    await this.#updateAccount({ lastRefreshAt: next.obtainedAt });
    this.#logger.info('Refreshed the tokens', { accountId: this.#accountId });
    return next;
  }

  /**
   * A rejected refresh token can never work again, so the account shows
   * "log in again" at once, while the access token is used until it expires.
   */
  async #recordRefreshFailure(error: unknown): Promise<void> {
    if (!(error instanceof AppFailure)) return;
    this.#logger.warn('Refresh failed', {
      accountId: this.#accountId,
      code: error.code,
    });
    if (error.code !== 'auth.refreshExpired' || !this.#tokens) return;

    const now = this.#now();
    this.#tokens = { ...this.#tokens, refreshExpiresAt: now };
    await this.#vault.set(
      this.#accountId,
      TOKENS,
      JSON.stringify(this.#tokens),
    );
    await this.#updateAccount({ refreshExpiresAt: now });
  }

  /** One vault write carries both tokens, so they change together. */
  async #save(tokens: TokenSet): Promise<void> {
    registerSecret(tokens.accessToken);
    registerSecret(tokens.refreshToken);
    await this.#vault.set(this.#accountId, TOKENS, JSON.stringify(tokens));
    this.#tokens = tokens;
    await this.#updateAccount({
      accessExpiresAt: tokens.accessExpiresAt,
      refreshExpiresAt: tokens.refreshExpiresAt,
    });
  }

  async #load(): Promise<TokenSet> {
    if (this.#tokens) return this.#tokens;
    const stored = await this.#vault.get(this.#accountId, TOKENS);
    if (!stored) {
      throw authFailure('auth.notLoggedIn', { accountId: this.#accountId });
    }

    const parsed = storedTokensSchema.safeParse(parseJson(stored));
    if (!parsed.success) {
      throw new AppFailure(
        'storage.undecryptable',
        `The stored tokens of account ${this.#accountId} are damaged. Log ` +
          'in again to replace them.',
        { accountId: this.#accountId },
      );
    }
    registerSecret(parsed.data.accessToken);
    registerSecret(parsed.data.refreshToken);
    this.#tokens = parsed.data;
    return parsed.data;
  }

  async #account(): Promise<Account> {
    const account = await this.#accounts.get(this.#accountId);
    if (!account) {
      throw authFailure('auth.notLoggedIn', { accountId: this.#accountId });
    }
    return account;
  }

  async #updateAccount(change: Partial<Account>): Promise<void> {
    const account = await this.#accounts.get(this.#accountId);
    if (account) await this.#accounts.put({ ...account, ...change });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
