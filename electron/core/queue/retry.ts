/**
 * Whether a failed attempt is tried again, and after how long.
 *
 * Timeouts, connection resets, 5xx responses and 429s are retried on
 * idempotent calls only, because for anything else a lost response may mean
 * that ANAF acted on the call. The exception is a 429 on a job that allows
 * it: the gateway refuses such a call before ANAF processes it, so an upload
 * refused with 429 was not recorded and may be sent again.
 *
 * Delays grow exponentially with full jitter (a uniform random delay between
 * 0 and the exponential cap), which spreads retries of many jobs that failed
 * together.
 */
import { AppFailure } from '../../../shared/result.ts';

export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** Cap of the first retry's random delay, ms. */
  baseDelayMs: number;
  /** Largest delay ever waited, ms. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
};

/**
 * Failure class, which decides the handling: `rateLimited` (429), `transient` (timeout,
 * reset, 5xx: the outcome of a non-idempotent call is unknown), `aborted`
 * (cancelled by the caller or the queue) or `permanent`.
 */
export type FailureKind = 'rateLimited' | 'transient' | 'aborted' | 'permanent';

export type RetryDecision =
  | { retry: true; delayMs: number; kind: FailureKind }
  | { retry: false; kind: FailureKind };

export interface RetryInput {
  error: unknown;
  /** Number of the attempt that failed, from 1. */
  attempt: number;
  idempotent: boolean;
  retryOn429EvenIfNotIdempotent: boolean;
  policy: RetryPolicy;
  /** A uniform random number in [0, 1), for the jitter. */
  random: number;
}

const TRANSIENT_APP_CODES = new Set(['anaf.timeout', 'anaf.unavailable']);

// Node and undici error codes for a request whose response never arrived.
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Sorts a thrown value into one of the failure kinds. */
export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof AppFailure) return classifyAppFailure(error);
  // AbortSignal.timeout() aborts with a TimeoutError: the request timed out.
  if (errorName(error) === 'AbortError') return 'aborted';
  if (errorName(error) === 'TimeoutError') return 'transient';

  const code = errorCode(error) ?? errorCode(causeOf(error));
  if (code && TRANSIENT_NETWORK_CODES.has(code)) return 'transient';
  return 'permanent';
}

function classifyAppFailure(error: AppFailure): FailureKind {
  if (error.code === 'anaf.rateLimited') return 'rateLimited';

  const retryable = error.details?.retryable;
  if (retryable === false) return 'permanent';
  if (TRANSIENT_APP_CODES.has(error.code)) return 'transient';

  const status = error.details?.status;
  if (typeof status === 'number' && status >= 500 && status <= 599)
    return 'transient';
  return retryable === true ? 'transient' : 'permanent';
}

/** Decides whether the attempt is retried and how long to wait first. */
export function decideRetry(input: RetryInput): RetryDecision {
  const kind = classifyFailure(input.error);
  if (kind === 'aborted' || kind === 'permanent') return { retry: false, kind };
  if (input.attempt >= input.policy.maxAttempts) return { retry: false, kind };

  const allowed =
    input.idempotent ||
    (kind === 'rateLimited' && input.retryOn429EvenIfNotIdempotent);
  if (!allowed) return { retry: false, kind };

  const jittered = backoffDelay(input.attempt, input.policy, input.random);
  const retryAfter = kind === 'rateLimited' ? retryAfterMs(input.error) : 0;
  return { retry: true, delayMs: Math.max(jittered, retryAfter), kind };
}

/** Returns the full-jitter delay before retry number `attempt` (from 1). */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: number,
): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const cap = Math.min(policy.maxDelayMs, exponential);
  return Math.floor(cap * Math.min(Math.max(random, 0), 1));
}

/**
 * Reads a Retry-After hint that the client put in the failure's details
 * (`retryAfterMs`). ANAF does not document one for its 429s.
 */
function retryAfterMs(error: unknown): number {
  if (!(error instanceof AppFailure)) return 0;
  const value = error.details?.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? value
    : 0;
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function causeOf(error: unknown): unknown {
  return error instanceof Error ? error.cause : undefined;
}
