/**
 * Storage for an account's secrets: the client secret and the token pair.
 * Each platform supplies its own implementation (the operating system's
 * keychain, Electron's safeStorage, a user-only file when the user chose
 * insecure storage). Implementations put no value in a log line or an error
 * message.
 */

/** The client secret the user typed when adding the account. */
export const CLIENT_SECRET = 'clientSecret';

/**
 * The access token, the refresh token and their expiry, stored as one JSON
 * value so that a refresh replaces both tokens in a single write.
 */
export const TOKENS = 'tokens';

export type VaultKind = 'keychain' | 'file' | 'safeStorage' | 'session';

export interface VaultStatus {
  kind: VaultKind;
  /** False when values are lost when the process exits. */
  persistent: boolean;
  /** True when values are stored without the operating system's protection. */
  weak: boolean;
  /** A sentence or two for the user about this storage. */
  message: string;
}

export interface SecretVault {
  status(): VaultStatus;
  /** Returns null when no value is stored; throws `storage.undecryptable`. */
  get(accountId: string, name: string): Promise<string | null>;
  /** Throws `storage.unavailable` when the value cannot be stored. */
  set(accountId: string, name: string, value: string): Promise<void>;
  delete(accountId: string, name: string): Promise<void>;
}
