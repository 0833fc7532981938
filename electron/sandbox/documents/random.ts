// A small deterministic PRNG, so that a seed string always produces the same
// companies and invoices on every machine and Node version.

/** Hashes a string to 32 bits (FNV-1a). */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(seed, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Creates a generator of floats in [0, 1) from a seed string. Each step
 * advances a 32-bit Weyl sequence and scrambles it with multiply-xorshift
 * rounds; the period is 2^32, plenty for a few thousand invoices.
 */
export function createRandom(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x21f0aaad);
    mixed = Math.imul(mixed ^ (mixed >>> 15), 0x735a2d97);
    mixed = (mixed ^ (mixed >>> 15)) >>> 0;
    return mixed / 0x100000000;
  };
}

/** Picks a whole number in [min, max] inclusive. */
export function randomInt(
  random: () => number,
  min: number,
  max: number,
): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Picks one element of a non-empty list. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick() needs a non-empty list');
  return item;
}
