/**
 * The queue against the sandbox over real HTTPS: 300 calls of the token
 * smoke test, with the sandbox counting arrivals in its sliding 60-second
 * window, must meet no 429 caused by that limit.
 *
 * Where the window must fill and drain, the queue and the sandbox share a
 * clock that jumps ahead whenever the queue sleeps, so three windows pass
 * in about a second while every request still travels over HTTPS.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import type { Clock } from '../../../electron/core/queue/clock.ts';
import { RequestQueue } from '../../../electron/core/queue/request-queue.ts';
import type { RunningSandbox } from '../../../electron/sandbox/index.ts';
import { startSandbox } from '../../../electron/sandbox/index.ts';
import type { SandboxSession } from './sandbox-session.ts';
import {
  openSandboxSession,
  rateLimitedTotal,
  readEndpointCounters,
} from './sandbox-session.ts';

const CALLS = 300;

let sandbox: RunningSandbox | undefined;
let session: SandboxSession | undefined;
let queue: RequestQueue | undefined;

afterEach(async () => {
  await queue?.close({ abortRunning: true });
  await session?.close();
  await sandbox?.close();
  queue = undefined;
  session = undefined;
  sandbox = undefined;
});

/**
 * Returns the sandbox's clock as a queue clock whose `sleep` moves it ahead
 * instead of waiting. The sandbox dates arrivals by the same clock, so the
 * window still holds. The clock jumps only while no request is in flight,
 * because a jump during a request would date its arrival a whole window
 * after its start.
 */
function jumpingClock(running: RunningSandbox, inFlight: () => number): Clock {
  return {
    now: () => running.now().getTime(),
    sleep: async (ms, signal) => {
      const target = running.now().getTime() + ms;
      // A job may start while this waits, so the check repeats until no
      // request is in flight right before the jump.
      do {
        signal?.throwIfAborted();
        await delay(1);
      } while (inFlight() > 0);
      signal?.throwIfAborted();

      const behind = target - running.now().getTime();
      if (behind > 0) running.advanceClock(behind);
    },
  };
}

interface PushOptions {
  sandboxLimit: number;
  queueLimit: number;
  maxConcurrent: number;
  sharedClock: boolean;
}

/** Sends `CALLS` hello calls through a queue and returns their statuses. */
async function pushCalls(
  options: PushOptions,
): Promise<{ statuses: number[]; running: RunningSandbox }> {
  const running = await startSandbox({ rateLimit: options.sandboxLimit });
  sandbox = running;
  const opened = await openSandboxSession(running.info);
  session = opened;
  let inFlight = 0;
  const clock = jumpingClock(running, () => inFlight);
  queue = new RequestQueue({
    logger: createMemoryLogger().logger,
    rateLimit: options.queueLimit,
    maxConcurrent: options.maxConcurrent,
    ...(options.sharedClock ? { clock } : {}),
  });

  const calls = Array.from({ length: CALLS }, () =>
    queue?.submit({
      endpoint: 'hello',
      lane: 'background',
      idempotent: true,
      run: async (signal) => {
        inFlight += 1;
        try {
          const status = await opened.hello(signal);
          if (status === 429) {
            throw new AppFailure('anaf.rateLimited', 'HTTP 429');
          }
          return status;
        } finally {
          inFlight -= 1;
        }
      },
    }),
  );
  const statuses = await Promise.all(calls);
  return { statuses: statuses.map((status) => status ?? 0), running };
}

describe('RequestQueue against the sandbox', () => {
  it('sends 300 calls below a high limit', async () => {
    // The queue's own maximum is 1000 a minute, ANAF's documented ceiling.
    const { statuses, running } = await pushCalls({
      sandboxLimit: 3000,
      queueLimit: 1000,
      maxConcurrent: 8,
      sharedClock: false,
    });
    const counters = await readEndpointCounters(running.info);

    expect(statuses.filter((status) => status === 200)).toHaveLength(CALLS);
    expect(rateLimitedTotal(counters)).toBe(0);
    expect(counters.hello?.statuses['200']).toBe(CALLS);
  });

  it('fills three windows without a 429', async () => {
    const started = Date.now();
    const { statuses, running } = await pushCalls({
      sandboxLimit: 100,
      queueLimit: 100,
      maxConcurrent: 16,
      sharedClock: true,
    });
    const counters = await readEndpointCounters(running.info);

    expect(statuses.filter((status) => status === 200)).toHaveLength(CALLS);
    expect(rateLimitedTotal(counters)).toBe(0);
    expect(counters.hello?.statuses['200']).toBe(CALLS);
    // Three windows of 100 calls need at least two full windows between.
    expect(running.now().getTime() - started).toBeGreaterThanOrEqual(
      2 * 60_000,
    );
  });
});
