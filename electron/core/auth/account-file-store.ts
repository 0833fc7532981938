import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppFailure } from '../../../shared/result.ts';
import type { Logger } from '../log/logger.ts';
import { writeFileAtomicAsync as writeFileAtomic } from '../data/files.ts';
import { accountSchema, type Account, type AccountStore } from './accounts.ts';

const FILE_FORMAT = 1;

/** The accounts file's name inside the data folder. */
export const ACCOUNTS_FILE = 'accounts.json';

const accountFileSchema = z.object({
  format: z.literal(FILE_FORMAT),
  accounts: z.array(accountSchema),
});

/**
 * Account records in one JSON file in the data folder (mode 0600), replaced
 * atomically. Writes from this process run one at a time. A damaged file is
 * reported and never overwritten.
 */
export class FileAccountStore implements AccountStore {
  readonly #filePath: string;
  readonly #logger: Logger;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(filePath: string, logger: Logger) {
    this.#filePath = filePath;
    this.#logger = logger.child('accounts');
  }

  async list(): Promise<Account[]> {
    await this.#queue;
    return this.#read();
  }

  async get(id: string): Promise<Account | null> {
    const accounts = await this.list();
    return accounts.find((account) => account.id === id) ?? null;
  }

  put(account: Account): Promise<void> {
    return this.#update((accounts) => {
      const others = accounts.filter((item) => item.id !== account.id);
      return [...others, account];
    });
  }

  remove(id: string): Promise<void> {
    return this.#update((accounts) =>
      accounts.filter((account) => account.id !== id),
    );
  }

  #update(change: (accounts: Account[]) => Account[]): Promise<void> {
    const step = this.#queue.then(async () => {
      const accounts = change(await this.#read());
      const file = { format: FILE_FORMAT, accounts };
      await writeFileAtomic(this.#filePath, JSON.stringify(file, null, 2));
    });
    this.#queue = step.catch(() => undefined);
    return step;
  }

  async #read(): Promise<Account[]> {
    let text: string;
    try {
      text = await readFile(this.#filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }

    const parsed = accountFileSchema.safeParse(parseJson(text));
    if (!parsed.success) {
      this.#logger.error('The accounts file is damaged', {
        file: this.#filePath,
      });
      throw new AppFailure(
        'storage.unavailable',
        `The accounts file ${this.#filePath} is damaged and was left ` +
          'unchanged. Restore it from a backup or move it aside.',
      );
    }
    return parsed.data.accounts;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
