/**
 * The closed set of error codes that cross from main to the renderer, the
 * browser shell and the CLI. A code names the kind of failure; the message
 * says what was wrong and what to do next.
 */
export const ERROR_CODES = [
  'input.invalid',
  'ipc.forbidden',
  'auth.notLoggedIn',
  'auth.cancelled',
  'auth.noCertificate',
  'auth.stateMismatch',
  'auth.codeExpired',
  'auth.invalidClient',
  'auth.redirectNotRegistered',
  'auth.expired',
  'auth.refreshExpired',
  'auth.multipleTokens',
  'auth.network',
  'anaf.forbidden',
  'anaf.noRight',
  'anaf.rateLimited',
  'anaf.dailyLimit',
  'anaf.unavailable',
  'anaf.firewall',
  'anaf.notFound',
  'anaf.expired',
  'anaf.rejected',
  'anaf.badResponse',
  'anaf.timeout',
  'storage.unavailable',
  'storage.undecryptable',
  'archive.locked',
  'archive.notFound',
  'upload.duplicate',
  'upload.blocked',
  'upload.unknownOutcome',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): Result<T> {
  const error: AppError = details ? { code, message, details } : { code, message };
  return { ok: false, error };
}

/**
 * An expected failure thrown inside a service and turned into a result value
 * at the IPC boundary. Anything else that escapes a handler is a bug and is
 * reported as `internal`.
 */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.details = details;
  }

  toAppError(): AppError {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}
