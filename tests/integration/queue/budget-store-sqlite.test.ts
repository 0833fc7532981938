import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import {
  migrateQueueBudgets,
  SqliteBudgetStore,
} from '../../../electron/core/queue/budget-store-sqlite.ts';
import { ManualClock } from '../../../electron/core/queue/manual-clock.ts';
import { RequestQueue } from '../../../electron/core/queue/request-queue.ts';

const DAY = '2026-01-15';

let folder: string;
let databases: DatabaseSync[];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'queue-budgets-'));
  databases = [];
});

afterEach(() => {
  for (const db of databases) if (db.isOpen) db.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Opens the test database file and runs the migration, as the app does. */
function openStore(): { db: DatabaseSync; store: SqliteBudgetStore } {
  const db = new DatabaseSync(join(folder, 'index.sqlite'));
  databases.push(db);
  migrateQueueBudgets(db);
  return { db, store: new SqliteBudgetStore(db) };
}

describe('SqliteBudgetStore', () => {
  it('creates its own table', () => {
    const { db } = openStore();
    const row = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'queue_budgets'",
      )
      .get();
    expect(row?.name).toBe('queue_budgets');
  });

  it('migrates twice without error', () => {
    const { db } = openStore();
    expect(() => migrateQueueBudgets(db)).not.toThrow();
  });

  it('counts up to the limit', () => {
    const { store } = openStore();
    const counts = [1, 2, 3].map(() => store.tryConsume(DAY, 'download:1', 2));
    expect(counts).toEqual([1, 2, null]);
  });

  it('rejects a zero limit', () => {
    const { store } = openStore();
    expect(store.tryConsume(DAY, 'download:1', 0)).toBeNull();
  });

  it('keeps counts after reopening', () => {
    const first = openStore();
    first.store.tryConsume(DAY, 'status:7', 100);
    first.store.tryConsume(DAY, 'status:7', 100);
    first.db.close();

    const second = openStore();
    expect(second.store.used(DAY, 'status:7')).toBe(2);
  });

  it('exhausts a key', () => {
    const { store } = openStore();
    store.tryConsume(DAY, 'listSimple:123', 1500);
    store.exhaust(DAY, 'listSimple:123', 1500);
    expect(store.used(DAY, 'listSimple:123')).toBe(1500);
  });

  it('never lowers a count when exhausting', () => {
    const { store } = openStore();
    store.tryConsume(DAY, 'k', 10);
    store.tryConsume(DAY, 'k', 10);
    store.exhaust(DAY, 'k', 1);
    expect(store.used(DAY, 'k')).toBe(2);
  });

  it('deletes earlier days', () => {
    const { store } = openStore();
    store.tryConsume('2026-01-14', 'k', 10);
    store.tryConsume(DAY, 'k', 10);
    store.deleteBefore(DAY);
    expect(store.used('2026-01-14', 'k')).toBe(0);
    expect(store.used(DAY, 'k')).toBe(1);
  });
});

describe('RequestQueue with SQLite budgets', () => {
  it('keeps a spent budget across restarts', async () => {
    const clock = new ManualClock(Date.parse('2026-01-15T10:00:00Z'));
    const download = {
      endpoint: 'download',
      messageKey: '3001',
      lane: 'background',
      idempotent: true,
      run: async () => 'zip',
    } as const;

    const first = openStore();
    const before = new RequestQueue({
      logger: createMemoryLogger().logger,
      clock,
      budgetStore: first.store,
    });
    for (let i = 0; i < 10; i += 1) await before.submit(download);
    await before.close();
    first.db.close();

    const second = openStore();
    const after = new RequestQueue({
      logger: createMemoryLogger().logger,
      clock,
      budgetStore: second.store,
    });
    const refusal = await after
      .submit(download)
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppFailure);
    expect((refusal as AppFailure).code).toBe('anaf.dailyLimit');
  });
});
