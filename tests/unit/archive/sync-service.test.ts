/**
 * The sync scheduler with a scripted company sync and manual timers. The
 * tests check when rounds start, that a company never syncs twice at once,
 * and what is reported.
 */
import { describe, expect, it } from 'vitest';

import type { InvoiceRow, SyncProgress } from '../../../shared/domain.ts';
import type { Archive } from '../../../electron/core/archive/index.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import {
  idleProgress,
  SyncService,
  type CompanySync,
  type SyncNotice,
  type SyncOutcome,
  type Timers,
} from '../../../electron/core/sync/index.ts';

class ManualTimers implements Timers {
  pending: Array<{ callback: () => void; ms: number; id: number }> = [];
  #next = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#next++;
    this.pending.push({ callback, ms, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }

  fire(): void {
    const timers = this.pending;
    this.pending = [];
    for (const timer of timers) timer.callback();
  }
}

function company(cif: string): CompanySync {
  const client = {
    listMessagePage: () => Promise.reject(new Error('not used')),
    download: () => Promise.reject(new Error('not used')),
  };
  return { cif, apiPath: 'test', client };
}

function finished(cif: string, rows: Partial<SyncOutcome> = {}): SyncOutcome {
  return {
    progress: { ...idleProgress(cif), finishedAt: '2025-01-01T00:00:00Z' },
    received: [],
    rejected: [],
    ...rows,
  };
}

interface Harness {
  service: SyncService;
  timers: ManualTimers;
  runs: string[];
  notices: SyncNotice[];
  progress: SyncProgress[];
  signals: AbortSignal[];
  /** Resolves the runs that are waiting, in start order. */
  release(): void;
}

function harness(
  intervalMinutes: number,
  outcome: (cif: string) => SyncOutcome = (cif) => finished(cif),
): Harness {
  const timers = new ManualTimers();
  const runs: string[] = [];
  const notices: SyncNotice[] = [];
  const progress: SyncProgress[] = [];
  const signals: AbortSignal[] = [];
  const waiting: Array<() => void> = [];
  const { logger } = createMemoryLogger();

  const service = new SyncService({
    archive: {} as Archive,
    queue: { submit: () => Promise.reject(new Error('not used')) },
    logger,
    companies: () => [company('111'), company('222')],
    intervalMinutes,
    timers,
    onNotice: (notice) => notices.push(notice),
    onProgress: (event) => progress.push(event),
    runCompany: (target, _context, options) => {
      runs.push(target.cif);
      if (options.signal) signals.push(options.signal);
      options.onProgress?.({ ...idleProgress(target.cif), running: true });
      return new Promise((resolve) =>
        waiting.push(() => resolve(outcome(target.cif))),
      );
    },
  });
  return {
    service,
    timers,
    runs,
    notices,
    progress,
    signals,
    release: () => {
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SyncService', () => {
  it('syncs every company at start', async () => {
    const test = harness(30);
    test.service.start();
    await settle();
    expect(test.runs).toEqual(['111', '222']);
  });

  it('schedules the next round after one ends', async () => {
    const test = harness(30);
    test.service.start();
    await settle();
    expect(test.timers.pending).toEqual([]);

    test.release();
    await settle();
    expect(test.timers.pending.map((timer) => timer.ms)).toEqual([1_800_000]);

    test.timers.fire();
    await settle();
    expect(test.runs).toEqual(['111', '222', '111', '222']);
  });

  it('schedules nothing with an interval of 0', async () => {
    const test = harness(0);
    test.service.start();
    await settle();
    test.release();
    await settle();
    expect(test.timers.pending).toEqual([]);
  });

  it('joins a company sync that is running', async () => {
    const test = harness(30);
    const first = test.service.runNow('111');
    const second = test.service.runNow('111');
    await settle();
    test.release();
    const results = await Promise.all([first, second]);
    expect(test.runs).toEqual(['111']);
    expect(results[1]?.[0]?.cif).toBe('111');
  });

  it('syncs one company on demand', async () => {
    const test = harness(30);
    const run = test.service.runNow('222');
    await settle();
    test.release();
    await run;
    expect(test.runs).toEqual(['222']);
  });

  it('keeps the latest progress per company', async () => {
    const test = harness(30);
    const run = test.service.runNow();
    await settle();
    expect(test.service.status().map((progress) => progress.running)).toEqual([
      true,
      true,
    ]);
    test.release();
    await run;
    expect(test.progress.length).toBeGreaterThanOrEqual(2);
  });

  it('notifies received invoices and rejected uploads', async () => {
    const row = { messageId: '3001' } as InvoiceRow;
    const test = harness(30, (cif) =>
      cif === '111' ? finished(cif, { received: [row] }) : finished(cif),
    );
    const run = test.service.runNow();
    await settle();
    test.release();
    await run;
    expect(test.notices).toEqual([
      { cif: '111', received: [row], rejected: [] },
    ]);
  });

  it('cancels running syncs when stopped', async () => {
    const test = harness(30);
    test.service.start();
    await settle();
    const stopping = test.service.stop();
    expect(test.signals.every((signal) => signal.aborted)).toBe(true);
    test.release();
    await stopping;
    expect(test.timers.pending).toEqual([]);
  });

  it('keeps an unexpected failure as a kind', async () => {
    const { logger } = createMemoryLogger();
    const service = new SyncService({
      archive: {} as Archive,
      queue: { submit: () => Promise.reject(new Error('not used')) },
      logger,
      companies: () => [company('111')],
      intervalMinutes: 0,
      runCompany: () => Promise.reject(new TypeError('boom')),
    });
    const [progress] = await service.runNow('111');

    expect(progress?.errorKind).toBe('unexpected');
    expect(progress?.errorValues?.cause?.code).toBeNull();
    expect(progress?.error).toBe(
      'The sync failed unexpectedly: TypeError: boom',
    );
  });

  it('rejects a negative interval', () => {
    const test = harness(30);
    expect(() => test.service.setIntervalMinutes(-1)).toThrow(RangeError);
  });
});
