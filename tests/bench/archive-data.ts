/**
 * Generated data shared by the archive benchmarks: a seeded random source,
 * Romanian partner names with comma-below and cedilla letters, and
 * percentiles of measured times.
 */
import { createHash } from 'node:crypto';

/** A deterministic source of numbers in [0, 1) (mulberry32). */
export function createRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const STEMS = [
  'Ștefănescu',
  'Şerban',
  'Țesătoria',
  'Ţiriac',
  'Mureș',
  'Bălcescu',
  'Câmpia',
  'Îngrijire',
  'Carpatica',
  'Moara Veche',
  'Dacia',
  'Olt',
];
const ACTIVITIES = [
  'Construcții',
  'Distribuție',
  'Panificaţie',
  'Transport',
  'Soluţii Software',
  'Comerț',
];
const FORMS = ['SRL', 'SA', 'SRL-D'];

export interface GeneratedPartner {
  cif: string;
  name: string;
  series: string;
}

export function partnerNames(
  count: number,
  random: () => number,
): GeneratedPartner[] {
  const pick = <T>(list: readonly T[]) =>
    list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => ({
    cif: String(10_000_000 + Math.floor(random() * 89_999_999)),
    name: `${pick(STEMS)} ${pick(ACTIVITIES)} ${i} ${pick(FORMS)}`,
    series: `S${i}`,
  }));
}

/** The value below which `percent` % of the samples fall (nearest rank). */
export function percentile(
  samples: readonly number[],
  percent: number,
): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((percent / 100) * sorted.length) - 1;
  return sorted[Math.max(0, Math.min(rank, sorted.length - 1))] ?? NaN;
}
