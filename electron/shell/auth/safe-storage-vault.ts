import { safeStorage } from 'electron';
import Store from 'electron-store';
import { AppFailure } from '../../../shared/result.ts';
import type { Logger } from '../../core/log/logger.ts';
import { describeError } from '../../core/log/logger.ts';
import { ensureUserDir, FILE_MODE as USER_FILE_MODE } from '../../core/data/files.ts';
import { entryKey } from '../../core/vault/memory-vault.ts';
import type { SecretVault, VaultStatus } from '../../core/vault/vault.ts';

/** Prefix of a value encrypted with safeStorage, format version 1. */
export const ENCRYPTED_PREFIX = 'v1:';
/** Prefix of a value stored as plain text after the user accepted it. */
export const PLAIN_PREFIX = 'plain1:';

/**
 * The storage mode: encrypted by the operating system's key store, weak
 * (Linux `basic_text` encryption, or plain text when no encryption exists)
 * because the user accepted it, or in memory for the session only.
 */
export type StorageMode = 'encrypted' | 'weak' | 'plain' | 'session';

export interface SafeStorageVaultOptions {
  /** The data folder; the values go to `vault.json` in it. */
  dataDir: string;
  /** True when the user accepted weak storage in the settings. */
  acceptWeakStorage: boolean;
  logger: Logger;
}

type Backend = ReturnType<typeof safeStorage.getSelectedStorageBackend>;

/**
 * Opens the Electron vault. Call it after the app's `ready` event, because
 * Linux reports its key store backend only from then on.
 */
export async function openSafeStorageVault(
  options: SafeStorageVaultOptions,
): Promise<SafeStorageVault> {
  const logger = options.logger.child('vault');
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const backend: Backend | null =
    process.platform === 'linux'
      ? safeStorage.getSelectedStorageBackend()
      : null;
  const mode = chooseMode(available, backend, options.acceptWeakStorage);
  logger.info('Opened the safeStorage vault', { mode, available, backend });
  if (mode !== 'encrypted') logger.warn(describeMode(mode, backend));

  await ensureUserDir(options.dataDir);
  const store = new Store<Record<string, string>>({
    name: 'vault',
    cwd: options.dataDir,
    configFileMode: USER_FILE_MODE,
    accessPropertiesByDotNotation: false,
  });
  return new SafeStorageVault(store, mode, backend, logger);
}

/** Picks the storage mode; exported for the tests. */
export function chooseMode(
  available: boolean,
  backend: Backend | null,
  acceptWeakStorage: boolean,
): StorageMode {
  if (available && backend !== 'basic_text') return 'encrypted';
  if (!acceptWeakStorage) return 'session';
  return available ? 'weak' : 'plain';
}

function describeMode(mode: StorageMode, backend: Backend | null): string {
  switch (mode) {
    case 'encrypted':
      return "Tokens are encrypted with the operating system's key store.";
    case 'weak':
      return (
        `Linux reported the ${backend ?? 'basic_text'} key store, so tokens ` +
        'are encrypted with a fixed key that any program running as your ' +
        'user can use. You accepted this weak storage in the settings.'
      );
    case 'plain':
      return (
        'Encryption is unavailable, so tokens are stored as plain text in a ' +
        'file readable only by your user account. You accepted this weak ' +
        'storage in the settings.'
      );
    case 'session':
      return (
        'Encryption is unavailable or weak on this system, so tokens are ' +
        'kept only until the app closes. Accept weak storage in the ' +
        'settings to keep them across restarts.'
      );
  }
}

/**
 * Secrets encrypted with Electron's asynchronous safeStorage API and kept in
 * an electron-store file (mode 0600) as `v1:<base64 ciphertext>`. In session
 * mode new values stay in memory while values stored earlier remain readable.
 */
export class SafeStorageVault implements SecretVault {
  readonly #store: Store<Record<string, string>>;
  readonly #mode: StorageMode;
  readonly #backend: Backend | null;
  readonly #logger: Logger;
  readonly #session = new Map<string, string>();

  constructor(
    store: Store<Record<string, string>>,
    mode: StorageMode,
    backend: Backend | null,
    logger: Logger,
  ) {
    this.#store = store;
    this.#mode = mode;
    this.#backend = backend;
    this.#logger = logger;
  }

  status(): VaultStatus {
    return {
      kind: this.#mode === 'session' ? 'session' : 'safeStorage',
      persistent: this.#mode !== 'session',
      weak: this.#mode === 'weak' || this.#mode === 'plain',
      message: describeMode(this.#mode, this.#backend),
    };
  }

  async get(accountId: string, name: string): Promise<string | null> {
    const key = entryKey(accountId, name);
    const sessionValue = this.#session.get(key);
    if (sessionValue !== undefined) return sessionValue;

    const stored = this.#store.get(key);
    if (typeof stored !== 'string') return null;
    return this.#decode(key, stored, accountId, name);
  }

  async set(accountId: string, name: string, value: string): Promise<void> {
    const key = entryKey(accountId, name);
    if (this.#mode === 'session') {
      this.#session.set(key, value);
      return;
    }
    this.#store.set(key, await this.#encode(value, accountId, name));
  }

  async delete(accountId: string, name: string): Promise<void> {
    const key = entryKey(accountId, name);
    this.#session.delete(key);
    this.#store.delete(key);
  }

  async #encode(value: string, accountId: string, name: string) {
    if (this.#mode === 'plain') return PLAIN_PREFIX + value;
    try {
      const encrypted = await safeStorage.encryptStringAsync(value);
      return ENCRYPTED_PREFIX + encrypted.toString('base64');
    } catch (error) {
      this.#logger.error('Encryption failed', {
        accountId,
        name,
        error: describeError(error),
      });
      throw new AppFailure(
        'storage.unavailable',
        `The ${name} of account ${accountId} could not be encrypted ` +
          `(${describeError(error)}). Check that the system keyring is ` +
          'unlocked and try again.',
      );
    }
  }

  async #decode(
    key: string,
    stored: string,
    accountId: string,
    name: string,
  ): Promise<string> {
    if (stored.startsWith(PLAIN_PREFIX)) {
      return stored.slice(PLAIN_PREFIX.length);
    }
    if (!stored.startsWith(ENCRYPTED_PREFIX)) {
      throw this.#undecryptable(accountId, name, 'unknown format');
    }

    const ciphertext = Buffer.from(
      stored.slice(ENCRYPTED_PREFIX.length),
      'base64',
    );
    let decrypted: { result: string; shouldReEncrypt: boolean };
    try {
      decrypted = await safeStorage.decryptStringAsync(ciphertext);
    } catch (error) {
      throw this.#undecryptable(accountId, name, describeError(error));
    }

    if (decrypted.shouldReEncrypt && this.#mode !== 'session') {
      await this.#reEncrypt(key, decrypted.result, accountId, name);
    }
    return decrypted.result;
  }

  /** Stores the value again under the key store's current key. */
  async #reEncrypt(
    key: string,
    value: string,
    accountId: string,
    name: string,
  ): Promise<void> {
    try {
      this.#store.set(key, await this.#encode(value, accountId, name));
      this.#logger.info('Re-encrypted a stored value', { accountId, name });
    } catch (error) {
      // The old ciphertext still decrypts, so the value is returned anyway.
      this.#logger.warn('Re-encryption failed; the old value was kept', {
        accountId,
        name,
        error: describeError(error),
      });
    }
  }

  /** The stored value is kept, so a later run with the right key reads it. */
  #undecryptable(accountId: string, name: string, reason: string) {
    this.#logger.error('A stored value could not be decrypted', {
      accountId,
      name,
      reason,
    });
    return new AppFailure(
      'storage.undecryptable',
      `The stored ${name} of account ${accountId} could not be decrypted ` +
        `(${reason}). It was kept unchanged; log in again to replace it, or ` +
        'restore the keyring it was encrypted with.',
      { accountId, name },
    );
  }
}
