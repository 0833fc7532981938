/**
 * A company sync's progress, reported through a callback at most every
 * `intervalMs` while it runs and always at its start and end, so that a
 * sync of thousands of messages does not flood the renderer with events.
 */
import type { SyncProgress } from '../../../shared/domain.ts';
import type { SyncError } from './sync-errors.ts';

export const PROGRESS_INTERVAL_MS = 250;

export function idleProgress(cif: string): SyncProgress {
  return {
    cif,
    running: false,
    listed: 0,
    downloaded: 0,
    alreadyArchived: 0,
    remaining: 0,
    expired: 0,
    failed: 0,
    startedAt: null,
    finishedAt: null,
    error: null,
    errorKind: null,
    errorValues: null,
  };
}

/** Sets the progress's error: the English text, its kind and its values. */
export function setProgressError(
  progress: SyncProgress,
  error: SyncError,
): void {
  progress.error = error.text;
  progress.errorKind = error.kind;
  progress.errorValues = error.values;
}

export class ProgressReporter {
  readonly progress: SyncProgress;
  readonly #report: (progress: SyncProgress) => void;
  readonly #intervalMs: number;
  #lastReport = 0;

  constructor(
    cif: string,
    report: (progress: SyncProgress) => void,
    startedAt: Date,
    intervalMs = PROGRESS_INTERVAL_MS,
  ) {
    this.progress = {
      ...idleProgress(cif),
      running: true,
      startedAt: startedAt.toISOString(),
    };
    this.#report = report;
    this.#intervalMs = intervalMs;
  }

  /** Reports a copy of the progress, unless one was reported just now. */
  update(force = false): void {
    const now = Date.now();
    if (!force && now - this.#lastReport < this.#intervalMs) return;
    this.#lastReport = now;
    this.#report({ ...this.progress });
  }

  finish(finishedAt: Date, error: SyncError | null): SyncProgress {
    this.progress.running = false;
    this.progress.finishedAt = finishedAt.toISOString();
    if (error !== null) setProgressError(this.progress, error);
    this.update(true);
    return { ...this.progress };
  }
}
