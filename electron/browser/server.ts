/**
 * The browser shell: serves the built renderer on 127.0.0.1 and carries the
 * IPC contract over a WebSocket to the same handler table as Electron.
 *
 * Protection: the server binds to loopback only; each run has a random key
 * that the printed URL carries in its fragment (never sent in a request
 * line); a WebSocket must come from the server's own origin and present the
 * key in its first message before any call is dispatched.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName, EventPayloads } from '../../shared/ipc/contract.ts';
import { SECURITY_HEADERS } from '../core/app/csp.ts';
import { resolveStaticFile } from '../core/app/static-files.ts';
import type { Dispatch } from '../core/ipc/dispatcher.ts';
import { describeError, type Logger } from '../core/log/logger.ts';
import { parseClientMessage, type ServerMessage } from '../../shared/ipc/ws-protocol.ts';
import type { DownloadOffers } from './downloads.ts';

export interface BrowserShellOptions {
  rendererRoot: string;
  dispatch: Dispatch;
  logger: Logger;
  port?: number;
  /** Fixed key for tests; a random one otherwise. */
  key?: string;
  /** Files offered for download through `/download/<token>`. */
  downloads?: DownloadOffers;
}

export interface BrowserShell {
  url: string;
  origin: string;
  key: string;
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

function keysMatch(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const log = options.logger.child('browser-shell');
  const key = options.key ?? randomBytes(24).toString('base64url');
  const clients = new Set<WebSocket>();

  const server = http.createServer((request, response) => {
    if (options.downloads?.handle(request, response, SECURITY_HEADERS)) return;
    serveStatic(options.rendererRoot, request, response);
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  server.on('upgrade', (request, socket, head) => {
    const sameOrigin = request.headers.origin === origin || request.headers.origin === `http://localhost:${port}`;
    if (request.url !== '/ipc' || !sameOrigin) {
      log.warn('Refused a WebSocket from another origin or path', { origin: request.headers.origin });
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => handleConnection(ws));
  });

  let connectionCount = 0;
  function handleConnection(ws: WebSocket): void {
    connectionCount += 1;
    const sender = `connection ${connectionCount}`;
    let authenticated = false;
    const send = (message: ServerMessage): void => ws.send(JSON.stringify(message));

    ws.on('message', (data) => {
      const message = parseClientMessage(data.toString());
      if (!message) {
        log.warn('Closed a connection that sent an unreadable message', { sender });
        ws.close(1008, 'invalid message');
        return;
      }
      if (message.type === 'hello') {
        if (!keysMatch(key, message.key)) {
          log.warn('Refused a connection with a wrong key', { sender });
          authenticated = false;
          ws.close(1008, 'wrong key');
          return;
        }
        authenticated = true;
        clients.add(ws);
        send({ type: 'ready' });
        return;
      }
      if (!authenticated) {
        ws.close(1008, 'not authenticated');
        return;
      }
      options.dispatch(message.channel, message.input, { shell: 'browser', sender }).then(
        (result) => send({ type: 'result', id: message.id, result }),
        (error: unknown) => log.error('Dispatch failed', { sender, error: describeError(error) }),
      );
    });
    // Protocol errors (an oversized frame, invalid UTF-8) close the socket;
    // without this listener they would end the whole process.
    ws.on('error', (error) => {
      authenticated = false;
      log.warn('Closed a connection after a protocol error', { sender, error: describeError(error) });
    });
    ws.on('close', () => clients.delete(ws));
  }

  return {
    url: `${origin}/#key=${key}`,
    origin,
    key,
    emit(event, payload) {
      const text = JSON.stringify({ type: 'event', event, payload } satisfies ServerMessage);
      for (const client of clients) client.send(text);
    },
    async close() {
      for (const client of clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveStatic(root: string, request: http.IncomingMessage, response: http.ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, SECURITY_HEADERS).end();
    return;
  }
  const resolved = resolveStaticFile(root, request.url ?? '/');
  if (!resolved) {
    response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': resolved.contentType,
    'Cache-Control': 'no-store',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = fs.createReadStream(resolved.file);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}
