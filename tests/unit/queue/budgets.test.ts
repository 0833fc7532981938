import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result.ts';
import { MemoryBudgetStore } from '../../../electron/core/queue/budget-store.ts';
import {
  budgetSlotFor,
  budgetStatus,
  dailyLimitFailure,
} from '../../../electron/core/queue/budgets.ts';

const WINTER_NOON = Date.parse('2026-01-15T10:00:00Z');

describe('budgetSlotFor', () => {
  it.each([
    { endpoint: 'download', key: 'download:3001', perDay: 10 },
    { endpoint: 'status', key: 'status:3001', perDay: 100 },
    { endpoint: 'listSimple', key: 'listSimple:123', perDay: 1500 },
    { endpoint: 'listPaginated', key: 'listPaginated:123', perDay: 100_000 },
    { endpoint: 'uploadRasp', key: 'uploadRasp:123', perDay: 1000 },
  ] as const)('$endpoint counts $perDay a day', ({ endpoint, key, perDay }) => {
    const slot = budgetSlotFor({ endpoint, cif: '123', messageKey: '3001' });
    expect(slot?.key).toBe(key);
    expect(slot?.rule.perDay).toBe(perDay);
  });

  it.each(['upload', 'hello', 'validate'] as const)(
    '%s has no budget',
    (endpoint) => {
      expect(budgetSlotFor({ endpoint, cif: '123' })).toBeNull();
    },
  );

  it('requires a message key for downloads', () => {
    expect(() => budgetSlotFor({ endpoint: 'download', cif: '123' })).toThrow(
      /messageKey/,
    );
  });

  it('requires a CIF for lists', () => {
    expect(() => budgetSlotFor({ endpoint: 'listSimple' })).toThrow(/cif/);
  });
});

describe('budgetStatus', () => {
  const slot = budgetSlotFor({ endpoint: 'download', messageKey: '3001' });

  it('reports what is left', () => {
    const status = slot && budgetStatus(slot, 4, WINTER_NOON);
    expect(status?.remaining).toBe(6);
  });

  it('never reports less than zero', () => {
    const status = slot && budgetStatus(slot, 12, WINTER_NOON);
    expect(status?.remaining).toBe(0);
  });

  it('resets at Romania midnight', () => {
    const status = slot && budgetStatus(slot, 4, WINTER_NOON);
    expect(status?.resetsAt).toBe(Date.parse('2026-01-15T22:00:00Z'));
  });

  it('names the Romania day', () => {
    const status = slot && budgetStatus(slot, 4, WINTER_NOON);
    expect(status?.day).toBe('2026-01-15');
  });
});

describe('dailyLimitFailure', () => {
  const slot = budgetSlotFor({ endpoint: 'download', messageKey: '3001' });
  const failure =
    slot && dailyLimitFailure(budgetStatus(slot, 10, WINTER_NOON));

  it('is an AppFailure', () => {
    expect(failure).toBeInstanceOf(AppFailure);
  });

  it('has the dailyLimit code', () => {
    expect(failure?.code).toBe('anaf.dailyLimit');
  });

  it('says when the budget resets', () => {
    expect(failure?.message).toContain('after 2026-01-16 00:00 (Romania time)');
  });

  it('names the message', () => {
    expect(failure?.message).toContain('message 3001');
  });

  it('gives the local reset time in details', () => {
    expect(failure?.details?.resetsAtLocal).toBe('2026-01-16 00:00');
  });

  it('is not retryable', () => {
    expect(failure?.details?.retryable).toBe(false);
  });

  it('names the CIF for per-company budgets', () => {
    const listSlot = budgetSlotFor({ endpoint: 'listSimple', cif: '123' });
    const listFailure =
      listSlot && dailyLimitFailure(budgetStatus(listSlot, 1500, WINTER_NOON));
    expect(listFailure?.message).toContain('CIF 123');
  });
});

describe('MemoryBudgetStore', () => {
  it('counts up to the limit', () => {
    const store = new MemoryBudgetStore();
    const counts = [1, 2, 3].map(() => store.tryConsume('2026-01-15', 'k', 2));
    expect(counts).toEqual([1, 2, null]);
  });

  it('keeps days apart', () => {
    const store = new MemoryBudgetStore();
    store.tryConsume('2026-01-15', 'k', 2);
    expect(store.used('2026-01-16', 'k')).toBe(0);
  });

  it('exhausts a key', () => {
    const store = new MemoryBudgetStore();
    store.exhaust('2026-01-15', 'k', 10);
    expect(store.tryConsume('2026-01-15', 'k', 10)).toBeNull();
  });

  it('never lowers a count when exhausting', () => {
    const store = new MemoryBudgetStore();
    store.tryConsume('2026-01-15', 'k', 10);
    store.exhaust('2026-01-15', 'k', 0);
    expect(store.used('2026-01-15', 'k')).toBe(1);
  });

  it('deletes earlier days', () => {
    const store = new MemoryBudgetStore();
    store.tryConsume('2026-01-14', 'k', 10);
    store.tryConsume('2026-01-15', 'k', 10);
    store.deleteBefore('2026-01-15');
    expect([
      store.used('2026-01-14', 'k'),
      store.used('2026-01-15', 'k'),
    ]).toEqual([0, 1]);
  });
});
