/**
 * The order in which waiting jobs start. Lanes are strict priorities: what
 * a person is waiting for (interactive) always goes before background sync.
 * Within a lane, jobs are grouped by CIF and the group served least recently
 * goes first, so one company's long sync does not hold back another's.
 * Within a group, jobs keep their submission order.
 */

export const LANES = ['interactive', 'background'] as const;
export type Lane = (typeof LANES)[number];

export interface LaneCandidate {
  lane: Lane;
  group: string;
  /** Submission sequence number of the group's first waiting job. */
  headSeq: number;
}

/** Key of a group in the last-served map: groups are per lane. */
export function groupKey(lane: Lane, group: string): string {
  return `${lane}\u0000${group}`;
}

/**
 * Picks the candidate group to serve next. `lastServed` maps `groupKey` to
 * the turn number in which the group last had a job started; a group never
 * served goes before any served one.
 */
export function pickCandidate(
  candidates: readonly LaneCandidate[],
  lastServed: ReadonlyMap<string, number>,
): LaneCandidate | undefined {
  let best: LaneCandidate | undefined;
  for (const candidate of candidates) {
    if (!best || isBetter(candidate, best, lastServed)) best = candidate;
  }
  return best;
}

function isBetter(
  a: LaneCandidate,
  b: LaneCandidate,
  lastServed: ReadonlyMap<string, number>,
): boolean {
  const laneA = LANES.indexOf(a.lane);
  const laneB = LANES.indexOf(b.lane);
  if (laneA !== laneB) return laneA < laneB;

  const turnA = lastServed.get(groupKey(a.lane, a.group)) ?? -1;
  const turnB = lastServed.get(groupKey(b.lane, b.group)) ?? -1;
  if (turnA !== turnB) return turnA < turnB;

  return a.headSeq < b.headSeq;
}
