/**
 * The sliding-window rate limiter, as pure functions over an immutable state.
 *
 * ANAF's gateway returns 429 when more than N calls arrive within a minute,
 * and the sandbox counts them at arrival in a sliding 60-second window. The
 * limiter cannot see when a call arrives, only that it arrives after the
 * call starts and before its job ends. So a call counts in the window from
 * its start until one window after its job ended. If fewer than N calls
 * count when a call starts, no more than N arrive within any window,
 * however long the process or the network delayed them.
 * A margin widens the window further for the difference between the
 * server's clock rate and ours. Calls start as soon as the window has room,
 * so a backlog runs at close to N per window without fixed-interval pacing.
 *
 * After a 429 the limit drops (halved per 429, to a floor) and climbs back
 * to N linearly over the recovery time, because a 429 means that the
 * server's count differs from ours (another program on the same account, or
 * a stricter limit than configured).
 */

export const RATE_WINDOW_MS = 60_000;
export const MIN_RATE_LIMIT = 1;
export const MAX_RATE_LIMIT = 1000;
export const DEFAULT_RATE_LIMIT = 100;

export interface RateWindowConfig {
  /** Calls allowed per window: 1..1000. */
  limit: number;
  /** The server's window, 60 s at ANAF; tests shorten it. */
  windowMs: number;
  /** Milliseconds added to the server's window for network delay. */
  marginMs: number;
  /** Milliseconds after a 429 until the limit is back at `limit`. */
  recoveryMs: number;
  /** Share of `limit` below which a series of 429s never pushes it. */
  minShare: number;
}

export const DEFAULT_RATE_WINDOW: Omit<RateWindowConfig, 'limit'> = {
  windowMs: RATE_WINDOW_MS,
  marginMs: 1_000,
  recoveryMs: 120_000,
  minShare: 0.1,
};

export interface Slowdown {
  /** Share of the configured limit allowed right after the last 429. */
  share: number;
  /** Time of the last 429, epoch ms. */
  at: number;
}

/** One call's place in the window. */
export interface WindowCall {
  /** The job that made the call. */
  job: number;
  /** The call's start while it is on the way, then its job's end, epoch ms. */
  at: number;
  /** True until the job that made the call has ended. */
  onTheWay: boolean;
}

export interface RateWindowState {
  /** Calls on the way, and ended calls still inside the window. */
  calls: readonly WindowCall[];
  slowdown: Slowdown | null;
}

export const EMPTY_RATE_WINDOW: RateWindowState = {
  calls: [],
  slowdown: null,
};

/** Throws a RangeError unless `limit` is a whole number in 1..1000. */
export function validateRateLimit(limit: number): number {
  if (
    !Number.isInteger(limit) ||
    limit < MIN_RATE_LIMIT ||
    limit > MAX_RATE_LIMIT
  ) {
    throw new RangeError(
      `Invalid rate limit ${limit}: expected a whole number of calls per minute from ${MIN_RATE_LIMIT} to ${MAX_RATE_LIMIT}.`,
    );
  }
  return limit;
}

/** Returns the window length that the limiter counts over. */
export function countedWindowMs(config: RateWindowConfig): number {
  return config.windowMs + config.marginMs;
}

/** Returns the share of the limit that applies at `now` after a 429. */
export function slowdownShare(
  slowdown: Slowdown | null,
  config: RateWindowConfig,
  now: number,
): number {
  if (!slowdown) return 1;
  const elapsed = Math.max(0, now - slowdown.at);
  if (config.recoveryMs <= 0 || elapsed >= config.recoveryMs) return 1;
  const recovered = (1 - slowdown.share) * (elapsed / config.recoveryMs);
  return Math.min(1, slowdown.share + recovered);
}

/** Returns the number of calls allowed per window at `now` (at least 1). */
export function effectiveLimit(
  state: RateWindowState,
  config: RateWindowConfig,
  now: number,
): number {
  const share = slowdownShare(state.slowdown, config, now);
  return Math.max(1, Math.floor(config.limit * share));
}

/** Returns the calls that count in the window at `now`. */
function countedCalls(
  state: RateWindowState,
  config: RateWindowConfig,
  now: number,
): WindowCall[] {
  const from = now - countedWindowMs(config);
  return state.calls.filter((call) => call.onTheWay || call.at > from);
}

/** Returns how many calls count in the window at `now`. */
export function callsInWindow(
  state: RateWindowState,
  config: RateWindowConfig,
  now: number,
): number {
  return countedCalls(state, config, now).length;
}

/**
 * Returns the earliest time, not before `now`, at which one more call may
 * start with the limit that applies at `now`, or Infinity when only the end
 * of a call on the way can make room. A slowdown that recovers in the
 * meantime can only make the true earliest time sooner, so a caller that
 * waits until the returned time (or a job's end) and calls again never
 * exceeds the limit.
 */
export function earliestStart(
  state: RateWindowState,
  config: RateWindowConfig,
  now: number,
): number {
  const counted = countedCalls(state, config, now);
  const limit = effectiveLimit(state, config, now);
  if (counted.length < limit) return now;

  // The window has room again once all but limit - 1 of the counted calls
  // have left it. Ended calls leave in the order they ended, and the
  // youngest of those that must leave decides when.
  const ended = counted
    .filter((call) => !call.onTheWay)
    .map((call) => call.at)
    .sort((a, b) => a - b);
  const mustLeave = counted.length - limit + 1;
  if (ended.length < mustLeave) return Number.POSITIVE_INFINITY;
  const youngest = ended[mustLeave - 1] ?? now;
  return Math.max(now, youngest + countedWindowMs(config));
}

/** Records a call of `job` starting at `now`, dropping calls that left. */
export function recordStart(
  state: RateWindowState,
  config: RateWindowConfig,
  now: number,
  job: number,
): RateWindowState {
  const counted = countedCalls(state, config, now);
  return { ...state, calls: [...counted, { job, at: now, onTheWay: true }] };
}

/** Records that `job` ended at `now`, so its calls have arrived by then. */
export function recordJobEnd(
  state: RateWindowState,
  job: number,
  now: number,
): RateWindowState {
  if (!state.calls.some((call) => call.job === job && call.onTheWay)) {
    return state;
  }
  const calls = state.calls.map((call) =>
    call.job === job && call.onTheWay
      ? { job, at: now, onTheWay: false }
      : call,
  );
  return { ...state, calls };
}

/** Records a 429 at `now`: the allowed share halves, down to the floor. */
export function recordRateLimited(
  state: RateWindowState,
  config: RateWindowConfig,
  now: number,
): RateWindowState {
  const current = slowdownShare(state.slowdown, config, now);
  const share = Math.max(config.minShare, current / 2);
  return { ...state, slowdown: { share, at: now } };
}
