import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { AppFailure } from '../../../shared/result.ts';
import type { Logger } from '../log/logger.ts';
import { describeError } from '../log/logger.ts';
import { entryKey } from './memory-vault.ts';
import type { SecretVault, VaultStatus } from './vault.ts';

/** The keychain service name under which the CLI and browser shell store. */
export const DEFAULT_KEYCHAIN_SERVICE = 'e-Factura Desktop';

const PROBE_TIMEOUT_MS = 5_000;

// On Linux, @napi-rs/keyring 2.x falls back to the kernel keyring when no
// Secret Service responds. That keyring loses its entries at logout, so the
// vault pins the Secret Service and treats its absence as "no keychain".
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

export type KeychainProbe =
  | { available: true }
  | {
      available: false;
      reason: string;
    };

/**
 * Checks that the operating system's keychain can read an entry. On Linux
 * this needs a Secret Service (gnome-keyring, KWallet) on the D-Bus session
 * bus.
 */
export async function probeKeychain(service: string): Promise<KeychainProbe> {
  try {
    const entry = new AsyncEntry(service, 'probe', ENTRY_OPTIONS);
    await entry.getPassword(AbortSignal.timeout(PROBE_TIMEOUT_MS));
    return { available: true };
  } catch (error) {
    return { available: false, reason: describeError(error) };
  }
}

/**
 * Secrets in the operating system's keychain (macOS Keychain, Windows
 * Credential Manager, the Secret Service on Linux), one entry per account and
 * secret name.
 */
export class KeychainVault implements SecretVault {
  readonly #service: string;
  readonly #logger: Logger;

  constructor(service: string, logger: Logger) {
    this.#service = service;
    this.#logger = logger;
  }

  status(): VaultStatus {
    return {
      kind: 'keychain',
      persistent: true,
      weak: false,
      message: "Tokens are kept in the operating system's keychain.",
    };
  }

  get(accountId: string, name: string): Promise<string | null> {
    return this.#run('read', accountId, name, (entry) => entry.getPassword());
  }

  async set(accountId: string, name: string, value: string): Promise<void> {
    await this.#run('store', accountId, name, (entry) =>
      entry.setPassword(value),
    );
  }

  async delete(accountId: string, name: string): Promise<void> {
    await this.#run('delete', accountId, name, (entry) =>
      entry.deleteCredential(),
    );
  }

  async #run<T>(
    action: string,
    accountId: string,
    name: string,
    step: (entry: AsyncEntry) => Promise<T>,
  ): Promise<T> {
    try {
      const entry = new AsyncEntry(
        this.#service,
        entryKey(accountId, name),
        ENTRY_OPTIONS,
      );
      return await step(entry);
    } catch (error) {
      this.#logger.error(`Keychain ${action} failed`, {
        accountId,
        name,
        error: describeError(error),
      });
      throw new AppFailure(
        'storage.unavailable',
        `The keychain could not ${action} the ${name} of account ` +
          `${accountId}: ${describeError(error)}. Unlock the keychain and ` +
          'try again.',
      );
    }
  }
}
