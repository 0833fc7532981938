import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppFailure } from '../../../shared/result.ts';
import type { Logger } from '../log/logger.ts';
import { writeFileAtomicAsync as writeFileAtomic } from '../data/files.ts';
import { entryKey } from './memory-vault.ts';
import type { SecretVault, VaultStatus } from './vault.ts';

const FILE_FORMAT = 1;

const vaultFileSchema = z.object({
  format: z.literal(FILE_FORMAT),
  secrets: z.record(z.string(), z.string()),
});

type VaultFile = z.infer<typeof vaultFileSchema>;

export const INSECURE_STORAGE_WARNING =
  'Tokens and the client secret are stored unencrypted in a file readable ' +
  'only by your user account, because insecure storage was chosen.';

/**
 * The vault the user chose explicitly (`--insecure-storage`) on a machine
 * without a keychain: a JSON file with mode 0600 in a 0700 folder, replaced
 * atomically on every write. It warns through the logger each time it opens.
 */
export class FileVault implements SecretVault {
  readonly #filePath: string;
  readonly #logger: Logger;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(filePath: string, logger: Logger) {
    this.#filePath = filePath;
    this.#logger = logger;
    logger.warn(INSECURE_STORAGE_WARNING, { file: filePath });
  }

  status(): VaultStatus {
    return {
      kind: 'file',
      persistent: true,
      weak: true,
      message: INSECURE_STORAGE_WARNING,
    };
  }

  async get(accountId: string, name: string): Promise<string | null> {
    await this.#queue;
    const file = await this.#read();
    return file.secrets[entryKey(accountId, name)] ?? null;
  }

  set(accountId: string, name: string, value: string): Promise<void> {
    return this.#update((secrets) => {
      secrets[entryKey(accountId, name)] = value;
    });
  }

  delete(accountId: string, name: string): Promise<void> {
    return this.#update((secrets) => {
      delete secrets[entryKey(accountId, name)];
    });
  }

  /** Runs read-change-write steps one at a time so no write is lost. */
  #update(change: (secrets: Record<string, string>) => void): Promise<void> {
    const step = this.#queue.then(async () => {
      const file = await this.#read();
      const secrets = { ...file.secrets };
      change(secrets);
      const next: VaultFile = { format: FILE_FORMAT, secrets };
      await writeFileAtomic(this.#filePath, JSON.stringify(next, null, 2));
    });
    this.#queue = step.catch(() => undefined);
    return step;
  }

  async #read(): Promise<VaultFile> {
    let text: string;
    try {
      text = await readFile(this.#filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { format: FILE_FORMAT, secrets: {} };
      }
      throw error;
    }
    return this.#parse(text);
  }

  /** A damaged file is reported and left in place, never overwritten. */
  #parse(text: string): VaultFile {
    try {
      return vaultFileSchema.parse(JSON.parse(text));
    } catch (error) {
      // JSON.parse quotes part of the text in its message, so only the kind
      // of damage is logged.
      this.#logger.error('The insecure vault file could not be read', {
        file: this.#filePath,
        problem: error instanceof SyntaxError ? 'invalid JSON' : 'bad layout',
      });
      throw new AppFailure(
        'storage.undecryptable',
        `The vault file ${this.#filePath} is damaged and was left unchanged. ` +
          'Move it aside and log in again.',
      );
    }
  }
}
