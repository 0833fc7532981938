import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result.ts';
import { MemoryBudgetStore } from '../../../electron/core/queue/budget-store.ts';
import type { BudgetStatus } from '../../../electron/core/queue/budgets.ts';
import type {
  JobSnapshot,
  QueueTotals,
} from '../../../electron/core/queue/events.ts';
import { ManualClock } from '../../../electron/core/queue/manual-clock.ts';
import type { StartLog } from './queue-harness.ts';
import { capture, createQueue, fakeJob } from './queue-harness.ts';

const timeout = (): AppFailure =>
  new AppFailure('anaf.timeout', 'ANAF did not answer in time.');
const rateLimited = (): AppFailure =>
  new AppFailure('anaf.rateLimited', 'HTTP 429');

describe('RequestQueue basics', () => {
  it('resolves with the job value', async () => {
    const { queue, clock } = createQueue();
    const result = capture(
      queue.submit(
        fakeJob(
          clock,
          [],
          { endpoint: 'hello', lane: 'interactive', idempotent: true },
          { value: 42 },
        ),
      ),
    );
    await clock.runUntilIdle();
    expect(result.current).toEqual({ status: 'fulfilled', value: 42 });
  });

  it('rejects an unknown endpoint', async () => {
    const { queue } = createQueue();
    const job = {
      endpoint: 'nope',
      lane: 'interactive',
      idempotent: true,
      run: async () => 1,
    };
    // @ts-expect-error: the endpoint is outside the union on purpose.
    await expect(queue.submit(job)).rejects.toThrow(TypeError);
  });

  it('rejects a download without message key', async () => {
    const { queue } = createQueue();
    const job = {
      endpoint: 'download',
      lane: 'background',
      idempotent: true,
      run: async () => 1,
    } as const;
    await expect(queue.submit(job)).rejects.toThrow(/messageKey/);
  });

  it('rejects an invalid concurrency cap', () => {
    expect(() => createQueue({ maxConcurrent: 0 })).toThrow(RangeError);
  });

  it('rejects an invalid rate limit', () => {
    expect(() => createQueue({ rateLimit: 1001 })).toThrow(RangeError);
  });
});

describe('RequestQueue rate window', () => {
  it('starts a backlog in full windows', async () => {
    const { queue, clock } = createQueue({ rateLimit: 100 });
    const t0 = clock.now();
    const log: StartLog[] = [];
    for (let i = 0; i < 250; i += 1) {
      void queue.submit(
        fakeJob(clock, log, {
          endpoint: 'hello',
          lane: 'background',
          idempotent: true,
        }),
      );
    }
    await clock.runUntilIdle();

    const offsets = log.map((start) => start.at - t0);
    expect(offsets.filter((at) => at === 0)).toHaveLength(100);
    expect(offsets.filter((at) => at === 61_000)).toHaveLength(100);
    expect(offsets.filter((at) => at === 122_000)).toHaveLength(50);
  });

  it('lets public services past a full window', async () => {
    const { queue, clock } = createQueue({ rateLimit: 1 });
    const log: StartLog[] = [];
    void queue.submit(
      fakeJob(clock, log, {
        endpoint: 'hello',
        lane: 'background',
        idempotent: true,
      }),
    );
    void queue.submit(
      fakeJob(clock, log, {
        endpoint: 'hello',
        lane: 'background',
        idempotent: true,
      }),
    );
    void queue.submit(
      fakeJob(clock, log, {
        endpoint: 'validate',
        lane: 'background',
        idempotent: true,
      }),
    );
    await clock.advance(0);
    expect(log.map((start) => start.name)).toEqual(['hello', 'validate']);
  });

  it('applies a raised limit at once', async () => {
    const { queue, clock } = createQueue({ rateLimit: 1 });
    const log: StartLog[] = [];
    for (let i = 0; i < 3; i += 1) {
      void queue.submit(
        fakeJob(clock, log, {
          endpoint: 'hello',
          lane: 'background',
          idempotent: true,
        }),
      );
    }
    await clock.advance(0);
    queue.setRateLimit(3);
    await clock.advance(0);
    expect(log).toHaveLength(3);
  });

  it('applies a lowered limit to later starts', async () => {
    const { queue, clock } = createQueue({ rateLimit: 5 });
    const t0 = clock.now();
    const log: StartLog[] = [];
    for (let i = 0; i < 2; i += 1) {
      void queue.submit(
        fakeJob(clock, log, {
          endpoint: 'hello',
          lane: 'background',
          idempotent: true,
        }),
      );
    }
    await clock.advance(0);
    queue.setRateLimit(2);
    void queue.submit(
      fakeJob(clock, log, {
        endpoint: 'hello',
        lane: 'background',
        idempotent: true,
      }),
    );
    await clock.runUntilIdle();
    expect(log.map((start) => start.at - t0)).toEqual([0, 0, 61_000]);
  });

  it('rejects an invalid limit at run time', () => {
    const { queue } = createQueue();
    expect(() => queue.setRateLimit(0)).toThrow(RangeError);
  });

  it('counts a reserved second call', async () => {
    const { queue, clock } = createQueue({ rateLimit: 2 });
    const t0 = clock.now();
    const log: StartLog[] = [];
    void queue.submit({
      endpoint: 'hello',
      lane: 'background',
      idempotent: true,
      run: async (_signal, context) => {
        log.push({ name: 'first call', at: clock.now() });
        await context.reserveCall();
        log.push({ name: 'second call', at: clock.now() });
      },
    });
    void queue.submit(
      fakeJob(
        clock,
        log,
        { endpoint: 'hello', lane: 'background', idempotent: true },
        { name: 'next job' },
      ),
    );
    await clock.runUntilIdle();
    expect(log.map((start) => `${start.name} ${start.at - t0}`)).toEqual([
      'first call 0',
      'second call 0',
      'next job 61000',
    ]);
  });

  it('caps requests in flight', async () => {
    const { queue, clock } = createQueue({ maxConcurrent: 3 });
    let running = 0;
    let maxRunning = 0;
    for (let i = 0; i < 10; i += 1) {
      void queue.submit({
        endpoint: 'hello',
        lane: 'background',
        idempotent: true,
        run: async (signal) => {
          running += 1;
          maxRunning = Math.max(maxRunning, running);
          await clock.sleep(1_000, signal);
          running -= 1;
        },
      });
    }
    await clock.runUntilIdle();
    expect(maxRunning).toBe(3);
  });

  it('slows down after a 429', async () => {
    const { queue, clock, lines } = createQueue({ rateLimit: 100 });
    const result = capture(
      queue.submit(
        fakeJob(
          clock,
          [],
          { endpoint: 'hello', lane: 'background', idempotent: true },
          { failures: [rateLimited()] },
        ),
      ),
    );
    await clock.advance(0);
    expect(queue.totals().effectiveRateLimit).toBe(50);
    expect(lines.some((line) => line.includes('429'))).toBe(true);
    await clock.runUntilIdle();
    expect(result.current.status).toBe('fulfilled');
  });

  it('recovers the rate after a 429', async () => {
    const { queue, clock } = createQueue({ rateLimit: 100 });
    void queue
      .submit(
        fakeJob(
          clock,
          [],
          { endpoint: 'hello', lane: 'background', idempotent: false },
          { failures: [rateLimited()] },
        ),
      )
      .catch(() => {});
    await clock.advance(0);
    await clock.advance(120_000);
    expect(queue.totals().effectiveRateLimit).toBe(100);
  });
});

describe('RequestQueue lanes', () => {
  it('starts interactive jobs first', async () => {
    const { queue, clock } = createQueue({ maxConcurrent: 1 });
    const log: StartLog[] = [];
    queue.pause();
    for (const name of ['b1', 'b2']) {
      void queue.submit(
        fakeJob(
          clock,
          log,
          { endpoint: 'hello', lane: 'background', idempotent: true },
          { name },
        ),
      );
    }
    for (const name of ['i1', 'i2']) {
      void queue.submit(
        fakeJob(
          clock,
          log,
          { endpoint: 'hello', lane: 'interactive', idempotent: true },
          { name },
        ),
      );
    }
    queue.resume();
    await clock.runUntilIdle();
    expect(log.map((start) => start.name)).toEqual(['i1', 'i2', 'b1', 'b2']);
  });

  it('alternates between CIFs', async () => {
    const { queue, clock } = createQueue({ maxConcurrent: 1 });
    const log: StartLog[] = [];
    queue.pause();
    for (const name of ['A1', 'A2', 'A3', 'A4', 'B1', 'B2']) {
      const cif = name.slice(0, 1);
      void queue.submit(
        fakeJob(
          clock,
          log,
          {
            endpoint: 'listPaginated',
            cif,
            lane: 'background',
            idempotent: true,
          },
          { name },
        ),
      );
    }
    queue.resume();
    await clock.runUntilIdle();
    expect(log.map((start) => start.name)).toEqual([
      'A1',
      'B1',
      'A2',
      'B2',
      'A3',
      'A4',
    ]);
  });

  it('starts nothing while paused', async () => {
    const { queue, clock } = createQueue();
    const log: StartLog[] = [];
    queue.pause();
    void queue.submit(
      fakeJob(clock, log, {
        endpoint: 'hello',
        lane: 'interactive',
        idempotent: true,
      }),
    );
    await clock.advance(10_000);
    expect(log).toHaveLength(0);
    expect(queue.totals().paused).toBe(true);
  });
});

describe('RequestQueue daily budgets', () => {
  const download = {
    endpoint: 'download',
    messageKey: '3001',
    lane: 'background',
    idempotent: true,
  } as const;

  it('rejects the eleventh download', async () => {
    const { queue, clock } = createQueue();
    const log: StartLog[] = [];
    const results = Array.from({ length: 11 }, () =>
      capture(queue.submit(fakeJob(clock, log, download))),
    );
    await clock.runUntilIdle();

    expect(log).toHaveLength(10);
    const last = results[10]?.current;
    expect(last?.status).toBe('rejected');
    const reason = last?.status === 'rejected' ? last.reason : undefined;
    expect(reason).toBeInstanceOf(AppFailure);
    expect((reason as AppFailure).code).toBe('anaf.dailyLimit');
  });

  it('keeps messages apart', async () => {
    const { queue, clock } = createQueue();
    for (let i = 0; i < 10; i += 1)
      void queue.submit(fakeJob(clock, [], download));
    const other = capture(
      queue.submit(fakeJob(clock, [], { ...download, messageKey: '3002' })),
    );
    await clock.runUntilIdle();
    expect(other.current.status).toBe('fulfilled');
  });

  it('reports what is left', async () => {
    const { queue, clock } = createQueue();
    const events: BudgetStatus[] = [];
    queue.on('budget', (status) => events.push(status));
    for (let i = 0; i < 3; i += 1)
      void queue.submit(fakeJob(clock, [], download));
    await clock.runUntilIdle();
    expect(events.map((status) => status.remaining)).toEqual([9, 8, 7]);
    expect(
      queue.budgetLeft({ endpoint: 'download', messageKey: '3001' })?.remaining,
    ).toBe(7);
  });

  it('shares counts through the store', async () => {
    const store = new MemoryBudgetStore();
    const first = createQueue({ budgetStore: store });
    for (let i = 0; i < 10; i += 1)
      void first.queue.submit(fakeJob(first.clock, [], download));
    await first.clock.runUntilIdle();

    const second = createQueue({ budgetStore: store, clock: first.clock });
    const log: StartLog[] = [];
    const result = capture(
      second.queue.submit(fakeJob(second.clock, log, download)),
    );
    await second.clock.runUntilIdle();
    expect(result.current.status).toBe('rejected');
    expect(log).toHaveLength(0);
  });

  it('follows a daily limit reported by ANAF', async () => {
    const { queue, clock } = createQueue();
    const refusal = new AppFailure(
      'anaf.dailyLimit',
      'S-au facut deja 10 descarcari',
    );
    void queue
      .submit(fakeJob(clock, [], download, { failures: [refusal] }))
      .catch(() => {});
    await clock.runUntilIdle();
    const log: StartLog[] = [];
    const next = capture(queue.submit(fakeJob(clock, log, download)));
    await clock.runUntilIdle();
    expect(next.current.status).toBe('rejected');
    expect(log).toHaveLength(0);
  });

  it('waits for the reset when asked', async () => {
    const clock = new ManualClock(Date.parse('2026-01-15T21:00:00Z'));
    const { queue } = createQueue({ clock });
    for (let i = 0; i < 10; i += 1)
      void queue.submit(fakeJob(clock, [], download));
    const log: StartLog[] = [];
    const waiting = capture(
      queue.submit(
        fakeJob(clock, log, { ...download, whenBudgetSpent: 'wait' }),
      ),
    );
    await clock.advance(0);
    expect(queue.jobs().map((job) => job.state)).toEqual(['waitingForBudget']);

    await clock.runUntilIdle();
    expect(waiting.current.status).toBe('fulfilled');
    expect(log[0]?.at).toBe(Date.parse('2026-01-15T22:00:00Z'));
  });

  // Romania midnight is 21:00 UTC in summer and 22:00 UTC in winter. A
  // fixed offset would reset an hour early or late on one of these days.
  it.each([
    {
      name: 'spring change day',
      start: '2026-03-29T20:59:00Z',
      reset: '2026-03-29T21:00:00Z',
      local: '2026-03-30 00:00',
    },
    {
      name: 'autumn change day',
      start: '2026-10-25T21:59:00Z',
      reset: '2026-10-25T22:00:00Z',
      local: '2026-10-26 00:00',
    },
    {
      name: 'eve of autumn change',
      start: '2026-10-24T20:30:00Z',
      reset: '2026-10-24T21:00:00Z',
      local: '2026-10-25 00:00',
    },
  ])('resets at midnight on $name', async ({ start, reset, local }) => {
    const clock = new ManualClock(Date.parse(start));
    const { queue } = createQueue({ clock });
    for (let i = 0; i < 10; i += 1)
      void queue.submit(fakeJob(clock, [], download));
    await clock.runUntilIdle();

    const refused = capture(queue.submit(fakeJob(clock, [], download)));
    await clock.advanceTo(Date.parse(reset) - 1);
    const stillRefused = capture(queue.submit(fakeJob(clock, [], download)));
    await clock.advanceTo(Date.parse(reset));
    const accepted = capture(queue.submit(fakeJob(clock, [], download)));
    await clock.runUntilIdle();

    const reason =
      refused.current.status === 'rejected'
        ? (refused.current.reason as AppFailure)
        : undefined;
    expect(reason?.details?.resetsAtLocal).toBe(local);
    expect(stillRefused.current.status).toBe('rejected');
    expect(accepted.current.status).toBe('fulfilled');
  });
});

describe('RequestQueue retries', () => {
  const read = {
    endpoint: 'listSimple',
    cif: '123',
    lane: 'background',
    idempotent: true,
  } as const;
  const upload = {
    endpoint: 'upload',
    cif: '123',
    lane: 'interactive',
    idempotent: false,
  } as const;

  it('retries an idempotent timeout', async () => {
    const { queue, clock } = createQueue();
    const log: StartLog[] = [];
    const result = capture(
      queue.submit(
        fakeJob(clock, log, read, { failures: [timeout(), timeout()] }),
      ),
    );
    await clock.runUntilIdle();
    expect(result.current.status).toBe('fulfilled');
    expect(log).toHaveLength(3);
  });

  it('waits the jittered back-off', async () => {
    const { queue, clock } = createQueue({ random: () => 0.5 });
    const t0 = clock.now();
    const log: StartLog[] = [];
    void queue.submit(
      fakeJob(clock, log, read, { failures: [timeout(), timeout()] }),
    );
    await clock.runUntilIdle();
    expect(log.map((start) => start.at - t0)).toEqual([0, 500, 1_500]);
  });

  it('gives up after max attempts', async () => {
    const { queue, clock } = createQueue({ retry: { maxAttempts: 3 } });
    const log: StartLog[] = [];
    const failures = [timeout(), timeout(), timeout(), timeout()];
    const result = capture(
      queue.submit(fakeJob(clock, log, read, { failures })),
    );
    await clock.runUntilIdle();
    expect(log).toHaveLength(3);
    expect(result.current.status).toBe('rejected');
  });

  it('never resends an upload after a timeout', async () => {
    const { queue, clock } = createQueue();
    const log: StartLog[] = [];
    const result = capture(
      queue.submit(fakeJob(clock, log, upload, { failures: [timeout()] })),
    );
    await clock.runUntilIdle();
    expect(log).toHaveLength(1);
    const reason =
      result.current.status === 'rejected' ? result.current.reason : undefined;
    expect((reason as AppFailure).code).toBe('anaf.timeout');
  });

  it('resends an upload refused with 429', async () => {
    const { queue, clock } = createQueue();
    const log: StartLog[] = [];
    const job = fakeJob(
      clock,
      log,
      { ...upload, retryOn429EvenIfNotIdempotent: true },
      { failures: [rateLimited()] },
    );
    const result = capture(queue.submit(job));
    await clock.runUntilIdle();
    expect(log).toHaveLength(2);
    expect(result.current.status).toBe('fulfilled');
  });

  it('keeps a 429 upload without the flag', async () => {
    const { queue, clock } = createQueue();
    const log: StartLog[] = [];
    const result = capture(
      queue.submit(fakeJob(clock, log, upload, { failures: [rateLimited()] })),
    );
    await clock.runUntilIdle();
    expect(log).toHaveLength(1);
    expect(result.current.status).toBe('rejected');
  });

  it('spends budget on each attempt', async () => {
    const { queue, clock } = createQueue();
    void queue.submit(fakeJob(clock, [], read, { failures: [timeout()] }));
    await clock.runUntilIdle();
    expect(queue.budgetLeft(read)?.used).toBe(2);
  });

  it('emits the state sequence', async () => {
    const { queue, clock } = createQueue();
    const states: string[] = [];
    queue.on('job', (job) => states.push(job.state));
    void queue.submit(fakeJob(clock, [], read, { failures: [timeout()] }));
    await clock.runUntilIdle();
    expect(states).toEqual([
      'pending',
      'running',
      'retrying',
      'pending',
      'running',
      'done',
    ]);
  });

  it('logs each retry', async () => {
    const { queue, clock, lines } = createQueue();
    void queue.submit(fakeJob(clock, [], read, { failures: [timeout()] }));
    await clock.runUntilIdle();
    expect(lines.filter((line) => line.includes('Retrying'))).toHaveLength(1);
  });
});

describe('RequestQueue shared reads', () => {
  const status = {
    endpoint: 'status',
    messageKey: '5001',
    lane: 'background',
    idempotent: true,
    dedupeKey: 'status:5001',
  } as const;

  it('sends one request for two callers', async () => {
    const { queue, clock } = createQueue();
    const log: StartLog[] = [];
    const first = capture(
      queue.submit(
        fakeJob(clock, log, status, { value: 'ok', durationMs: 100 }),
      ),
    );
    const second = capture(
      queue.submit(fakeJob(clock, log, status, { value: 'other' })),
    );
    await clock.runUntilIdle();
    expect(log).toHaveLength(1);
    expect(first.current).toEqual({ status: 'fulfilled', value: 'ok' });
    expect(second.current).toEqual({ status: 'fulfilled', value: 'ok' });
  });

  it('sends again after the first finished', async () => {
    const { queue, clock } = createQueue();
    const log: StartLog[] = [];
    void queue.submit(fakeJob(clock, log, status));
    await clock.runUntilIdle();
    void queue.submit(fakeJob(clock, log, status));
    await clock.runUntilIdle();
    expect(log).toHaveLength(2);
  });

  it('moves a shared job to the interactive lane', async () => {
    const { queue, clock } = createQueue({ maxConcurrent: 1 });
    const log: StartLog[] = [];
    queue.pause();
    void queue.submit(
      fakeJob(
        clock,
        log,
        { endpoint: 'hello', lane: 'background', idempotent: true },
        { name: 'other' },
      ),
    );
    void queue.submit(fakeJob(clock, log, status, { name: 'status' }));
    void queue.submit(
      fakeJob(
        clock,
        log,
        { ...status, lane: 'interactive' },
        { name: 'status' },
      ),
    );
    queue.resume();
    await clock.runUntilIdle();
    expect(log.map((start) => start.name)).toEqual(['status', 'other']);
  });

  it('keeps a shared job for the remaining caller', async () => {
    const { queue, clock } = createQueue();
    const controller = new AbortController();
    const first = capture(
      queue.submit(
        fakeJob(
          clock,
          [],
          { ...status, signal: controller.signal },
          { durationMs: 100 },
        ),
      ),
    );
    const second = capture(
      queue.submit(fakeJob(clock, [], status, { durationMs: 100 })),
    );
    await clock.advance(10);
    controller.abort(new DOMException('user left', 'AbortError'));
    await clock.runUntilIdle();
    expect(first.current.status).toBe('rejected');
    expect(second.current.status).toBe('fulfilled');
  });
});

describe('RequestQueue cancellation', () => {
  const hello = {
    endpoint: 'hello',
    lane: 'interactive',
    idempotent: true,
  } as const;

  it('drops a waiting job', async () => {
    const { queue, clock } = createQueue();
    const log: StartLog[] = [];
    const controller = new AbortController();
    queue.pause();
    const result = capture(
      queue.submit(
        fakeJob(clock, log, { ...hello, signal: controller.signal }),
      ),
    );
    controller.abort(new DOMException('no longer needed', 'AbortError'));
    queue.resume();
    await clock.runUntilIdle();
    expect(log).toHaveLength(0);
    expect(result.current.status).toBe('rejected');
  });

  it('aborts a running job', async () => {
    const { queue, clock } = createQueue();
    const controller = new AbortController();
    const result = capture(
      queue.submit(
        fakeJob(
          clock,
          [],
          { ...hello, signal: controller.signal },
          { durationMs: 5_000 },
        ),
      ),
    );
    await clock.advance(10);
    controller.abort(new DOMException('no longer needed', 'AbortError'));
    await clock.runUntilIdle();
    expect(result.current.status).toBe('rejected');
    expect(queue.totals().jobs.failed).toBe(1);
  });

  it('stops a retry back-off', async () => {
    const { queue, clock } = createQueue();
    const log: StartLog[] = [];
    const controller = new AbortController();
    void queue
      .submit(
        fakeJob(
          clock,
          log,
          { ...hello, signal: controller.signal },
          { failures: [timeout()] },
        ),
      )
      .catch(() => {});
    await clock.advance(0);
    controller.abort(new DOMException('no longer needed', 'AbortError'));
    await clock.runUntilIdle();
    expect(log).toHaveLength(1);
  });

  it('rejects an already aborted signal', async () => {
    const { queue } = createQueue();
    const signal = AbortSignal.abort(new DOMException('gone', 'AbortError'));
    await expect(
      queue.submit({ ...hello, signal, run: async () => 1 }),
    ).rejects.toThrow('gone');
  });
});

describe('RequestQueue close', () => {
  const hello = {
    endpoint: 'hello',
    lane: 'interactive',
    idempotent: true,
  } as const;

  it('rejects waiting jobs and lets running ones finish', async () => {
    const { queue, clock } = createQueue({ maxConcurrent: 1 });
    const running = capture(
      queue.submit(fakeJob(clock, [], hello, { durationMs: 1_000 })),
    );
    const waiting = capture(queue.submit(fakeJob(clock, [], hello)));
    await clock.advance(0);
    const closed = capture(queue.close());
    await clock.advance(0);
    expect(waiting.current.status).toBe('rejected');
    expect(closed.current.status).toBe('pending');
    await clock.runUntilIdle();
    expect(running.current.status).toBe('fulfilled');
    expect(closed.current.status).toBe('fulfilled');
  });

  it('aborts running jobs when asked', async () => {
    const { queue, clock } = createQueue();
    const running = capture(
      queue.submit(fakeJob(clock, [], hello, { durationMs: 60_000 })),
    );
    await clock.advance(0);
    await queue.close({ abortRunning: true });
    expect(running.current.status).toBe('rejected');
  });

  it('rejects retrying jobs', async () => {
    const { queue, clock } = createQueue();
    const log: StartLog[] = [];
    const retrying = capture(
      queue.submit(fakeJob(clock, log, hello, { failures: [timeout()] })),
    );
    await clock.advance(0);
    await queue.close();
    await clock.runUntilIdle();
    expect(retrying.current.status).toBe('rejected');
    expect(log).toHaveLength(1);
  });

  it('rejects jobs after close', async () => {
    const { queue } = createQueue();
    await queue.close();
    await expect(
      queue.submit({ ...hello, run: async () => 1 }),
    ).rejects.toThrow(/closed/);
  });

  it('leaves no timers behind', async () => {
    const { queue, clock } = createQueue({ rateLimit: 1 });
    void queue.submit(fakeJob(clock, [], hello)).catch(() => {});
    void queue.submit(fakeJob(clock, [], hello)).catch(() => {});
    await clock.advance(0);
    await queue.close();
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('RequestQueue events', () => {
  it('reports totals', async () => {
    const { queue, clock } = createQueue({ rateLimit: 1 });
    const totals: QueueTotals[] = [];
    queue.on('totals', (value) => totals.push(value));
    for (let i = 0; i < 2; i += 1) {
      void queue.submit(
        fakeJob(clock, [], {
          endpoint: 'hello',
          lane: 'background',
          idempotent: true,
        }),
      );
    }
    await clock.advance(0);
    expect(totals.at(-1)?.jobs).toMatchObject({ pending: 1, done: 1 });
    expect(totals.at(-1)?.callsInWindow).toBe(1);
  });

  it('describes jobs without functions', async () => {
    const { queue, clock } = createQueue();
    const jobs: JobSnapshot[] = [];
    queue.on('job', (job) => jobs.push(job));
    void queue.submit(
      fakeJob(clock, [], {
        endpoint: 'download',
        messageKey: '9',
        cif: '1',
        lane: 'background',
        idempotent: true,
      }),
    );
    await clock.runUntilIdle();
    expect(JSON.parse(JSON.stringify(jobs.at(-1)))).toEqual({
      id: 1,
      endpoint: 'download',
      lane: 'background',
      cif: '1',
      messageKey: '9',
      state: 'done',
      attempt: 1,
    });
  });

  it('stops sending to a removed listener', async () => {
    const { queue, clock } = createQueue();
    const jobs: JobSnapshot[] = [];
    const off = queue.on('job', (job) => jobs.push(job));
    off();
    void queue.submit(
      fakeJob(clock, [], {
        endpoint: 'hello',
        lane: 'background',
        idempotent: true,
      }),
    );
    await clock.runUntilIdle();
    expect(jobs).toHaveLength(0);
  });

  it('survives a failing listener', async () => {
    const { queue, clock, lines } = createQueue();
    queue.on('job', () => {
      throw new Error('listener bug');
    });
    const result = capture(
      queue.submit(
        fakeJob(clock, [], {
          endpoint: 'hello',
          lane: 'background',
          idempotent: true,
        }),
      ),
    );
    await clock.runUntilIdle();
    expect(result.current.status).toBe('fulfilled');
    expect(lines.some((line) => line.includes('listener bug'))).toBe(true);
  });
});
