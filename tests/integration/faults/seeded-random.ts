/**
 * A seeded random source for the fault and crash suites, so that a failing
 * run can be repeated exactly. CI uses each suite's fixed default seed. To
 * explore other runs, set the suite's environment variable, for example
 * `FAULT_SEED=abc`, or `FAULT_SEED=random` for a fresh seed.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability `chance`. */
  chance(chance: number): boolean;
}

/**
 * Returns the seed from `variable`, or `fallback` when it is unset. The
 * value `random` picks a fresh seed, which the test name then shows.
 */
export function seedFrom(variable: string, fallback: string): string {
  const value = process.env[variable]?.trim();
  if (!value) return fallback;
  if (value === 'random') return randomBytes(6).toString('hex');
  return value;
}

/** Builds a mulberry32 generator whose state starts from the seed's SHA-256. */
export function createRandom(seed: string): Random {
  let state = createHash('sha256').update(seed).digest().readUInt32BE(0);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number =>
    min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('Cannot pick from no items.');
      return item;
    },
    chance: (chance) => next() < chance,
  };
}
