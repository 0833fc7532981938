// The transport against a real HTTPS server: timeouts, resets, size caps,
// status handling, the per-environment CA and client certificates.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { createAnafClient } from '../../../electron/core/anaf/client.ts';
import type { AnafEnvironment } from '../../../electron/core/anaf/environment.ts';
import {
  createTransport,
  type AnafTransport,
  type EndpointLimits,
} from '../../../electron/core/anaf/transport.ts';
import { rejectionOf } from '../../unit/anaf/helpers.ts';
import {
  createTestPki,
  startTlsServer,
  type RunningServer,
  type TestPki,
} from './tls-server.ts';

const LIMITS: EndpointLimits = {
  headersTimeoutMs: 400,
  bodyTimeoutMs: 400,
  maxResponseBytes: 1024,
};

let pki: TestPki;
let server: RunningServer;
let transport: AnafTransport;
let environment: AnafEnvironment;
const peerSubjects: string[] = [];

function route(request: IncomingMessage, response: ServerResponse): void {
  const socket = request.socket as TLSSocket;
  const peer = socket.getPeerCertificate();
  peerSubjects.push(
    peer && 'subject' in peer && peer.subject ? String(peer.subject.CN) : '',
  );
  const path = new URL(request.url ?? '/', 'https://x').pathname;

  switch (path) {
    case '/TestOauth/jaxrs/hello':
      if (request.headers.authorization !== 'Bearer fresh-token') {
        response.statusCode = 401;
        response.end();
        return;
      }
      response.end('Hello, efactura\nAuthorization: Bearer fresh-token');
      return;
    case '/public/prod/FCTEL/rest/transformare/FACT1/DA':
      request.resume();
      response.setHeader('content-type', 'text/html');
      response.end(
        '<html><head><title>Request Rejected</title></head><body>The requested URL was rejected.' +
          ' Your support ID is: 4242</body></html>',
      );
      return;
    case '/ok':
      response.setHeader('content-type', 'text/plain');
      response.end(`ok ${request.headers.authorization ?? 'none'}`);
      return;
    case '/silent':
      return;
    case '/stall-body':
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"mesaje":[');
      return;
    case '/reset-mid-body':
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"mesaje":[', () => socket.destroy());
      return;
    case '/reset-before':
      socket.destroy();
      return;
    case '/big':
      response.end('x'.repeat(4096));
      return;
    case '/big-chunked':
      response.write('x'.repeat(800));
      response.end('y'.repeat(800));
      return;
    case '/status':
      response.statusCode = Number(
        new URL(request.url ?? '/', 'https://x').searchParams.get('code'),
      );
      response.end();
      return;
    default:
      response.statusCode = 404;
      response.end();
  }
}

beforeAll(async () => {
  pki = createTestPki();
  server = await startTlsServer(pki, route);
  environment = {
    kind: 'sandbox',
    idpUrl: `${server.origin}/anaf-oauth2/v1`,
    apiUrl: server.origin,
    publicUrl: `${server.origin}/public`,
    caCertificate: pki.ca.cert,
  };
  transport = createTransport(environment);
});

afterAll(async () => {
  await transport.close();
  await server.close();
});

function get(
  path: string,
  limits: EndpointLimits = LIMITS,
  target = transport,
) {
  return target.send({
    endpoint: 'test',
    method: 'GET',
    url: new URL(path, server.origin),
    limits,
  });
}

describe('transport', () => {
  it('reads a 200 response', async () => {
    const response = await get('/ok');
    expect(new TextDecoder().decode(response.body)).toBe('ok none');
  });

  it('lower-cases header names', async () => {
    const response = await get('/ok');
    expect(response.headers['content-type']).toBe('text/plain');
  });

  it('times out waiting for headers', async () => {
    const failure = await rejectionOf(get('/silent'));
    expect(failure.code).toBe('anaf.timeout');
  });

  it('marks a header timeout as unknown delivery', async () => {
    const failure = await rejectionOf(get('/silent'));
    expect(failure.delivery).toBe('unknown');
  });

  it('times out a stalled body', async () => {
    const failure = await rejectionOf(get('/stall-body'));
    expect(failure.message).toContain('stopped sending');
  });

  it('reports a reset mid-body', async () => {
    const failure = await rejectionOf(get('/reset-mid-body'));
    expect(failure.kind).toBe('connectionReset');
  });

  it('marks a reset as retryable', async () => {
    const failure = await rejectionOf(get('/reset-mid-body'));
    expect(failure.retryable).toBe(true);
  });

  it('reports a reset before the response', async () => {
    const failure = await rejectionOf(get('/reset-before'));
    expect(failure.kind).toBe('connectionReset');
  });

  it('refuses a declared oversized body', async () => {
    const failure = await rejectionOf(get('/big'));
    expect(failure.message).toContain('1024-byte limit');
  });

  it('refuses a chunked oversized body', async () => {
    const failure = await rejectionOf(get('/big-chunked'));
    expect(failure.code).toBe('anaf.badResponse');
  });

  it('passes statuses to the parser', async () => {
    const response = await get('/status?code=429');
    expect(response.status).toBe(429);
  });

  it('reports a refused connection as not sent', async () => {
    const closed = await startTlsServer(pki, route);
    const origin = closed.origin;
    await closed.close();
    const other = createTransport({
      ...environment,
      apiUrl: origin,
      idpUrl: origin,
      publicUrl: origin,
    });
    const failure = await rejectionOf(
      other.send({
        endpoint: 'test',
        method: 'GET',
        url: new URL('/ok', origin),
        limits: LIMITS,
      }),
    );
    await other.close();
    expect(failure.kind).toBe('connectionFailed');
    expect(failure.delivery).toBe('notSent');
  });

  it('rejects a server outside the environment CA', async () => {
    const stranger = createTransport({
      ...environment,
      caCertificate: createTestPki('Other CA').ca.cert,
    });
    const failure = await rejectionOf(get('/ok', LIMITS, stranger));
    await stranger.close();
    expect(failure.kind).toBe('tls');
    expect(failure.retryable).toBe(false);
  });

  it('does not trust the sandbox CA by default', async () => {
    const plain = createTransport({ ...environment, caCertificate: undefined });
    const failure = await rejectionOf(get('/ok', LIMITS, plain));
    await plain.close();
    expect(failure.kind).toBe('tls');
  });

  it('refuses an origin outside the environment', async () => {
    await expect(
      transport.send({
        endpoint: 'test',
        method: 'GET',
        url: new URL('https://api.anaf.ro/prod/FCTEL/rest/stareMesaj'),
        limits: LIMITS,
      }),
    ).rejects.toThrow('not an HTTPS origin of this environment');
  });

  it('presents a client certificate', async () => {
    const withCertificate = createTransport(environment, {
      clientCertificate: pki.client,
    });
    peerSubjects.length = 0;
    await get('/ok', LIMITS, withCertificate);
    await withCertificate.close();
    expect(peerSubjects).toContain('Test Representative');
  });

  it('stops on abort', async () => {
    const controller = new AbortController();
    const pending = transport.send({
      endpoint: 'test',
      method: 'GET',
      url: new URL('/silent', server.origin),
      limits: { ...LIMITS, headersTimeoutMs: 10_000 },
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toThrow();
  });
});

describe('client over HTTPS', () => {
  function client() {
    const { logger } = createMemoryLogger();
    return createAnafClient({
      transport,
      logger,
      tokens: {
        accessToken: async () => 'stale-token',
        refreshAfterRejection: async () => 'fresh-token',
      },
      limits: { hello: LIMITS, toPdf: LIMITS },
    });
  }

  it('retries a 401 with a fresh token', async () => {
    expect(await client().hello('efactura')).toEqual({
      greeting: 'Hello, efactura',
    });
  });

  it('reports the firewall page', async () => {
    const failure = await rejectionOf(
      client().convertToPdf({
        standard: 'FACT1',
        xml: new Uint8Array([60]),
        skipValidation: true,
      }),
    );
    expect(failure.message).toBe('ANAF rejected the request (support ID 4242)');
  });
});
