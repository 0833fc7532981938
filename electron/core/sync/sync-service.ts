/**
 * Background sync of every followed company: once at start-up, then every
 * `intervalMinutes` after the previous round ends, and on demand. One sync
 * per company runs at a time; asking for a company that is syncing joins
 * the running sync. Progress goes to `onProgress`, and each run that
 * archived received invoices or rejected uploads goes to `onNotice`, which
 * the shell turns into a desktop notification.
 */
import type { InvoiceRow, SyncProgress } from '../../../shared/domain.ts';
import { describeError, type Logger } from '../log/logger.ts';

import { failureCause } from './failures.ts';
import { idleProgress, setProgressError } from './progress.ts';
import { syncError } from './sync-errors.ts';
import {
  syncCompany,
  type CompanySync,
  type SyncContext,
  type SyncOutcome,
  type SyncRunOptions,
} from './sync-company.ts';

/** The messages a run archived that the user should hear about. */
export interface SyncNotice {
  cif: string;
  received: InvoiceRow[];
  rejected: InvoiceRow[];
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncServiceOptions extends SyncContext {
  /**
   * The followed companies that can sync now, each with the client of an
   * account that has rights on it. Read again at every round.
   */
  companies: () => CompanySync[] | Promise<CompanySync[]>;
  /** Minutes between the end of a round and the next; 0 turns it off. */
  intervalMinutes: number;
  onProgress?: (progress: SyncProgress) => void;
  onNotice?: (notice: SyncNotice) => void;
  timers?: Timers;
  /** Replaces `syncCompany`, for tests of the scheduling alone. */
  runCompany?: (
    company: CompanySync,
    context: SyncContext,
    options: SyncRunOptions,
  ) => Promise<SyncOutcome>;
}

const MINUTE_MS = 60_000;

export class SyncService {
  readonly #options: SyncServiceOptions;
  readonly #logger: Logger;
  readonly #timers: Timers;
  readonly #running = new Map<string, Promise<SyncProgress>>();
  readonly #latest = new Map<string, SyncProgress>();
  readonly #controller = new AbortController();
  #intervalMinutes: number;
  #timer: unknown = null;
  #started = false;
  #stopped = false;

  constructor(options: SyncServiceOptions) {
    this.#options = options;
    this.#logger = options.logger.child('sync');
    this.#timers = options.timers ?? {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) =>
        clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.#intervalMinutes = checkedInterval(options.intervalMinutes);
  }

  /** Starts a round now and schedules the next ones. */
  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    this.#logger.info('Background sync started', {
      intervalMinutes: this.#intervalMinutes,
    });
    void this.#scheduledRound();
  }

  /** Changes the interval; the next round is scheduled from now. */
  setIntervalMinutes(minutes: number): void {
    this.#intervalMinutes = checkedInterval(minutes);
    this.#logger.info('Sync interval changed', { intervalMinutes: minutes });
    if (this.#started && this.#running.size === 0) this.#schedule();
  }

  /**
   * Syncs one company, or every followed company, now. Resolves with the
   * final progress of each. A company that is syncing already is joined,
   * not synced twice.
   */
  async runNow(cif?: string): Promise<SyncProgress[]> {
    const companies = await this.#options.companies();
    const chosen =
      cif === undefined
        ? companies
        : companies.filter((company) => company.cif === cif);
    return Promise.all(chosen.map((company) => this.#syncOnce(company)));
  }

  /** Returns the latest progress of every company synced since start. */
  status(): SyncProgress[] {
    return [...this.#latest.values()].map((progress) => ({ ...progress }));
  }

  /** Cancels the timer and every running sync, and waits for them. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#clearTimer();
    this.#controller.abort(
      new DOMException('The sync service stopped.', 'AbortError'),
    );
    await Promise.allSettled([...this.#running.values()]);
    this.#logger.info('Background sync stopped');
  }

  async #scheduledRound(): Promise<void> {
    this.#clearTimer();
    try {
      await this.runNow();
    } catch (error) {
      this.#logger.error('Background sync round failed', {
        error: describeError(error),
      });
    }
    this.#schedule();
  }

  #schedule(): void {
    this.#clearTimer();
    if (this.#stopped || this.#intervalMinutes === 0) return;
    this.#timer = this.#timers.setTimeout(
      () => void this.#scheduledRound(),
      this.#intervalMinutes * MINUTE_MS,
    );
  }

  #clearTimer(): void {
    if (this.#timer === null) return;
    this.#timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #syncOnce(company: CompanySync): Promise<SyncProgress> {
    const running = this.#running.get(company.cif);
    if (running) return running;
    if (this.#stopped) {
      return Promise.resolve(
        this.#latest.get(company.cif) ?? idleProgress(company.cif),
      );
    }

    const run = this.#run(company).finally(() =>
      this.#running.delete(company.cif),
    );
    this.#running.set(company.cif, run);
    return run;
  }

  async #run(company: CompanySync): Promise<SyncProgress> {
    const report = (progress: SyncProgress) => {
      this.#latest.set(company.cif, progress);
      this.#options.onProgress?.(progress);
    };
    const runCompany = this.#options.runCompany ?? syncCompany;
    try {
      const outcome = await runCompany(company, this.#options, {
        signal: this.#controller.signal,
        onProgress: report,
      });
      this.#notify(company.cif, outcome);
      return outcome.progress;
    } catch (error) {
      // syncCompany reports expected failures in its progress; this is a bug.
      this.#logger.error('Sync failed unexpectedly', {
        cif: company.cif,
        error: describeError(error),
      });
      const progress: SyncProgress = {
        ...(this.#latest.get(company.cif) ?? idleProgress(company.cif)),
        running: false,
        finishedAt: new Date().toISOString(),
      };
      setProgressError(
        progress,
        syncError('unexpected', {
          cause: failureCause(error, describeError(error)),
        }),
      );
      report(progress);
      return progress;
    }
  }

  #notify(cif: string, outcome: SyncOutcome): void {
    if (outcome.received.length === 0 && outcome.rejected.length === 0) return;
    try {
      this.#options.onNotice?.({
        cif,
        received: outcome.received,
        rejected: outcome.rejected,
      });
    } catch (error) {
      this.#logger.error('A sync notice listener failed', {
        cif,
        error: describeError(error),
      });
    }
  }
}

function checkedInterval(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new RangeError(
      `Invalid sync interval ${minutes}: expected a whole number of minutes, 0 or more.`,
    );
  }
  return minutes;
}
