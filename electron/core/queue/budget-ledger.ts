/**
 * The queue's view of the daily budgets: reads and spends counters in the
 * budget store for the current Romania day, reports each change, and drops
 * the previous days' counters once the day changes.
 */
import { romaniaDayKey } from '../time/romania-time.ts';
import type { BudgetStore } from './budget-store.ts';
import type { BudgetSlot, BudgetStatus } from './budgets.ts';
import { budgetStatus } from './budgets.ts';

export class BudgetLedger {
  readonly #store: BudgetStore;
  readonly #onChange: (status: BudgetStatus) => void;
  #day: string | undefined;

  constructor(store: BudgetStore, onChange: (status: BudgetStatus) => void) {
    this.#store = store;
    this.#onChange = onChange;
  }

  status(slot: BudgetSlot, now: number): BudgetStatus {
    return budgetStatus(
      slot,
      this.#store.used(this.#today(now), slot.key),
      now,
    );
  }

  isSpent(slot: BudgetSlot, now: number): boolean {
    return this.#store.used(this.#today(now), slot.key) >= slot.rule.perDay;
  }

  /** Counts one call; returns false, counting nothing, when spent. */
  trySpend(slot: BudgetSlot, now: number): boolean {
    const used = this.#store.tryConsume(
      this.#today(now),
      slot.key,
      slot.rule.perDay,
    );
    if (used === null) return false;
    this.#onChange(budgetStatus(slot, used, now));
    return true;
  }

  /** Marks the budget spent for today, because ANAF reported it so. */
  exhaust(slot: BudgetSlot, now: number): void {
    this.#store.exhaust(this.#today(now), slot.key, slot.rule.perDay);
    this.#onChange(this.status(slot, now));
  }

  #today(now: number): string {
    const day = romaniaDayKey(now);
    if (day !== this.#day) {
      this.#day = day;
      this.#store.deleteBefore(day);
    }
    return day;
  }
}
