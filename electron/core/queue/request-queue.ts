/**
 * The one queue every ANAF call goes through. It starts jobs in lane and
 * fairness order, keeps the per-minute rate window, spends and persists the
 * daily budgets, retries what is safe to retry, lets identical reads share
 * one request, and reports every job's state as events.
 *
 * The queue does not depend on HTTP: a job is a function that sends one
 * request, and its failures are classified by `classifyFailure`.
 */
import { AppFailure } from '../../../shared/result.ts';
import type { Logger } from '../log/logger.ts';
import { describeError } from '../log/logger.ts';
import { BudgetLedger } from './budget-ledger.ts';
import { MemoryBudgetStore } from './budget-store.ts';
import type { BudgetSlot, BudgetStatus, BudgetTarget } from './budgets.ts';
import { budgetSlotFor, dailyLimitFailure } from './budgets.ts';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import { ENDPOINT_POLICIES } from './endpoints.ts';
import type {
  JobSnapshot,
  JobState,
  QueueEventName,
  QueueListener,
  QueueTotals,
} from './events.ts';
import { QueueEvents } from './events.ts';
import type { JobContext, QueueJob } from './job.ts';
import type { JobRecord, Outcome, Subscriber } from './job-record.ts';
import {
  cancelledError,
  errorSummary,
  jobFields,
  notSentError,
  snapshot,
} from './job-record.ts';
import type { Lane } from './lanes.ts';
import { LANES } from './lanes.ts';
import { PendingJobs } from './pending-jobs.ts';
import type { RequestQueueOptions } from './queue-options.ts';
import { maxConcurrent, rateWindowConfig } from './queue-options.ts';
import type { RateWindowConfig, RateWindowState } from './rate-window.ts';
import {
  EMPTY_RATE_WINDOW,
  callsInWindow,
  earliestStart,
  effectiveLimit,
  recordRateLimited,
  recordJobEnd,
  recordStart,
  slowdownShare,
  validateRateLimit,
} from './rate-window.ts';
import type { RetryPolicy } from './retry.ts';
import { DEFAULT_RETRY_POLICY, decideRetry } from './retry.ts';
import { WakeTimer } from './wake-timer.ts';

export type { RequestQueueOptions } from './queue-options.ts';
export { DEFAULT_MAX_CONCURRENT } from './queue-options.ts';

/** While slowed down after a 429, the limit recovers; look again this often. */
const SLOWDOWN_RECHECK_MS = 5_000;

interface Reservation {
  /** The job whose extra call waits for room in the rate window. */
  job: number;
  grant: () => void;
}

export class RequestQueue {
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #budgets: BudgetLedger;
  readonly #events: QueueEvents;
  readonly #wake: WakeTimer;
  readonly #retryPolicy: RetryPolicy;
  readonly #random: () => number;
  readonly #maxConcurrent: number;
  readonly #config: RateWindowConfig;

  #window: RateWindowState = EMPTY_RATE_WINDOW;
  #pending = new PendingJobs<JobRecord>();
  #live = new Map<number, JobRecord>();
  #byDedupeKey = new Map<string, JobRecord>();
  #reservations: Reservation[] = [];
  #counts: Record<JobState, number> = {
    pending: 0,
    running: 0,
    waitingForBudget: 0,
    retrying: 0,
    done: 0,
    failed: 0,
  };
  #paused = false;
  #closed = false;
  #idleWaiters: Array<() => void> = [];
  #nextId = 1;

  constructor(options: RequestQueueOptions) {
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger.child('queue');
    this.#retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#random = options.random ?? Math.random;
    this.#maxConcurrent = maxConcurrent(options);
    this.#config = rateWindowConfig(options);
    this.#events = new QueueEvents((error) =>
      this.#logger.error('A queue event listener failed', {
        error: describeError(error),
      }),
    );
    this.#budgets = new BudgetLedger(
      options.budgetStore ?? new MemoryBudgetStore(),
      (status) => this.#events.emit('budget', status),
    );
    this.#wake = new WakeTimer(this.#clock, () => this.#dispatch());
  }

  /**
   * Queues a job and resolves with what its `run` returns, or rejects with
   * its last error, an `anaf.dailyLimit` AppFailure when the call's budget
   * is spent, or an AbortError when the caller cancelled or the queue
   * closed.
   */
  submit<T>(job: QueueJob<T>): Promise<T> {
    if (this.#closed) return Promise.reject(notSentError());
    if (job.signal?.aborted) return Promise.reject(job.signal.reason);
    if (!ENDPOINT_POLICIES[job.endpoint] || !LANES.includes(job.lane)) {
      return Promise.reject(
        new TypeError(
          `Invalid job: unknown endpoint ${job.endpoint} or lane ${job.lane}.`,
        ),
      );
    }

    let slot: BudgetSlot | null;
    try {
      slot = budgetSlotFor(job);
    } catch (error) {
      return Promise.reject(error);
    }

    const shared = job.dedupeKey
      ? this.#byDedupeKey.get(job.dedupeKey)
      : undefined;
    if (shared) {
      this.#promote(shared, job.lane);
      return this.#subscribe(shared, job.signal) as Promise<T>;
    }

    const record = this.#createRecord(job as QueueJob<unknown>, slot);
    const result = this.#subscribe(record, job.signal) as Promise<T>;
    this.#pending.add(record);
    this.#emitJob(record);
    this.#dispatch();
    return result;
  }

  /** Sets the calls allowed per minute (1..1000), effective at once. */
  setRateLimit(limit: number): void {
    this.#config.limit = validateRateLimit(limit);
    this.#logger.info('Rate limit set', { callsPerMinute: limit });
    this.#emitTotals();
    this.#dispatch();
  }

  /** Stops starting jobs; requests in flight go on. */
  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    this.#logger.info('Queue paused', { waiting: this.#pending.size });
    this.#emitTotals();
  }

  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.#logger.info('Queue resumed', { waiting: this.#pending.size });
    this.#emitTotals();
    this.#dispatch();
  }

  /**
   * Rejects every job that has not started with an AbortError and resolves
   * once the requests in flight have finished. With `abortRunning`, those
   * are aborted through their signal too.
   */
  async close(options: { abortRunning?: boolean } = {}): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.#wake.cancel();
      this.#logger.info('Queue closing', {
        waiting: this.#pending.size,
        running: this.#counts.running,
      });

      for (const record of this.#pending.values()) {
        this.#pending.remove(record);
        this.#finish(record, { ok: false, error: notSentError() });
      }
      for (const record of [...this.#live.values()]) {
        if (record.state !== 'running') record.controller.abort(notSentError());
        else if (options.abortRunning)
          record.controller.abort(cancelledError());
      }
    }
    if (this.#counts.running > 0) {
      await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
    }
  }

  /** Adds an event listener and returns the function that removes it. */
  on<K extends QueueEventName>(
    name: K,
    listener: QueueListener<K>,
  ): () => void {
    return this.#events.on(name, listener);
  }

  totals(): QueueTotals {
    const now = this.#clock.now();
    return {
      jobs: { ...this.#counts },
      paused: this.#paused,
      rateLimit: this.#config.limit,
      effectiveRateLimit: effectiveLimit(this.#window, this.#config, now),
      callsInWindow: callsInWindow(this.#window, this.#config, now),
    };
  }

  /** Snapshots of the jobs that have not finished. */
  jobs(): JobSnapshot[] {
    return [...this.#live.values()].map((record) => snapshot(record));
  }

  /** Returns what is left today of a call's daily budget, or null if none. */
  budgetLeft(target: BudgetTarget): BudgetStatus | null {
    const slot = budgetSlotFor(target);
    return slot ? this.#budgets.status(slot, this.#clock.now()) : null;
  }

  #createRecord(job: QueueJob<unknown>, slot: BudgetSlot | null): JobRecord {
    const id = this.#nextId++;
    const record: JobRecord = {
      id,
      seq: id,
      lane: job.lane,
      group: job.cif ?? '',
      spec: job,
      slot,
      countsTowardRateLimit:
        ENDPOINT_POLICIES[job.endpoint].countsTowardRateLimit,
      state: 'pending',
      attempt: 0,
      resumesAt: undefined,
      error: undefined,
      subscribers: new Set(),
      controller: new AbortController(),
    };
    this.#live.set(id, record);
    this.#counts.pending += 1;
    if (job.dedupeKey) this.#byDedupeKey.set(job.dedupeKey, record);
    return record;
  }

  /** Moves a shared job to a more urgent lane when a new caller needs it. */
  #promote(record: JobRecord, lane: Lane): void {
    if (LANES.indexOf(lane) >= LANES.indexOf(record.lane)) return;
    const wasPending = this.#pending.remove(record);
    record.lane = lane;
    if (wasPending) this.#pending.add(record);
    this.#emitJob(record);
    this.#dispatch();
  }

  #subscribe(
    record: JobRecord,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const subscriber: Subscriber = { resolve, reject, detach: () => {} };
      if (signal) {
        const onAbort = (): void =>
          this.#unsubscribe(record, subscriber, signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        subscriber.detach = () => signal.removeEventListener('abort', onAbort);
      }
      record.subscribers.add(subscriber);
    });
  }

  #unsubscribe(
    record: JobRecord,
    subscriber: Subscriber,
    reason: unknown,
  ): void {
    if (!record.subscribers.delete(subscriber)) return;
    subscriber.reject(reason);
    if (record.subscribers.size > 0) return;

    // The last caller lost interest: drop the job if it has not started,
    // else stop its request, back-off or budget wait.
    if (this.#pending.remove(record))
      this.#finish(record, { ok: false, error: reason });
    else record.controller.abort(reason);
  }

  #dispatch(): void {
    for (;;) {
      const now = this.#clock.now();

      // Running jobs that need a second call go first: they hold a slot.
      if (this.#reservations.length > 0) {
        if (!this.#grantReservation(now)) return;
        continue;
      }
      if (this.#closed || this.#paused) return;
      if (this.#counts.running >= this.#maxConcurrent) return;

      const record = this.#nextToStart(now);
      if (!record) return;
      if (this.#stopIfBudgetSpent(record, now)) continue;
      this.#start(record, now);
    }
  }

  /**
   * Returns the next job the rate window lets start now. While the window
   * is full, only jobs that do not count toward it (public services) may
   * start, and a wake-up is set for when it has room again.
   */
  #nextToStart(now: number): JobRecord | undefined {
    const next = this.#pending.peek();
    if (!next || !next.countsTowardRateLimit) return next;

    const at = earliestStart(this.#window, this.#config, now);
    if (at <= now) return next;

    this.#armWake(at, now);
    return this.#pending.peekUncounted();
  }

  #grantReservation(now: number): boolean {
    const at = earliestStart(this.#window, this.#config, now);
    if (at > now) {
      this.#armWake(at, now);
      return false;
    }
    const reservation = this.#reservations.shift();
    if (reservation) {
      this.#window = recordStart(
        this.#window,
        this.#config,
        now,
        reservation.job,
      );
    }
    reservation?.grant();
    return true;
  }

  #start(record: JobRecord, now: number): void {
    this.#pending.remove(record);
    this.#pending.markServed(record);

    if (record.slot && !this.#budgets.trySpend(record.slot, now)) {
      this.#onBudgetSpent(record, now);
      return;
    }
    if (record.countsTowardRateLimit) {
      this.#window = recordStart(this.#window, this.#config, now, record.id);
    }

    record.attempt += 1;
    record.resumesAt = undefined;
    this.#setState(record, 'running');
    void this.#runAttempt(record);
  }

  async #runAttempt(record: JobRecord): Promise<void> {
    const context: JobContext = {
      attempt: record.attempt,
      reserveCall: () => this.#reserveCall(record),
    };
    let outcome: Outcome;
    try {
      outcome = {
        ok: true,
        value: await record.spec.run(record.controller.signal, context),
      };
    } catch (error) {
      outcome = { ok: false, error };
    }

    // Every call of the attempt has reached ANAF or failed by now.
    this.#window = recordJobEnd(this.#window, record.id, this.#clock.now());
    // Both paths leave the running state, which frees the slot.
    if (outcome.ok) this.#finish(record, outcome);
    else this.#onFailure(record, outcome.error);

    this.#dispatch();
    if (this.#counts.running === 0) this.#notifyIdle();
  }

  #onFailure(record: JobRecord, error: unknown): void {
    if (record.controller.signal.aborted) {
      this.#finish(record, {
        ok: false,
        error: record.controller.signal.reason,
      });
      return;
    }

    const now = this.#clock.now();
    const decision = decideRetry({
      error,
      attempt: record.attempt,
      idempotent: record.spec.idempotent,
      retryOn429EvenIfNotIdempotent:
        record.spec.retryOn429EvenIfNotIdempotent ?? false,
      policy: this.#retryPolicy,
      random: this.#random(),
    });
    if (decision.kind === 'rateLimited') this.#slowDown(record, now);
    // ANAF reported the daily limit reached, so the local count follows.
    const spent =
      error instanceof AppFailure && error.code === 'anaf.dailyLimit';
    if (spent && record.slot) this.#budgets.exhaust(record.slot, now);

    if (!decision.retry || this.#closed) {
      this.#logger.debug('Job failed', {
        ...jobFields(record),
        error: describeError(error),
      });
      this.#finish(record, { ok: false, error });
      return;
    }

    record.error = errorSummary(error);
    record.resumesAt = now + decision.delayMs;
    this.#setState(record, 'retrying');
    this.#logger.info('Retrying after a failed attempt', {
      ...jobFields(record),
      kind: decision.kind,
      delayMs: decision.delayMs,
      error: describeError(error),
    });
    void this.#requeueAfter(record, decision.delayMs);
  }

  #slowDown(record: JobRecord, now: number): void {
    this.#window = recordRateLimited(this.#window, this.#config, now);
    this.#logger.warn(
      'ANAF returned 429 Too Many Requests, so the queue lowers its call rate',
      {
        ...jobFields(record),
        callsPerMinute: effectiveLimit(this.#window, this.#config, now),
      },
    );
    this.#emitTotals();
  }

  /** Handles a job whose budget is spent; returns false if it is not. */
  #stopIfBudgetSpent(record: JobRecord, now: number): boolean {
    if (!record.slot || !this.#budgets.isSpent(record.slot, now)) return false;
    this.#pending.remove(record);
    this.#onBudgetSpent(record, now);
    return true;
  }

  #onBudgetSpent(record: JobRecord, now: number): void {
    if (!record.slot) return;
    const status = this.#budgets.status(record.slot, now);
    const fields = {
      ...jobFields(record),
      resetsAt: new Date(status.resetsAt).toISOString(),
    };

    if (record.spec.whenBudgetSpent === 'wait') {
      this.#logger.info(
        'Daily budget spent; the job waits for the reset',
        fields,
      );
      record.resumesAt = status.resetsAt;
      this.#setState(record, 'waitingForBudget');
      void this.#requeueAfter(record, status.resetsAt - now);
      return;
    }
    this.#logger.warn('Daily budget spent; the request was not sent', fields);
    this.#finish(record, { ok: false, error: dailyLimitFailure(status) });
  }

  /** Waits (back-off or budget reset), then puts the job back at the front. */
  async #requeueAfter(record: JobRecord, delayMs: number): Promise<void> {
    try {
      await this.#clock.sleep(delayMs, record.controller.signal);
    } catch (reason) {
      this.#finish(record, { ok: false, error: reason });
      return;
    }
    if (this.#closed) {
      this.#finish(record, { ok: false, error: notSentError() });
      return;
    }
    record.resumesAt = undefined;
    this.#setState(record, 'pending');
    this.#pending.add(record, 'front');
    this.#dispatch();
  }

  #reserveCall(record: JobRecord): Promise<void> {
    const signal = record.controller.signal;
    if (signal.aborted) return Promise.reject(signal.reason);
    if (!record.countsTowardRateLimit) return Promise.resolve();

    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.#reservations = this.#reservations.filter(
          (r) => r !== reservation,
        );
        reject(signal.reason);
      };
      const reservation: Reservation = {
        job: record.id,
        grant: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#reservations.push(reservation);
      this.#dispatch();
    });
  }

  #finish(record: JobRecord, outcome: Outcome): void {
    if (record.state === 'done' || record.state === 'failed') return;
    this.#live.delete(record.id);
    const key = record.spec.dedupeKey;
    if (key && this.#byDedupeKey.get(key) === record)
      this.#byDedupeKey.delete(key);

    record.resumesAt = undefined;
    record.error = outcome.ok ? undefined : errorSummary(outcome.error);
    this.#setState(record, outcome.ok ? 'done' : 'failed');

    for (const subscriber of record.subscribers) {
      subscriber.detach();
      if (outcome.ok) subscriber.resolve(outcome.value);
      else subscriber.reject(outcome.error);
    }
    record.subscribers.clear();
  }

  #setState(record: JobRecord, state: JobState): void {
    this.#counts[record.state] -= 1;
    this.#counts[state] += 1;
    record.state = state;
    this.#emitJob(record);
  }

  #emitJob(record: JobRecord): void {
    this.#events.emit('job', snapshot(record));
    this.#emitTotals();
  }

  #emitTotals(): void {
    this.#events.emit('totals', this.totals());
  }

  #armWake(at: number, now: number): void {
    // While slowed down the limit recovers over time, so look again sooner.
    // Otherwise an infinite time means that only the end of a call on the
    // way makes room, and every job's end dispatches again.
    const slowed = slowdownShare(this.#window.slowdown, this.#config, now) < 1;
    const wakeAt = slowed ? Math.min(at, now + SLOWDOWN_RECHECK_MS) : at;
    if (Number.isFinite(wakeAt)) this.#wake.arm(wakeAt, now);
  }

  #notifyIdle(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
