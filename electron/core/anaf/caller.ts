/**
 * Sends one ANAF call: builds its URL from fixed path segments and checked
 * parameters, attaches the access token, and handles the gateway's 401/403
 * by refreshing the token once and retrying once. The retry is a second
 * request, so it first reserves a call from the request queue's rate window.
 */
import type { FormData } from 'undici';
import type { Logger } from '../log/logger.ts';
import { ENDPOINTS, type EndpointName } from './endpoints.ts';
import { anafFailureDetails } from './errors.ts';
import { forbiddenFailure } from './response-checks.ts';
import type { AnafEnvironment } from './environment.ts';
import type {
  AnafTransport,
  EndpointLimits,
  TransportResponse,
} from './transport.ts';

/**
 * The source of access tokens. The auth layer implements it, and the client
 * never stores a token.
 */
export interface TokenSource {
  /** Returns a current access token, refreshing it first if it is due. */
  accessToken(): Promise<string>;
  /**
   * Called when ANAF's gateway rejected `rejected` with 401 or 403. Returns
   * a different token to retry with when `rejected` could be stale (another
   * caller refreshed it, or a refresh succeeds now), or null when a refresh
   * would not help.
   */
  refreshAfterRejection(rejected: string): Promise<string | null>;
}

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Waits for room in the request queue's rate window and counts one more
   * call there (the queue's `JobContext.reserveCall`). The client calls it
   * before each request after the first, so that the retry after a token
   * refresh is counted too. Calls made outside the queue leave it out.
   */
  reserveCall?: () => Promise<void>;
}

export interface CallSpec extends CallOptions {
  endpoint: EndpointName;
  url: URL;
  headers?: Record<string, string>;
  body?: Uint8Array | string | FormData;
  /** True when the call carries the Bearer token (every api.anaf.ro call). */
  authenticated: boolean;
  /** Ids for the log lines (CIF, upload index, download id); never secrets. */
  logFields?: Record<string, unknown>;
}

export interface Caller {
  readonly environment: AnafEnvironment;
  send(spec: CallSpec): Promise<TransportResponse>;
  /** Logs a call's failure with its kind and ids, then returns it. */
  noteFailure(spec: CallSpec, error: unknown): unknown;
}

/**
 * Joins fixed path segments to a base URL and sets the query. Each segment
 * is percent-encoded, so a value can never add a path level or a query.
 */
export function serviceUrl(
  base: string,
  segments: readonly string[],
  query: Record<string, string | undefined> = {},
): URL {
  const url = new URL(base);
  const prefix = url.pathname.replace(/\/+$/, '');
  url.pathname = `${prefix}/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, value);
  }
  url.search = params.toString();
  url.hash = '';
  return url;
}

/** Sends a call and parses its response, logging any failure. */
export async function runCall<T>(
  caller: Caller,
  spec: CallSpec,
  parse: (response: TransportResponse) => T,
): Promise<T> {
  try {
    return parse(await caller.send(spec));
  } catch (error) {
    throw caller.noteFailure(spec, error);
  }
}

export interface CallerOptions {
  transport: AnafTransport;
  tokens: TokenSource;
  logger: Logger;
  limits?: Partial<Record<EndpointName, Partial<EndpointLimits>>>;
}

export function createCaller(options: CallerOptions): Caller {
  const { transport, tokens, logger } = options;

  const limitsOf = (endpoint: EndpointName): EndpointLimits => ({
    ...ENDPOINTS[endpoint].limits,
    ...options.limits?.[endpoint],
  });

  const sendOnce = (spec: CallSpec, token: string | null) =>
    transport.send({
      endpoint: spec.endpoint,
      method: ENDPOINTS[spec.endpoint].method,
      url: spec.url,
      headers: {
        ...spec.headers,
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      ...(spec.body === undefined ? {} : { body: spec.body }),
      limits: limitsOf(spec.endpoint),
      ...(spec.signal ? { signal: spec.signal } : {}),
    });

  const send = async (spec: CallSpec): Promise<TransportResponse> => {
    logger.debug(`Calling ${spec.endpoint}`, spec.logFields);
    if (!spec.authenticated) return sendOnce(spec, null);

    const token = await tokens.accessToken();
    const first = await sendOnce(spec, token);
    if (first.status !== 401 && first.status !== 403) return first;

    const fresh = await tokens.refreshAfterRejection(token);
    if (fresh === null || fresh === token) {
      throw forbiddenFailure(spec.endpoint, first.status);
    }
    logger.warn(
      `ANAF rejected the token for ${spec.endpoint}; retrying once with a refreshed token`,
      {
        ...spec.logFields,
        status: first.status,
      },
    );
    await spec.reserveCall?.();
    const second = await sendOnce(spec, fresh);
    if (second.status === 401 || second.status === 403) {
      throw forbiddenFailure(spec.endpoint, second.status);
    }
    return second;
  };

  const noteFailure = (spec: CallSpec, error: unknown): unknown => {
    const details = anafFailureDetails(error);
    const message = error instanceof Error ? error.message : String(error);
    logger.warn(`${spec.endpoint} failed: ${message}`, {
      ...spec.logFields,
      kind: details?.kind ?? 'unexpected',
      retryable: details?.retryable ?? false,
    });
    return error;
  };

  return { environment: transport.environment, send, noteFailure };
}
