import { AppFailure } from '../../../shared/result.ts';
import type { SecretVault, VaultStatus } from './vault.ts';

/** The reason the renderer words as "no keychain, and what to do". */
const NO_KEYCHAIN = { reason: 'noKeychain' };

/**
 * The vault outside Electron when no keychain responds and the user did not
 * choose insecure storage. Every operation fails with the reason and the way
 * out, so no token is kept in a place the user did not agree to.
 */
export class UnavailableVault implements SecretVault {
  readonly #message: string;

  constructor(keychainProblem: string) {
    this.#message =
      `No keychain is available (${keychainProblem}), so tokens cannot be ` +
      'stored. Start a keyring service (on Linux, gnome-keyring or KWallet ' +
      'on the D-Bus session bus), or pass --insecure-storage to keep them ' +
      'in a file readable only by your user account.';
  }

  status(): VaultStatus {
    return {
      kind: 'session',
      persistent: false,
      weak: false,
      message: this.#message,
    };
  }

  async get(): Promise<string | null> {
    throw new AppFailure('storage.unavailable', this.#message, NO_KEYCHAIN);
  }

  async set(): Promise<void> {
    throw new AppFailure('storage.unavailable', this.#message, NO_KEYCHAIN);
  }

  async delete(): Promise<void> {
    throw new AppFailure('storage.unavailable', this.#message, NO_KEYCHAIN);
  }
}
