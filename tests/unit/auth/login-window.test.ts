import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthorizationRequest } from '../../../electron/core/auth/authorize.ts';
import type { LoginWindowOptions } from '../../../electron/shell/auth/login-window.ts';
import type { WebContents } from 'electron';
import { matchCallback } from '../../../electron/core/auth/callback.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { guardNavigation } from '../../../electron/shell/security.ts';
import {
  issueCa,
  issueServerCertificate,
} from '../../../electron/sandbox/pki.ts';
import { AppFailure } from '../../../shared/result.ts';

/** Fakes for the parts of Electron the login window touches. */
const fakes = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports, so node:events is imported here.
  const { EventEmitter: Emitter } = await import('node:events');

  class FakeSession {
    partition: string;
    beforeRequest: {
      filter: { urls: string[] };
      listener: (
        details: { url: string },
        callback: (r: { cancel?: boolean }) => void,
      ) => void;
    } | null = null;
    handlers = new Map<string, (request: Request) => Response>();
    webRequest = {
      onBeforeRequest: (
        filter: { urls: string[] } | null,
        listener?: never,
      ) => {
        this.beforeRequest = filter && listener ? { filter, listener } : null;
      },
    };
    protocol = {
      handle: (scheme: string, handler: (request: Request) => Response) => {
        this.handlers.set(scheme, handler);
      },
      unhandle: (scheme: string) => {
        this.handlers.delete(scheme);
      },
    };
    constructor(partition: string) {
      this.partition = partition;
    }
  }

  class FakeWebContents extends Emitter {
    static nextId = 1;
    id = FakeWebContents.nextId++;
    openHandler: ((details: { url: string }) => { action: string }) | null =
      null;
    setWindowOpenHandler(
      handler: (details: { url: string }) => { action: string },
    ) {
      this.openHandler = handler;
    }
  }

  class FakeBrowserWindow extends Emitter {
    static last: FakeBrowserWindow | null = null;
    options: Record<string, unknown>;
    webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    destroyed = false;
    loadResult: Promise<void> = new Promise(() => undefined);
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      FakeBrowserWindow.last = this;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return this.loadResult;
    }
    isDestroyed() {
      return this.destroyed;
    }
    close() {
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const sessions: FakeSession[] = [];
  const app = new Emitter();
  // The app-wide protocol module: the login window must never use it.
  const globalProtocolCalls: string[] = [];
  const globalProtocol = Object.fromEntries(
    ['handle', 'interceptHttpProtocol', 'interceptBufferProtocol'].map(
      (name) => [
        name,
        (scheme: string) => globalProtocolCalls.push(`${name} ${scheme}`),
      ],
    ),
  );
  return {
    FakeSession,
    FakeBrowserWindow,
    FakeWebContents,
    sessions,
    app,
    globalProtocol,
    globalProtocolCalls,
  };
});

vi.mock('electron', () => {
  const session = {
    fromPartition: (partition: string) => {
      const created = new fakes.FakeSession(partition);
      fakes.sessions.push(created);
      return created;
    },
  };
  const electron = {
    app: fakes.app,
    BrowserWindow: fakes.FakeBrowserWindow,
    protocol: fakes.globalProtocol,
    session,
  };
  return { ...electron, default: electron };
});

const { createLoginWindowTransport } =
  await import('../../../electron/shell/auth/login-window.ts');

const IDP = 'https://logincert.example.test';
const REDIRECT = 'https://localhost:9002/callback';
const STATE = 'state-abcdef-123456';
const NOW = Date.parse('2026-03-01T00:00:00Z');

function authorization(redirectUri = REDIRECT): AuthorizationRequest {
  return {
    authorizeUrl: `${IDP}/anaf-oauth2/v1/authorize?response_type=code&state=${STATE}`,
    redirectUri,
    match: (url) => matchCallback(url, { redirectUri, state: STATE }),
    signal: new AbortController().signal,
  };
}

function electronCertificate(fingerprint: string, daysLeft: number) {
  return {
    fingerprint,
    subjectName: `Subject ${fingerprint}`,
    issuerName: 'Qualified CA',
    serialNumber: `0a${fingerprint}`,
    validStart: (NOW - 100 * 86_400_000) / 1000,
    validExpiry: (NOW + daysLeft * 86_400_000) / 1000,
  };
}

function start(
  picker: (entries: unknown[]) => Promise<string | null> = async () => null,
  request = authorization(),
  extra: Partial<LoginWindowOptions> = {},
) {
  const memory = createMemoryLogger();
  const transport = createLoginWindowTransport({
    pickCertificate: picker as never,
    logger: memory.logger,
    now: () => NOW,
    ...extra,
  });
  const outcome = transport(request);
  outcome.catch(() => undefined);
  const window = fakes.FakeBrowserWindow.last!;
  const session = fakes.sessions.at(-1)!;
  return { outcome, window, session, lines: memory.lines };
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

async function failureCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return error instanceof AppFailure ? error.code : String(error);
}

/** Tells whether a login promise is still unsettled after pending callbacks ran. */
async function isPending(promise: Promise<unknown>): Promise<boolean> {
  const settled = promise.then(
    () => false,
    () => false,
  );
  const pending = new Promise<boolean>((resolve) =>
    setTimeout(() => resolve(true), 0),
  );
  return Promise.race([settled, pending]);
}

beforeEach(() => {
  fakes.sessions.length = 0;
  fakes.globalProtocolCalls.length = 0;
  fakes.app.removeAllListeners();
});

describe('login window (mocked electron)', () => {
  it('uses an in-memory partition', () => {
    const { session } = start();
    expect(session.partition.startsWith('persist:')).toBe(false);
  });

  it('uses a new partition each time', () => {
    const first = start().session.partition;
    const second = start().session.partition;
    expect(first).not.toBe(second);
  });

  it('turns Node off and isolation and sandbox on', () => {
    const { window, session } = start();
    const preferences = window.options.webPreferences as Record<
      string,
      unknown
    >;
    expect(preferences).toMatchObject({
      nodeIntegration: false,
      contextIsolation: true,
      sandbox: true,
      session,
    });
  });

  it('has no preload', () => {
    const { window } = start();
    const preferences = window.options.webPreferences as Record<
      string,
      unknown
    >;
    expect(preferences.preload).toBeUndefined();
  });

  it('loads the authorize URL', () => {
    const { window } = start();
    expect(window.loadedUrl).toBe(authorization().authorizeUrl);
  });

  it('filters requests by the callback pattern', () => {
    const { session } = start();
    expect(session.beforeRequest?.filter.urls).toEqual([`${REDIRECT}*`]);
  });

  it('cancels the callback request', () => {
    const { session } = start();
    const callback = vi.fn();
    session.beforeRequest?.listener(
      { url: `${REDIRECT}?code=c1&state=${STATE}` },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });

  it('resolves with the code from the callback request', async () => {
    const { session, outcome } = start();
    session.beforeRequest?.listener(
      { url: `${REDIRECT}?code=c1&state=${STATE}` },
      () => undefined,
    );
    expect((await outcome).code).toBe('c1');
  });

  it('catches the callback on will-redirect', async () => {
    const { window, outcome } = start();
    const event = navigationEvent(`${REDIRECT}?code=c2&state=${STATE}`);
    window.webContents.emit('will-redirect', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect((await outcome).code).toBe('c2');
  });

  it('keeps the app-wide guard from warning on the callback', async () => {
    const guard = createMemoryLogger();
    const { window, outcome } = start();
    const contents = window.webContents as unknown as WebContents;
    guardNavigation(contents, guard.logger);
    const url = `${REDIRECT}?code=c3&state=${STATE}`;
    const event = navigationEvent(url);
    window.webContents.emit('will-redirect', event, url);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(guard.lines.filter((line) => line.startsWith('warn'))).toEqual([]);
    expect((await outcome).code).toBe('c3');
  });

  it('leaves the app-wide guard warning on other URLs', () => {
    const guard = createMemoryLogger();
    const { window } = start();
    const contents = window.webContents as unknown as WebContents;
    guardNavigation(contents, guard.logger);
    const url = 'https://evil.example.test/page';
    window.webContents.emit('will-redirect', navigationEvent(url), url);
    expect(guard.lines.some((line) => line.startsWith('warn'))).toBe(true);
  });

  it('rejects access_denied as no certificate', async () => {
    const { window, outcome } = start();
    window.webContents.emit(
      'will-navigate',
      navigationEvent(`${REDIRECT}?error=access_denied&state=${STATE}`),
    );
    expect(await failureCode(outcome)).toBe('auth.noCertificate');
  });

  it('blocks navigation to another origin', () => {
    const { window } = start();
    const event = navigationEvent('https://evil.example.test/page?x=1');
    window.webContents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('logs a blocked navigation without its query', () => {
    const { window, lines } = start();
    window.webContents.emit(
      'will-navigate',
      navigationEvent('https://evil.example.test/page?x=secret1'),
    );
    const line =
      lines.find((item) => item.includes('Blocked a navigation')) ?? '';
    expect(line).toContain('https://evil.example.test/page');
    expect(line).not.toContain('secret1');
  });

  it('allows navigation within the IdP origin', () => {
    const { window } = start();
    const event = navigationEvent(`${IDP}/my.policy`);
    window.webContents.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('denies new windows', () => {
    const { window } = start();
    expect(
      window.webContents.openHandler?.({ url: 'https://x.test/' }),
    ).toEqual({
      action: 'deny',
    });
  });

  it('cancels when the window closes', async () => {
    const { window, outcome } = start();
    window.close();
    expect(await failureCode(outcome)).toBe('auth.cancelled');
  });

  it('cancels on abort', async () => {
    const controller = new AbortController();
    const { outcome } = start(undefined, {
      ...authorization(),
      signal: controller.signal,
    });
    controller.abort();
    expect(await failureCode(outcome)).toBe('auth.cancelled');
  });

  it('reports a page that fails to load', async () => {
    const failure = Object.assign(new Error('net error'), {
      code: 'ERR_CONNECTION_REFUSED',
    });
    const pending = Promise.reject(failure);
    pending.catch(() => undefined);
    vi.spyOn(fakes.FakeBrowserWindow.prototype, 'loadURL').mockReturnValueOnce(
      pending,
    );
    const { outcome } = start();
    expect(await failureCode(outcome)).toBe('auth.network');
  });

  it('closes the window after the callback', async () => {
    const { window, session, outcome } = start();
    session.beforeRequest?.listener(
      { url: `${REDIRECT}?code=c3&state=${STATE}` },
      () => undefined,
    );
    await outcome;
    expect(window.destroyed).toBe(true);
  });

  it('removes its certificate listener afterwards', async () => {
    const { window, outcome } = start();
    window.close();
    await outcome.catch(() => undefined);
    expect(fakes.app.listenerCount('select-client-certificate')).toBe(0);
  });

  it('handles a custom-scheme callback on the login session', async () => {
    const redirect = 'ro.efactura://auth/done';
    const { session, outcome } = start(undefined, authorization(redirect));
    const handler = session.handlers.get('ro.efactura');
    const response = handler?.(
      new Request(`${redirect}?code=c4&state=${STATE}`),
    );
    expect(response?.status).toBe(200);
    expect((await outcome).code).toBe('c4');
  });

  it('adds no URL filter for a custom scheme', () => {
    const { session } = start(
      undefined,
      authorization('ro.efactura://auth/done'),
    );
    expect(session.beforeRequest).toBeNull();
  });

  it('leaves the https scheme alone', () => {
    const { session } = start();
    expect(session.handlers.size).toBe(0);
  });

  it('catches the callback on will-navigate', async () => {
    const { window, outcome } = start();
    const event = navigationEvent(`${REDIRECT}?code=c6&state=${STATE}`);
    window.webContents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect((await outcome).code).toBe('c6');
  });

  it('rejects a callback with another state', async () => {
    const { window, outcome } = start();
    window.webContents.emit(
      'will-redirect',
      navigationEvent(`${REDIRECT}?code=c7&state=another-state`),
    );
    expect(await failureCode(outcome)).toBe('auth.stateMismatch');
  });

  // Each URL carries a valid code and state, so taking it for the callback
  // would settle the login.
  const lookalikes: Array<[string, string]> = [
    ['other port', 'https://localhost:9003/callback'],
    ['http scheme', 'http://localhost:9002/callback'],
    ['host suffix', 'https://localhost.evil.test:9002/callback'],
    ['user info before host', 'https://localhost:9002@evil.test/callback'],
    ['callback in path', 'https://evil.test/https://localhost:9002/callback'],
    ['longer path', 'https://localhost:9002/callbackx'],
    ['sub path', 'https://localhost:9002/callback/x'],
    ['path case', 'https://localhost:9002/Callback'],
  ];

  it.each(lookalikes)('blocks a lookalike callback: %s', (_name, url) => {
    const { window } = start();
    const event = navigationEvent(`${url}?code=c8&state=${STATE}`);
    window.webContents.emit('will-redirect', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each(lookalikes)(
    'stays pending after a lookalike: %s',
    async (_n, url) => {
      const { window, outcome } = start();
      window.webContents.emit(
        'will-navigate',
        navigationEvent(`${url}?code=c8&state=${STATE}`),
      );
      expect(await isPending(outcome)).toBe(true);
    },
  );

  // The filter `https://localhost:9002/callback*` lets these through to the
  // listener, which cancels them but must not take them for the callback.
  it.each([
    'https://localhost:9002/callbackx',
    'https://localhost:9002/callback/x',
  ])('filtered lookalike %s leaves the login pending', async (url) => {
    const { session, outcome } = start();
    const callback = vi.fn();
    session.beforeRequest?.listener(
      { url: `${url}?code=c9&state=${STATE}` },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({ cancel: true });
    expect(await isPending(outcome)).toBe(true);
  });

  it('returns 404 for another custom-scheme path', async () => {
    const redirect = 'ro.efactura://auth/done';
    const { session, outcome } = start(undefined, authorization(redirect));
    const handler = session.handlers.get('ro.efactura');
    const response = handler?.(
      new Request(`ro.efactura://auth/other?code=c10&state=${STATE}`),
    );
    expect(response?.status).toBe(404);
    expect(await isPending(outcome)).toBe(true);
  });

  it('reports access_denied on a custom scheme', async () => {
    const redirect = 'ro.efactura://auth/done';
    const { session, outcome } = start(undefined, authorization(redirect));
    const handler = session.handlers.get('ro.efactura');
    handler?.(new Request(`${redirect}?error=access_denied&state=${STATE}`));
    expect(await failureCode(outcome)).toBe('auth.noCertificate');
  });

  it('removes the custom-scheme handler afterwards', async () => {
    const redirect = 'ro.efactura://auth/done';
    const { session, outcome } = start(undefined, authorization(redirect));
    session.handlers.get('ro.efactura')?.(
      new Request(`${redirect}?code=c11&state=${STATE}`),
    );
    await outcome;
    expect(session.handlers.has('ro.efactura')).toBe(false);
  });

  it('registers only the custom scheme', () => {
    const { session } = start(
      undefined,
      authorization('ro.efactura://auth/done'),
    );
    expect([...session.handlers.keys()]).toEqual(['ro.efactura']);
  });

  it.each([REDIRECT, 'ro.efactura://auth/done'])(
    'never uses the app-wide protocol module (%s)',
    (redirect) => {
      start(undefined, authorization(redirect));
      expect(fakes.globalProtocolCalls).toEqual([]);
    },
  );

  it('removes the request filter afterwards', async () => {
    const { session, outcome } = start();
    session.beforeRequest?.listener(
      { url: `${REDIRECT}?code=c12&state=${STATE}` },
      () => undefined,
    );
    await outcome;
    expect(session.beforeRequest).toBeNull();
  });
});

describe('login window server certificates (mocked electron)', () => {
  // The sandbox's own issuers; the login window runs on the real clock here
  // because these certificates are valid from the moment they are made.
  const ca = issueCa();
  const server = issueServerCertificate(ca);
  const otherCa = issueCa();
  const SANDBOX = 'https://127.0.0.1:8443';
  const trustedCa = { origin: SANDBOX, caCertPem: ca.certPem };

  function certificateError(
    window: InstanceType<typeof fakes.FakeBrowserWindow>,
    url: string,
    pem: string,
  ) {
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    window.webContents.emit(
      'certificate-error',
      event,
      url,
      'net::ERR_CERT_AUTHORITY_INVALID',
      { data: pem },
      callback,
      true,
    );
    return { event, callback };
  }

  it('trusts the sandbox CA on its origin', () => {
    const { window } = start(undefined, undefined, {
      trustedCa,
      now: Date.now,
    });
    const { event, callback } = certificateError(
      window,
      `${SANDBOX}/anaf-oauth2/v1/authorize`,
      server.certPem,
    );
    expect(event.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledWith(true);
  });

  it('leaves another origin rejected', () => {
    const { window } = start(undefined, undefined, {
      trustedCa,
      now: Date.now,
    });
    const { event, callback } = certificateError(
      window,
      'https://localhost:8443/anaf-oauth2/v1/authorize',
      server.certPem,
    );
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(callback).not.toHaveBeenCalled();
  });

  it('leaves another CA rejected', () => {
    const { window } = start(undefined, undefined, {
      trustedCa,
      now: Date.now,
    });
    const { event } = certificateError(
      window,
      `${SANDBOX}/x`,
      issueServerCertificate(otherCa).certPem,
    );
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('trusts nothing extra without a CA', () => {
    const { window } = start(undefined, undefined, { now: Date.now });
    const { event } = certificateError(window, `${SANDBOX}/x`, server.certPem);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('logs a rejected certificate without the query', () => {
    const { window, lines } = start();
    certificateError(window, `${SANDBOX}/x?state=secret2`, server.certPem);
    const line = lines.find((item) => item.includes('Rejected a server')) ?? '';
    expect(line).toContain(`${SANDBOX}/x`);
    expect(line).not.toContain('secret2');
  });
});

describe('login window certificate choice (mocked electron)', () => {
  function selectCertificate(contentsId: number, certificates: unknown[]) {
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    fakes.app.emit(
      'select-client-certificate',
      event,
      { id: contentsId },
      `${IDP}/authorize`,
      certificates,
      callback,
    );
    return { event, callback };
  }

  it('presents a single certificate directly', async () => {
    const { window } = start();
    const only = electronCertificate('aa', 200);
    const { event, callback } = selectCertificate(window.webContents.id, [
      only,
    ]);
    await vi.waitFor(() => expect(callback).toHaveBeenCalledWith(only));
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('does not open the picker for one certificate', async () => {
    const picker = vi.fn(async () => null);
    const { window } = start(picker);
    const { callback } = selectCertificate(window.webContents.id, [
      electronCertificate('aa', 200),
    ]);
    await vi.waitFor(() => expect(callback).toHaveBeenCalled());
    expect(picker).not.toHaveBeenCalled();
  });

  it('offers a single expired certificate in the picker', async () => {
    const picker = vi.fn(async (_entries: unknown[]) => null);
    const { window } = start(picker);
    selectCertificate(window.webContents.id, [electronCertificate('aa', -3)]);
    await vi.waitFor(() => expect(picker).toHaveBeenCalled());
    const entries = picker.mock.calls[0]?.[0] as Array<{ expired: boolean }>;
    expect(entries.map((entry) => entry.expired)).toEqual([true]);
  });

  it('shows subject, issuer and validity in the picker', async () => {
    const picker = vi.fn(async (_entries: unknown[]) => null);
    const { window } = start(picker);
    selectCertificate(window.webContents.id, [
      electronCertificate('aa', 10),
      electronCertificate('bb', 20),
    ]);
    await vi.waitFor(() => expect(picker).toHaveBeenCalled());
    const entries = picker.mock.calls[0]?.[0] as Array<Record<string, unknown>>;
    expect(entries[0]).toMatchObject({
      subject: 'Subject bb',
      issuer: 'Qualified CA',
      validFrom: NOW - 100 * 86_400_000,
      validTo: NOW + 20 * 86_400_000,
      expired: false,
    });
  });

  it('continues without a certificate for an empty list', async () => {
    const picker = vi.fn(async () => null);
    const { window, outcome } = start(picker);
    const { event, callback } = selectCertificate(window.webContents.id, []);
    await vi.waitFor(() => expect(callback).toHaveBeenCalledWith());
    expect(event.preventDefault).toHaveBeenCalled();
    expect(picker).not.toHaveBeenCalled();
    expect(await isPending(outcome)).toBe(true);
  });

  it('ignores other windows', () => {
    start();
    const { event } = selectCertificate(-1, [electronCertificate('aa', 200)]);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('offers several certificates in the picker', async () => {
    const picker = vi.fn(async (_entries: unknown[]) => 'bb');
    const { window } = start(picker);
    const certificates = [
      electronCertificate('aa', -1),
      electronCertificate('bb', 100),
    ];
    const { callback } = selectCertificate(window.webContents.id, certificates);
    await vi.waitFor(() =>
      expect(callback).toHaveBeenCalledWith(certificates[1]),
    );
    const entries = picker.mock.calls[0]?.[0] as Array<{
      id: string;
      expired: boolean;
    }>;
    expect(entries.map((entry) => [entry.id, entry.expired])).toEqual([
      ['bb', false],
      ['aa', true],
    ]);
  });

  it('cancels when the picker is dismissed', async () => {
    const { window, outcome } = start(async () => null);
    const certificates = [
      electronCertificate('aa', 50),
      electronCertificate('bb', 100),
    ];
    const { callback } = selectCertificate(window.webContents.id, certificates);
    expect(await failureCode(outcome)).toBe('auth.cancelled');
    expect(callback).toHaveBeenCalledWith();
  });

  it('passes the chosen certificate on with the code', async () => {
    const { window, session, outcome } = start();
    const { callback } = selectCertificate(window.webContents.id, [
      electronCertificate('aa', 200),
    ]);
    await vi.waitFor(() => expect(callback).toHaveBeenCalled());
    session.beforeRequest?.listener(
      { url: `${REDIRECT}?code=c5&state=${STATE}` },
      () => undefined,
    );
    expect((await outcome).certificate?.serial).toBe('0aaa');
  });
});
