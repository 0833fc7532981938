/**
 * The HTTPS transport of one environment. It owns one undici Agent, so
 * connections are reused, and it sends only to the environment's origins, so
 * the sandbox's CA is trusted for the sandbox alone. No global dispatcher is
 * changed. Every request has its own timeouts and a cap on the response
 * size, and network errors become typed ANAF failures.
 */
import { Agent, request, type FormData } from 'undici';
import type { Dispatcher } from 'undici';
import { AppFailure } from '../../../shared/result.ts';
import { anafFailure } from './errors.ts';
import { environmentOrigins, type AnafEnvironment } from './environment.ts';
import { failureFromNetworkError } from './network-errors.ts';

/** Per-endpoint limits on waiting and on the size of a response. */
export interface EndpointLimits {
  /** Time until the response headers arrive, counted from sending. */
  headersTimeoutMs: number;
  /** Maximum pause between two chunks of the response body. */
  bodyTimeoutMs: number;
  maxResponseBytes: number;
}

export interface TransportRequest {
  /** The client's endpoint name, for errors and logs. */
  endpoint: string;
  method: 'GET' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  body?: Uint8Array | string | FormData;
  limits: EndpointLimits;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Uint8Array;
}

/** A client certificate to present in the TLS handshake. */
export type ClientCertificate =
  { pfx: Uint8Array; passphrase?: string } | { cert: string; key: string };

export interface TransportOptions {
  clientCertificate?: ClientCertificate;
  /** Default 10 s. */
  connectTimeoutMs?: number;
}

export interface AnafTransport {
  readonly environment: AnafEnvironment;
  send(request: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Creates the transport, and its one Agent, for an environment. */
export function createTransport(
  environment: AnafEnvironment,
  options: TransportOptions = {},
): AnafTransport {
  const agent = new Agent({
    connect: {
      timeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      ...(environment.caCertificate ? { ca: environment.caCertificate } : {}),
      ...certificateOptions(options.clientCertificate),
    },
  });
  const origins = new Set(environmentOrigins(environment));

  return {
    environment,
    send: async (transportRequest) => {
      assertAllowedUrl(transportRequest.url, origins);
      return sendWith(agent, transportRequest);
    },
    close: () => agent.close(),
  };
}

function certificateOptions(
  certificate: ClientCertificate | undefined,
): Record<string, unknown> {
  if (!certificate) return {};
  if ('pfx' in certificate) {
    return {
      pfx: Buffer.from(certificate.pfx),
      passphrase: certificate.passphrase,
    };
  }
  return { cert: certificate.cert, key: certificate.key };
}

/**
 * Refuses URLs outside the environment's origins, so that a CA trusted for
 * the sandbox is never used for another host.
 */
function assertAllowedUrl(url: URL, origins: Set<string>): void {
  if (url.protocol !== 'https:' || !origins.has(url.origin)) {
    throw new Error(
      `Refusing a request to ${url.origin}: it is not an HTTPS origin of this environment`,
    );
  }
}

async function sendWith(
  agent: Agent,
  transportRequest: TransportRequest,
): Promise<TransportResponse> {
  const { limits, endpoint } = transportRequest;
  let headersReceived = false;
  try {
    const response = await request(transportRequest.url, {
      dispatcher: agent,
      method: transportRequest.method,
      headers: {
        'user-agent': 'efactura-desktop',
        ...transportRequest.headers,
      },
      body: transportRequest.body ?? null,
      headersTimeout: limits.headersTimeoutMs,
      bodyTimeout: limits.bodyTimeoutMs,
      signal: transportRequest.signal,
    });
    headersReceived = true;
    const body = await readBody(response, endpoint, limits.maxResponseBytes);
    return {
      status: response.statusCode,
      headers: flattenHeaders(response.headers),
      body,
    };
  } catch (error) {
    if (transportRequest.signal?.aborted || error instanceof AppFailure) {
      throw error;
    }
    const failure = failureFromNetworkError(error, {
      endpoint,
      headersTimeoutMs: limits.headersTimeoutMs,
      bodyTimeoutMs: limits.bodyTimeoutMs,
      headersReceived,
    });
    throw failure ?? error;
  }
}

async function readBody(
  response: Dispatcher.ResponseData,
  endpoint: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discard(response.body);
    throw tooLarge(endpoint, maxBytes, response.statusCode);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > maxBytes) {
      discard(response.body);
      throw tooLarge(endpoint, maxBytes, response.statusCode);
    }
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

/** Closes a body we stop reading; its abort error has no one to handle it. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

function tooLarge(endpoint: string, maxBytes: number, status: number) {
  return anafFailure(
    'badResponse',
    `ANAF's response to ${endpoint} is larger than the ${maxBytes}-byte limit`,
    { endpoint, status, delivery: 'responded' },
  );
}

function flattenHeaders(
  headers: Dispatcher.ResponseData['headers'],
): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
