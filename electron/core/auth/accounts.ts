import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { IdentityProvider } from './idp.ts';

/** The certificate that authorized an account; times in epoch ms. */
export interface CertificateInfo {
  subject: string;
  /** Hex serial, the identity ANAF attaches to the tokens. */
  serial: string;
  issuer: string | null;
  validFrom: number | null;
  validTo: number | null;
}

/**
 * One certificate's authorization of one registered application. An ANAF
 * account serves both the test and the production API paths. The client
 * secret and the tokens are in the vault, never in this record.
 */
export interface Account {
  id: string;
  provider: IdentityProvider;
  /** A name the user chose, shown in the account list. */
  label: string;
  clientId: string;
  /** The callback URL registered for the application, byte for byte. */
  redirectUri: string;
  /** Null until the first login names the certificate. */
  certificate: CertificateInfo | null;
  accessExpiresAt: number | null;
  refreshExpiresAt: number | null;
  createdAt: number;
  lastLoginAt: number | null;
  lastRefreshAt: number | null;
}

export interface NewAccount {
  provider: IdentityProvider;
  label: string;
  clientId: string;
  redirectUri: string;
}

const certificateSchema = z.object({
  subject: z.string(),
  serial: z.string(),
  issuer: z.string().nullable(),
  validFrom: z.number().nullable(),
  validTo: z.number().nullable(),
});

export const accountSchema = z.object({
  id: z.string().min(1),
  provider: z.enum(['sandbox', 'anaf']),
  label: z.string(),
  clientId: z.string().min(1),
  redirectUri: z.string().min(1),
  certificate: certificateSchema.nullable(),
  accessExpiresAt: z.number().nullable(),
  refreshExpiresAt: z.number().nullable(),
  createdAt: z.number(),
  lastLoginAt: z.number().nullable(),
  lastRefreshAt: z.number().nullable(),
});

/** Creates the record for an account that has not logged in yet. */
export function createAccount(input: NewAccount, now: number): Account {
  return {
    id: randomUUID(),
    provider: input.provider,
    label: input.label,
    clientId: input.clientId,
    redirectUri: input.redirectUri,
    certificate: null,
    accessExpiresAt: null,
    refreshExpiresAt: null,
    createdAt: now,
    lastLoginAt: null,
    lastRefreshAt: null,
  };
}

/** Storage of account records: a JSON file, or memory in tests. */
export interface AccountStore {
  list(): Promise<Account[]>;
  get(id: string): Promise<Account | null>;
  /** Inserts or replaces the record with the same id. */
  put(account: Account): Promise<void>;
  remove(id: string): Promise<void>;
}

export class MemoryAccountStore implements AccountStore {
  readonly #accounts = new Map<string, Account>();

  async list(): Promise<Account[]> {
    return [...this.#accounts.values()].map((account) =>
      structuredClone(account),
    );
  }

  async get(id: string): Promise<Account | null> {
    const account = this.#accounts.get(id);
    return account ? structuredClone(account) : null;
  }

  async put(account: Account): Promise<void> {
    this.#accounts.set(account.id, structuredClone(account));
  }

  async remove(id: string): Promise<void> {
    this.#accounts.delete(id);
  }
}
