import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppFailure } from '../../../shared/result.ts';
import type { Logger } from '../log/logger.ts';
import { describeError } from '../log/logger.ts';
import type {
  AuthorizationRequest,
  AuthorizationResult,
  AuthorizationTransport,
} from './authorize.ts';
import { loginCompletePage, loginFailedPage } from './callback-page.ts';
import type { CallbackTls } from './callback-tls.ts';
import { authFailure } from './errors.ts';

/** How long the listener waits for the browser before cancelling. */
export const DEFAULT_BROWSER_LOGIN_TIMEOUT_MS = 5 * 60_000;

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'x-content-type-options': 'nosniff',
};

export interface BrowserTransportOptions {
  /**
   * Opens the authorize URL in a browser. The CLI starts the operating
   * system's default browser, and the browser shell's renderer opens a tab.
   */
  openUrl(url: string): Promise<void>;
  tls: CallbackTls;
  logger: Logger;
  timeoutMs?: number;
}

/**
 * The login outside Electron: a short-lived HTTPS listener on the callback
 * URL's host and port receives the browser's redirect, responds with a page,
 * and passes the URL to the callback matcher. It closes after the first
 * callback, on timeout, or when the request's signal aborts.
 */
export function createBrowserTransport(
  options: BrowserTransportOptions,
): AuthorizationTransport {
  return async (authorization) => {
    const address = listenAddress(authorization.redirectUri);
    const logger = options.logger.child('callback');
    const listener = new CallbackListener(authorization, options.tls, logger);

    await listener.start(address);
    try {
      await options.openUrl(authorization.authorizeUrl);
      return await listener.wait(
        options.timeoutMs ?? DEFAULT_BROWSER_LOGIN_TIMEOUT_MS,
      );
    } finally {
      await listener.stop();
    }
  };
}

interface ListenAddress {
  host: string;
  port: number;
}

/**
 * Returns the address to listen on for a callback URL. Only https callbacks
 * on this computer can be received, and `localhost` is served on 127.0.0.1.
 */
export function listenAddress(redirectUri: string): ListenAddress {
  const url = new URL(redirectUri);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback: Record<string, string> = {
    localhost: '127.0.0.1',
    '127.0.0.1': '127.0.0.1',
    '::1': '::1',
  };
  const bindHost = loopback[host.toLowerCase()];
  if (url.protocol !== 'https:' || !bindHost) {
    throw new AppFailure(
      'input.invalid',
      `The callback URL ${url.origin}${url.pathname} cannot be received ` +
        'outside the app window: it must be an https URL on localhost, ' +
        'for example https://localhost:9002/callback. Register such a URL ' +
        'in the ANAF portal.',
    );
  }
  return { host: bindHost, port: url.port ? Number(url.port) : 443 };
}

class CallbackListener {
  readonly #authorization: AuthorizationRequest;
  readonly #server: Server;
  readonly #logger: Logger;
  readonly #outcome: Promise<AuthorizationResult>;
  #settle!: (result: AuthorizationResult | AppFailure) => void;
  #settled = false;
  /** Set by the first callback, so a second one gets 404. */
  #answered = false;

  constructor(
    authorization: AuthorizationRequest,
    tls: CallbackTls,
    logger: Logger,
  ) {
    this.#authorization = authorization;
    this.#logger = logger;
    this.#outcome = new Promise((resolve, reject) => {
      this.#settle = (result) => {
        if (this.#settled) return;
        this.#settled = true;
        if (result instanceof AppFailure) reject(result);
        else resolve(result);
      };
    });
    // The outcome may settle before anyone awaits it (an abort during start).
    this.#outcome.catch(() => undefined);
    this.#server = createServer(
      { cert: tls.certPem, key: tls.keyPem },
      (request, response) => this.#handle(request, response),
    );
  }

  async start(address: ListenAddress): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(listenFailure(error, address));
      this.#server.once('error', onError);
      this.#server.listen(address.port, address.host, () => {
        this.#server.off('error', onError);
        resolve();
      });
    });
    this.#logger.info('Callback listener started', { ...address });
  }

  /** Resolves with the code; rejects on failure, timeout or abort. */
  wait(timeoutMs: number): Promise<AuthorizationResult> {
    const { signal } = this.#authorization;
    const timer = setTimeout(() => {
      const minutes = Math.round(timeoutMs / 60_000);
      this.#settle(
        authFailure('auth.cancelled', {
          detail: `No answer came from the browser within ${minutes} minutes.`,
        }),
      );
    }, timeoutMs);
    const onAbort = () => this.#settle(authFailure('auth.cancelled'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });

    return this.#outcome.finally(() => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    });
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#logger.info('Callback listener stopped');
  }

  #handle(request: IncomingMessage, response: ServerResponse): void {
    const base = new URL(this.#authorization.redirectUri);
    const url = new URL(request.url ?? '/', base.origin).toString();
    const match = this.#authorization.match(url);

    const ignored = match.kind === 'other' || request.method !== 'GET';
    if (ignored || this.#answered || this.#settled) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
      return;
    }
    this.#answered = true;

    if (match.kind === 'code') {
      this.#logger.info('Callback received with a code');
      // Settling closes the listener, so it waits until the page is sent.
      response.writeHead(200, PAGE_HEADERS);
      response.end(loginCompletePage(), () =>
        this.#settle({ code: match.code }),
      );
      return;
    }

    this.#logger.warn('Callback received with an error', {
      code: match.failure.code,
    });
    response.writeHead(200, PAGE_HEADERS);
    response.end(loginFailedPage(match.failure.message), () =>
      this.#settle(match.failure),
    );
  }
}

function listenFailure(error: unknown, address: ListenAddress): AppFailure {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${address.host} port ${address.port}`;
  if (code === 'EADDRINUSE') {
    return new AppFailure(
      'input.invalid',
      `Another program already listens on ${where}, so the login callback ` +
        'cannot be received. Close that program, or register a callback URL ' +
        'with another port.',
    );
  }
  return new AppFailure(
    'input.invalid',
    `The login callback listener could not start on ${where}: ` +
      `${describeError(error)}.`,
  );
}
