/**
 * The app's one SQLite database (`index.sqlite` in the data folder), opened
 * through `node:sqlite` so Electron needs no native rebuild. WAL journal,
 * foreign keys on, and numbered migrations applied in order inside a
 * transaction each; `PRAGMA user_version` records the last one applied.
 *
 * Each module owns its tables and registers its migrations here under its
 * own name, so the archive, the upload service and the queue's budgets
 * evolve independently in one file.
 */
import { DatabaseSync } from 'node:sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { DIR_MODE, FILE_MODE } from '../data/files.ts';

export interface Migration {
  /** Module that owns the tables, e.g. `archive`, `uploads`, `queue`. */
  owner: string;
  /** Increasing per owner, starting at 1. */
  version: number;
  apply(db: DatabaseSync): void;
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  owner TEXT NOT NULL,
  version INTEGER NOT NULL,
  applied_at TEXT NOT NULL,
  PRIMARY KEY (owner, version)
)`;

export function openDatabase(file: string, migrations: readonly Migration[]): DatabaseSync {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: DIR_MODE });
  }
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  if (file !== ':memory:') restrictDatabaseFiles(file);
  applyMigrations(db, migrations);
  return db;
}

export function applyMigrations(db: DatabaseSync, migrations: readonly Migration[]): void {
  db.exec(MIGRATIONS_TABLE);
  const applied = new Set(
    (db.prepare('SELECT owner, version FROM schema_migrations').all() as Array<{ owner: string; version: number }>).map(
      (row) => `${row.owner}:${row.version}`,
    ),
  );
  const pending = [...migrations]
    .filter((migration) => !applied.has(`${migration.owner}:${migration.version}`))
    .sort((a, b) => a.owner.localeCompare(b.owner) || a.version - b.version);
  for (const migration of pending) {
    inTransaction(db, () => {
      migration.apply(db);
      db.prepare('INSERT INTO schema_migrations (owner, version, applied_at) VALUES (?, ?, ?)').run(
        migration.owner,
        migration.version,
        new Date().toISOString(),
      );
    });
  }
}

/** Runs `work` in one transaction, rolled back if it throws. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

function restrictDatabaseFiles(file: string): void {
  if (process.platform === 'win32') return;
  for (const suffix of ['', '-wal', '-shm']) {
    const candidate = `${file}${suffix}`;
    if (fs.existsSync(candidate)) fs.chmodSync(candidate, FILE_MODE);
  }
}
