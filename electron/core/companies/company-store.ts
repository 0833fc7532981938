/**
 * The companies (CIFs) the user follows: which account serves each and
 * whether it uses ANAF's test or production API path. A company's CIF is
 * normalised and its check digit verified before it is stored.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { ApiPath } from '../../../shared/domain.ts';
import { normalizeCif, validateCif } from '../../../shared/cif.ts';
import { AppFailure } from '../../../shared/result.ts';
import type { Migration } from '../db/database.ts';

export interface FollowedCompany {
  cif: string;
  name: string;
  accountId: string;
  api: ApiPath;
  lastSyncAt: string | null;
  /** When the user last opened the company's invoices; newer ones are "new". */
  lastSeenAt: string | null;
  createdAt: string;
}

export const COMPANY_MIGRATIONS: Migration[] = [
  {
    owner: 'companies',
    version: 1,
    apply: (db) =>
      db.exec(`CREATE TABLE companies (
        cif TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        account_id TEXT NOT NULL,
        api TEXT NOT NULL CHECK (api IN ('test', 'prod')),
        last_sync_at TEXT,
        last_seen_at TEXT,
        created_at TEXT NOT NULL
      )`),
  },
];

interface CompanyRow {
  cif: string;
  name: string;
  account_id: string;
  api: ApiPath;
  last_sync_at: string | null;
  last_seen_at: string | null;
  created_at: string;
}

function fromRow(row: CompanyRow): FollowedCompany {
  return {
    cif: row.cif,
    name: row.name,
    accountId: row.account_id,
    api: row.api,
    lastSyncAt: row.last_sync_at,
    lastSeenAt: row.last_seen_at,
    createdAt: row.created_at,
  };
}

/** Normalises a CIF or throws `input.invalid` naming the value and the fix. */
export function requireValidCif(raw: string): string {
  const result = validateCif(raw);
  if (!result.ok) throw new AppFailure('input.invalid', result.error.message, { cif: raw });
  return result.value;
}

export class CompanyStore {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  constructor(db: DatabaseSync, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#now = now;
  }

  list(): FollowedCompany[] {
    const rows = this.#db.prepare('SELECT * FROM companies ORDER BY name COLLATE NOCASE, cif').all();
    return (rows as unknown as CompanyRow[]).map(fromRow);
  }

  get(rawCif: string): FollowedCompany | null {
    const cif = normalizeCif(rawCif);
    if (!cif.ok) return null;
    const row = this.#db.prepare('SELECT * FROM companies WHERE cif = ?').get(cif.value);
    return row ? fromRow(row as unknown as CompanyRow) : null;
  }

  add(input: { cif: string; name: string; accountId: string; api: ApiPath }): FollowedCompany {
    const cif = requireValidCif(input.cif);
    if (this.get(cif)) {
      throw new AppFailure('input.invalid', `The company with CIF ${cif} is already followed.`, { cif });
    }
    this.#db
      .prepare('INSERT INTO companies (cif, name, account_id, api, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(cif, input.name.trim() || `CIF ${cif}`, input.accountId, input.api, this.#now().toISOString());
    return this.#require(cif);
  }

  update(rawCif: string, patch: { name?: string | undefined; api?: ApiPath | undefined; accountId?: string | undefined }): FollowedCompany {
    const company = this.#require(rawCif);
    this.#db
      .prepare('UPDATE companies SET name = ?, api = ?, account_id = ? WHERE cif = ?')
      .run(patch.name?.trim() || company.name, patch.api ?? company.api, patch.accountId ?? company.accountId, company.cif);
    return this.#require(company.cif);
  }

  remove(rawCif: string): void {
    const company = this.#require(rawCif);
    this.#db.prepare('DELETE FROM companies WHERE cif = ?').run(company.cif);
  }

  markSynced(cif: string, at: Date): void {
    this.#db.prepare('UPDATE companies SET last_sync_at = ? WHERE cif = ?').run(at.toISOString(), cif);
  }

  markSeen(rawCif: string): void {
    const company = this.#require(rawCif);
    this.#db.prepare('UPDATE companies SET last_seen_at = ? WHERE cif = ?').run(this.#now().toISOString(), company.cif);
  }

  #require(rawCif: string): FollowedCompany {
    const company = this.get(rawCif);
    if (!company) {
      throw new AppFailure('input.invalid', `No followed company has CIF ${rawCif}. Add it under Companies first.`, {
        cif: rawCif,
      });
    }
    return company;
  }
}
