import type { SecretVault, VaultStatus } from './vault.ts';

/**
 * A vault that keeps values for the running process only. Used when the
 * platform offers no encryption the user accepted, and in tests.
 */
export class MemoryVault implements SecretVault {
  readonly #values = new Map<string, string>();
  readonly #status: VaultStatus;

  constructor(message = 'Tokens are kept until the app closes.') {
    this.#status = { kind: 'session', persistent: false, weak: false, message };
  }

  status(): VaultStatus {
    return this.#status;
  }

  async get(accountId: string, name: string): Promise<string | null> {
    return this.#values.get(entryKey(accountId, name)) ?? null;
  }

  async set(accountId: string, name: string, value: string): Promise<void> {
    this.#values.set(entryKey(accountId, name), value);
  }

  async delete(accountId: string, name: string): Promise<void> {
    this.#values.delete(entryKey(accountId, name));
  }
}

/** Returns the key of one secret of one account, shared by the vaults. */
export function entryKey(accountId: string, name: string): string {
  return `${accountId}/${name}`;
}
