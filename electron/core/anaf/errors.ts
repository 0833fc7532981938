/**
 * Typed failures of ANAF calls. Each failure is an `AppFailure` whose
 * `details` carry a machine-readable `kind`, whether the failure is transient
 * (`retryable`) and how far the request got (`delivery`). The request queue
 * reads these to decide on retries, and the renderer receives only the code
 * and message.
 *
 * `retryable` means the same request may succeed later. It does not mean the
 * request is safe to repeat: an upload that timed out is retryable in kind,
 * but the queue must not resend it because ANAF may have recorded it. Check
 * `ENDPOINTS[name].idempotent` and `delivery` for that.
 */
import { AppFailure, type ErrorCode } from '../../../shared/result.ts';

export type AnafFailureKind =
  | 'timeout'
  | 'connectionReset'
  | 'connectionFailed'
  | 'tls'
  | 'serverError'
  | 'rateLimited'
  | 'forbidden'
  | 'firewall'
  | 'badResponse'
  | 'dailyLimit'
  | 'expired'
  | 'noRight'
  | 'notFound'
  | 'endpointNotFound'
  | 'invalidRequest'
  | 'listTooLarge'
  | 'endTimeInFuture'
  | 'pageOutOfRange'
  | 'rejected'
  | 'invalidInput';

/**
 * How far a failed request got:
 * - `notSent`: no connection was made, so ANAF cannot have seen it;
 * - `unknown`: the request may have reached ANAF but no complete response arrived;
 * - `responded`: ANAF (or its gateway) responded, and the response is the failure.
 */
export type Delivery = 'notSent' | 'unknown' | 'responded';

interface KindSpec {
  code: ErrorCode;
  retryable: boolean;
}

const KIND_SPECS: Record<AnafFailureKind, KindSpec> = {
  timeout: { code: 'anaf.timeout', retryable: true },
  connectionReset: { code: 'anaf.unavailable', retryable: true },
  connectionFailed: { code: 'anaf.unavailable', retryable: true },
  tls: { code: 'anaf.unavailable', retryable: false },
  serverError: { code: 'anaf.unavailable', retryable: true },
  rateLimited: { code: 'anaf.rateLimited', retryable: true },
  forbidden: { code: 'anaf.forbidden', retryable: false },
  firewall: { code: 'anaf.firewall', retryable: false },
  badResponse: { code: 'anaf.badResponse', retryable: false },
  dailyLimit: { code: 'anaf.dailyLimit', retryable: false },
  expired: { code: 'anaf.expired', retryable: false },
  noRight: { code: 'anaf.noRight', retryable: false },
  notFound: { code: 'anaf.notFound', retryable: false },
  endpointNotFound: { code: 'anaf.rejected', retryable: false },
  invalidRequest: { code: 'anaf.rejected', retryable: false },
  listTooLarge: { code: 'anaf.rejected', retryable: false },
  endTimeInFuture: { code: 'anaf.rejected', retryable: false },
  pageOutOfRange: { code: 'anaf.rejected', retryable: false },
  rejected: { code: 'anaf.rejected', retryable: false },
  invalidInput: { code: 'input.invalid', retryable: false },
};

/** Details every ANAF failure carries; extra fields depend on the kind. */
export interface AnafFailureDetails extends Record<string, unknown> {
  kind: AnafFailureKind;
  retryable: boolean;
  delivery: Delivery;
  /** The client's endpoint name, such as `download`. */
  endpoint?: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** ANAF's own message text, unchanged. */
  anafMessage?: string;
}

export interface AnafFailureExtra extends Record<string, unknown> {
  delivery?: Delivery;
  endpoint?: string;
  status?: number;
  anafMessage?: string;
}

/** Creates the failure of one kind, with its error code and retry flag. */
export function anafFailure(
  kind: AnafFailureKind,
  message: string,
  extra: AnafFailureExtra = {},
): AppFailure {
  const spec = KIND_SPECS[kind];
  const details: AnafFailureDetails = {
    ...extra,
    kind,
    retryable: spec.retryable,
    delivery: extra.delivery ?? defaultDelivery(kind),
  };
  return new AppFailure(spec.code, message, details);
}

function defaultDelivery(kind: AnafFailureKind): Delivery {
  if (kind === 'invalidInput') return 'notSent';
  return 'responded';
}

/** Reads the details of an ANAF failure, or undefined for anything else. */
export function anafFailureDetails(
  error: unknown,
): AnafFailureDetails | undefined {
  if (!(error instanceof AppFailure) || !error.details) return undefined;
  const { kind } = error.details;
  if (typeof kind !== 'string' || !(kind in KIND_SPECS)) return undefined;
  return error.details as AnafFailureDetails;
}

/** Checks whether a failure is transient: timeout, reset, 5xx or 429. */
export function isRetryableFailure(error: unknown): boolean {
  return anafFailureDetails(error)?.retryable === true;
}

/** Returns the error code and retry flag that belong to a failure kind. */
export function failureKindSpec(kind: AnafFailureKind): Readonly<KindSpec> {
  return KIND_SPECS[kind];
}

/** Refuses a value before any request is made. */
export function invalidInput(message: string, field: string): AppFailure {
  return anafFailure('invalidInput', message, { field });
}
