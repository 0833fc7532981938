/**
 * Maps undici and socket errors to typed ANAF failures. The `delivery` field
 * matters most for uploads: a request that never connected can be sent
 * again, one that was cut off after connecting may have been recorded.
 */
import type { AppFailure } from '../../../shared/result.ts';
import { anafFailure } from './errors.ts';

/** Errors raised before a connection existed, so nothing reached ANAF. */
const NOT_CONNECTED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

const RESET_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_CLOSED',
]);

/** OpenSSL's certificate verification codes that Node reports as `code`. */
const CERTIFICATE_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'HOSTNAME_MISMATCH',
]);

/** Returns the first string `code` along an error's `cause` chain. */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

function isTlsCode(code: string): boolean {
  return (
    CERTIFICATE_CODES.has(code) ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_')
  );
}

export interface NetworkErrorContext {
  endpoint: string;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** True when the response headers had arrived before the error. */
  headersReceived: boolean;
}

/**
 * Turns a network-level error into a typed failure, or returns undefined
 * when the error is not a network error (a bug, or a cancellation).
 */
export function failureFromNetworkError(
  error: unknown,
  context: NetworkErrorContext,
): AppFailure | undefined {
  const code = errorCode(error);
  if (code === undefined) return undefined;
  const { endpoint } = context;
  const base = { endpoint, networkCode: code };

  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return anafFailure(
      'timeout',
      `Connecting to ANAF for ${endpoint} timed out`,
      {
        ...base,
        delivery: 'notSent',
      },
    );
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    const seconds = context.headersTimeoutMs / 1000;
    return anafFailure(
      'timeout',
      `ANAF did not respond to ${endpoint} within ${seconds} s (timed out)`,
      { ...base, delivery: 'unknown' },
    );
  }
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    const seconds = context.bodyTimeoutMs / 1000;
    return anafFailure(
      'timeout',
      `ANAF stopped sending the ${endpoint} response for ${seconds} s (timed out)`,
      { ...base, delivery: 'unknown' },
    );
  }
  if (NOT_CONNECTED_CODES.has(code)) {
    return anafFailure(
      'connectionFailed',
      `Could not connect to ANAF for ${endpoint} (${code}); check the network`,
      { ...base, delivery: 'notSent' },
    );
  }
  if (isTlsCode(code)) {
    return anafFailure(
      'tls',
      `The secure connection to ANAF failed for ${endpoint} (${code})`,
      { ...base, delivery: context.headersReceived ? 'unknown' : 'notSent' },
    );
  }
  if (RESET_CODES.has(code)) {
    const when = context.headersReceived
      ? 'while sending its response'
      : 'before responding';
    return anafFailure(
      'connectionReset',
      `ANAF closed the connection for ${endpoint} ${when} (${code})`,
      { ...base, delivery: 'unknown' },
    );
  }
  return undefined;
}
