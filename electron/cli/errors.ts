/**
 * Exit codes and the one error type the command line reports. A usage
 * error (exit 2) means that the command as typed cannot succeed. Any other
 * failure (exit 1) comes from the data folder, the files or ANAF.
 */
import type { AppError, ErrorCode } from '../../shared/result.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export type ExitCode = typeof EXIT_OK | typeof EXIT_FAILURE | typeof EXIT_USAGE;

/** `cli.usage` marks errors in the command line itself. */
export type CliErrorCode = ErrorCode | 'cli.usage';

export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly code: CliErrorCode;

  constructor(exitCode: ExitCode, code: CliErrorCode, message: string) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.code = code;
  }
}

export function usageError(message: string): CliError {
  return new CliError(EXIT_USAGE, 'cli.usage', message);
}

export function failure(
  message: string,
  code: ErrorCode = 'internal',
): CliError {
  return new CliError(EXIT_FAILURE, code, message);
}

/** The next step after a login failure, in the command line's terms. */
const LOGIN_AGAIN =
  'Log in again with `efactura login` (see `efactura login --help`).';

const NEXT_STEPS: Partial<Record<ErrorCode, string>> = {
  'auth.refreshExpired': LOGIN_AGAIN,
  'auth.expired': LOGIN_AGAIN,
  'auth.notLoggedIn': LOGIN_AGAIN,
};

/**
 * Turns a failure returned by a channel into a CLI error: invalid input is
 * a usage error, anything else a failure, with the command-line step
 * appended where the core's message names a step in the app's window.
 */
export function fromAppError(error: AppError): CliError {
  const exitCode = error.code === 'input.invalid' ? EXIT_USAGE : EXIT_FAILURE;
  const next = NEXT_STEPS[error.code];
  const message = next ? `${error.message} ${next}` : error.message;
  return new CliError(exitCode, error.code, message);
}
