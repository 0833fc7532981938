/**
 * The budget store in the app's SQLite database (node:sqlite), in a table of
 * its own. The archive owns the database file and its migrations; it calls
 * `migrateQueueBudgets` with the other migrations.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { BudgetStore } from './budget-store.ts';

/** Creates the `queue_budgets` table when it does not exist yet. */
export function migrateQueueBudgets(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS queue_budgets (
      day TEXT NOT NULL,
      budget_key TEXT NOT NULL,
      used INTEGER NOT NULL CHECK (used >= 0),
      PRIMARY KEY (day, budget_key)
    ) WITHOUT ROWID
  `);
}

export class SqliteBudgetStore implements BudgetStore {
  #select: StatementSync;
  #consume: StatementSync;
  #exhaust: StatementSync;
  #deleteBefore: StatementSync;

  /** Expects a database on which `migrateQueueBudgets` has run. */
  constructor(db: DatabaseSync) {
    this.#select = db.prepare(
      'SELECT used FROM queue_budgets WHERE day = ? AND budget_key = ?',
    );
    // One statement checks and counts, so the check cannot go stale between
    // a read and a write. The conflict update is skipped when the count has
    // reached the limit, and then no row comes back.
    this.#consume = db.prepare(`
      INSERT INTO queue_budgets (day, budget_key, used) VALUES (?, ?, 1)
      ON CONFLICT (day, budget_key) DO UPDATE SET used = used + 1
        WHERE used < ?
      RETURNING used
    `);
    this.#exhaust = db.prepare(`
      INSERT INTO queue_budgets (day, budget_key, used) VALUES (?, ?, ?)
      ON CONFLICT (day, budget_key) DO UPDATE SET used = max(used, excluded.used)
    `);
    this.#deleteBefore = db.prepare('DELETE FROM queue_budgets WHERE day < ?');
  }

  used(day: string, key: string): number {
    const row = this.#select.get(day, key);
    return row ? Number(row.used) : 0;
  }

  tryConsume(day: string, key: string, limit: number): number | null {
    if (limit < 1) return null;
    const row = this.#consume.get(day, key, limit);
    return row ? Number(row.used) : null;
  }

  exhaust(day: string, key: string, limit: number): void {
    this.#exhaust.run(day, key, limit);
  }

  deleteBefore(day: string): void {
    this.#deleteBefore.run(day);
  }
}
