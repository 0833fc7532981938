/**
 * Storage of the daily budget counters between runs. Counters are keyed by the
 * Romania calendar day (`YYYY-MM-DD`) and the budget key (`download:<id>`,
 * `listSimple:<cif>`, ...). Methods are synchronous because node:sqlite is,
 * and because a check and its increment must not interleave with another.
 */
export interface BudgetStore {
  /** Returns the calls counted for `key` on `day` (0 when none). */
  used(day: string, key: string): number;
  /**
   * Counts one call unless the count has already reached `limit`. Returns
   * the new count, or null when the budget is spent and nothing changed.
   */
  tryConsume(day: string, key: string, limit: number): number | null;
  /**
   * Raises the count to `limit`, for when ANAF reports the limit reached
   * before the local count did (another program spent part of it).
   */
  exhaust(day: string, key: string, limit: number): void;
  /** Deletes the counters of every day before `day`. */
  deleteBefore(day: string): void;
}

/** A budget store that keeps its counters in memory, for tests and the CLI. */
export class MemoryBudgetStore implements BudgetStore {
  #days = new Map<string, Map<string, number>>();

  used(day: string, key: string): number {
    return this.#days.get(day)?.get(key) ?? 0;
  }

  tryConsume(day: string, key: string, limit: number): number | null {
    const used = this.used(day, key);
    if (used >= limit) return null;
    this.#counters(day).set(key, used + 1);
    return used + 1;
  }

  exhaust(day: string, key: string, limit: number): void {
    const used = this.used(day, key);
    this.#counters(day).set(key, Math.max(used, limit));
  }

  deleteBefore(day: string): void {
    for (const stored of [...this.#days.keys()]) {
      if (stored < day) this.#days.delete(stored);
    }
  }

  #counters(day: string): Map<string, number> {
    let counters = this.#days.get(day);
    if (!counters) {
      counters = new Map();
      this.#days.set(day, counters);
    }
    return counters;
  }
}
