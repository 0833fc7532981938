/**
 * The sliding-window rate limiter, as pure functions over an immutable state.
 *
 * ANAF's gateway returns 429 when more than N calls arrive within a minute,
 * and the sandbox counts them at arrival in a sliding 60-second window. The
 * limiter counts calls when they start, over a window widened by a margin:
 * if no more than N calls start within any (60 s + margin) window, and each
 * call reaches the server within `margin` of its start, then no more than N
 * arrive within any 60 s window. Calls start as soon as the window has room,
 * so a backlog runs at N per window without fixed-interval pacing.
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

export interface RateWindowState {
  /** Start times of the calls still inside the window, ascending. */
  starts: readonly number[];
  slowdown: Slowdown | null;
}

export const EMPTY_RATE_WINDOW: RateWindowState = {
  starts: [],
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

/** Counts the starts within the counted window that ends at `now`. */
export function startsInWindow(
  state: RateWindowState,
  config: RateWindowConfig,
  now: number,
): number {
  const from = now - countedWindowMs(config);
  return state.starts.filter((start) => start > from && start <= now).length;
}

/**
 * Returns the earliest time, not before `now`, at which one more call may
 * start with the limit that applies at `now`. A slowdown that recovers in
 * the meantime can only make the true earliest time sooner, so a caller that
 * waits until the returned time and calls again never exceeds the limit.
 */
export function earliestStart(
  state: RateWindowState,
  config: RateWindowConfig,
  now: number,
): number {
  const window = countedWindowMs(config);
  const live = state.starts.filter((start) => start > now - window);
  const limit = effectiveLimit(state, config, now);
  if (live.length < limit) return now;

  // The window has room again once all but limit - 1 of the live starts
  // have left it. The youngest of the starts that must leave decides when.
  const mustLeave = live[live.length - limit];
  return Math.max(now, (mustLeave ?? now) + window);
}

/** Records a call starting at `now`, dropping starts that left the window. */
export function recordStart(
  state: RateWindowState,
  config: RateWindowConfig,
  now: number,
): RateWindowState {
  const from = now - countedWindowMs(config);
  const kept = state.starts.filter((start) => start > from);
  return { ...state, starts: [...kept, now] };
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
