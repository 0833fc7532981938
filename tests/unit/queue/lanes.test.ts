import { describe, expect, it } from 'vitest';
import type { LaneCandidate } from '../../../electron/core/queue/lanes.ts';
import { groupKey, pickCandidate } from '../../../electron/core/queue/lanes.ts';

const interactiveA: LaneCandidate = {
  lane: 'interactive',
  group: 'A',
  headSeq: 9,
};
const backgroundA: LaneCandidate = {
  lane: 'background',
  group: 'A',
  headSeq: 1,
};
const backgroundB: LaneCandidate = {
  lane: 'background',
  group: 'B',
  headSeq: 2,
};

describe('pickCandidate', () => {
  it('returns undefined for no candidates', () => {
    expect(pickCandidate([], new Map())).toBeUndefined();
  });

  it('prefers the interactive lane', () => {
    const served = new Map([[groupKey('interactive', 'A'), 100]]);
    expect(pickCandidate([backgroundA, interactiveA], served)).toBe(
      interactiveA,
    );
  });

  it('prefers a group never served', () => {
    const served = new Map([[groupKey('background', 'A'), 0]]);
    expect(pickCandidate([backgroundA, backgroundB], served)).toBe(backgroundB);
  });

  it('prefers the group served longest ago', () => {
    const served = new Map([
      [groupKey('background', 'A'), 5],
      [groupKey('background', 'B'), 3],
    ]);
    expect(pickCandidate([backgroundA, backgroundB], served)).toBe(backgroundB);
  });

  it('breaks ties by submission order', () => {
    expect(pickCandidate([backgroundB, backgroundA], new Map())).toBe(
      backgroundA,
    );
  });

  it('keeps lanes apart in the served map', () => {
    const served = new Map([[groupKey('interactive', 'A'), 7]]);
    const picked = pickCandidate([backgroundA, backgroundB], served);
    expect(picked).toBe(backgroundA);
  });
});
