/**
 * The jobs waiting for a start, grouped per lane and fairness group, with
 * the order `pickCandidate` decides.
 */
import type { Lane, LaneCandidate } from './lanes.ts';
import { groupKey, pickCandidate } from './lanes.ts';

export interface PendingEntry {
  /** Submission order; retried jobs keep theirs. */
  seq: number;
  lane: Lane;
  group: string;
  countsTowardRateLimit: boolean;
}

export class PendingJobs<J extends PendingEntry> {
  #groups = new Map<string, { lane: Lane; group: string; jobs: J[] }>();
  #lastServed = new Map<string, number>();
  #turn = 0;
  #size = 0;
  #uncounted = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds a job at the end of its group, or at the front (a retry). */
  add(job: J, position: 'back' | 'front' = 'back'): void {
    const key = groupKey(job.lane, job.group);
    let entry = this.#groups.get(key);
    if (!entry) {
      entry = { lane: job.lane, group: job.group, jobs: [] };
      this.#groups.set(key, entry);
    }
    if (position === 'front') entry.jobs.unshift(job);
    else entry.jobs.push(job);

    this.#size += 1;
    if (!job.countsTowardRateLimit) this.#uncounted += 1;
  }

  /** Removes a job; returns false when it was not waiting. */
  remove(job: J): boolean {
    const key = groupKey(job.lane, job.group);
    const entry = this.#groups.get(key);
    const index = entry ? entry.jobs.indexOf(job) : -1;
    if (!entry || index < 0) return false;

    entry.jobs.splice(index, 1);
    if (entry.jobs.length === 0) this.#groups.delete(key);
    this.#size -= 1;
    if (!job.countsTowardRateLimit) this.#uncounted -= 1;
    return true;
  }

  /** Returns the job that should start next, without removing it. */
  peek(): J | undefined {
    return this.#pick((jobs) => jobs[0]);
  }

  /**
   * Returns the next job that does not count toward the rate limit, for
   * when the rate window is full. Each group offers its first such job.
   */
  peekUncounted(): J | undefined {
    if (this.#uncounted === 0) return undefined;
    return this.#pick((jobs) => jobs.find((job) => !job.countsTowardRateLimit));
  }

  /** Records that the job's group was served, for the fairness order. */
  markServed(job: J): void {
    this.#lastServed.set(groupKey(job.lane, job.group), this.#turn);
    this.#turn += 1;
  }

  values(): J[] {
    return [...this.#groups.values()].flatMap((entry) => entry.jobs);
  }

  #pick(headOf: (jobs: J[]) => J | undefined): J | undefined {
    const heads = new Map<string, J>();
    const candidates: LaneCandidate[] = [];
    for (const [key, entry] of this.#groups) {
      const head = headOf(entry.jobs);
      if (!head) continue;
      heads.set(key, head);
      candidates.push({
        lane: entry.lane,
        group: entry.group,
        headSeq: head.seq,
      });
    }
    const chosen = pickCandidate(candidates, this.#lastServed);
    return chosen ? heads.get(groupKey(chosen.lane, chosen.group)) : undefined;
  }
}
