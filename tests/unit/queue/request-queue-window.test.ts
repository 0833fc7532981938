/**
 * Property-style checks of the rate window: many random schedules (seeded,
 * so every run replays the same ones) of jobs with random lanes, CIFs,
 * durations, failures, second calls and rate changes. In none of them may
 * more calls start, or arrive, within 60 seconds than the limit allows.
 */
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result.ts';
import { ManualClock } from '../../../electron/core/queue/manual-clock.ts';
import type { QueueJob } from '../../../electron/core/queue/job.ts';
import type { RequestQueue } from '../../../electron/core/queue/request-queue.ts';
import { randomInt, seededRandom } from './prng.ts';
import { capture, createQueue } from './queue-harness.ts';

const MINUTE = 60_000;
const SEEDS = Array.from({ length: 30 }, (_, i) => 1000 + i);

/** Returns the maximum number of times within any closed `windowMs` window. */
function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let end = 0;
  for (let start = 0; start < sorted.length; start += 1) {
    const from = sorted[start] ?? 0;
    while (end < sorted.length && (sorted[end] ?? 0) <= from + windowMs)
      end += 1;
    max = Math.max(max, end - start);
  }
  return max;
}

interface Schedule {
  queue: RequestQueue;
  clock: ManualClock;
  calls: number[];
  outcomes: Array<{ current: { status: string } }>;
}

/** Builds and runs one random schedule; returns the call start times. */
async function runSchedule(
  seed: number,
  limit: number,
  onTick?: (queue: RequestQueue, random: () => number, now: number) => void,
): Promise<Schedule> {
  const random = seededRandom(seed);
  const clock = new ManualClock();
  const { queue } = createQueue({
    clock,
    rateLimit: limit,
    maxConcurrent: randomInt(random, 1, 12),
    random,
  });
  const calls: number[] = [];
  const outcomes: Schedule['outcomes'] = [];

  const jobCount = randomInt(random, 60, 200);
  const submitTimes = Array.from({ length: jobCount }, () =>
    randomInt(random, 0, 4 * MINUTE),
  ).sort((a, b) => a - b);
  const t0 = clock.now();

  for (const offset of submitTimes) {
    await clock.advanceTo(t0 + offset);
    onTick?.(queue, random, clock.now());
    outcomes.push(capture(queue.submit(randomJob(clock, random, calls))));
  }
  await clock.runUntilIdle();
  return { queue, clock, calls, outcomes };
}

function randomJob(
  clock: ManualClock,
  random: () => number,
  calls: number[],
): QueueJob<string> {
  const durationMs = randomInt(random, 0, 3_000);
  const failWith = random();
  const secondCall = random() < 0.1;
  let attempts = 0;

  return {
    endpoint: random() < 0.5 ? 'listPaginated' : 'hello',
    cif: String(randomInt(random, 1, 3)),
    lane: random() < 0.3 ? 'interactive' : 'background',
    idempotent: random() < 0.8,
    run: async (signal, context) => {
      calls.push(clock.now());
      attempts += 1;
      await clock.sleep(durationMs, signal);
      if (secondCall) {
        await context.reserveCall();
        calls.push(clock.now());
      }
      if (attempts === 1 && failWith < 0.1) {
        throw new AppFailure('anaf.rateLimited', 'HTTP 429');
      }
      if (attempts === 1 && failWith < 0.2) {
        throw new AppFailure('anaf.timeout', 'timed out');
      }
      return 'ok';
    },
  };
}

describe('RequestQueue window under random schedules', () => {
  it.each(SEEDS)('seed %d keeps calls within the limit', async (seed) => {
    const limit = randomInt(seededRandom(seed * 7), 1, 40);
    const { calls, outcomes, clock } = await runSchedule(seed, limit);
    expect(maxInWindow(calls, MINUTE)).toBeLessThanOrEqual(limit);

    // Network delay of up to the 1 s margin moves each call's arrival.
    const jitter = seededRandom(seed * 13);
    const arrivals = calls.map((at) => at + Math.floor(jitter() * 1_000));
    expect(maxInWindow(arrivals, MINUTE)).toBeLessThanOrEqual(limit);

    const unsettled = outcomes.filter(
      (outcome) => outcome.current.status === 'pending',
    );
    expect(unsettled).toHaveLength(0);
    expect(clock.pendingTimers()).toBe(0);
  });

  it.each(SEEDS.slice(0, 10))('seed %d obeys rate changes', async (seed) => {
    const changes: Array<{ at: number; limit: number }> = [];
    const { calls } = await runSchedule(seed, 20, (queue, random, now) => {
      if (random() >= 0.05) return;
      const limit = randomInt(random, 1, 40);
      queue.setRateLimit(limit);
      changes.push({ at: now, limit });
    });

    // Each call may see at most the limit in force when it started,
    // counting itself and the calls of the 60 s before it.
    const limitAt = (at: number): number =>
      changes.filter((change) => change.at <= at).at(-1)?.limit ?? 20;
    const sorted = [...calls].sort((a, b) => a - b);
    const excess = sorted.filter((at) => {
      const inWindow = sorted.filter(
        (other) => other <= at && other >= at - MINUTE,
      );
      return inWindow.length > limitAt(at);
    });
    expect(excess).toEqual([]);
  });
});
