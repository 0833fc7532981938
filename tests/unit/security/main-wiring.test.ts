// The Electron main process as `main.ts` wires it, against a mocked electron
// module (the Electron binary cannot run here): single-instance lock, the
// privileged `app://` scheme, the guard on every webContents, the main
// window's preferences and page, and the IPC handlers. The fake
// BrowserWindow emits `web-contents-created` as Electron does, so the login
// window meets the same app-wide guard as every other window.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { matchCallback } from '../../../electron/core/auth/callback.ts';
import type { AuthorizationRequest } from '../../../electron/core/auth/authorize.ts';
import { CHANNEL_NAMES, ipcChannelName } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/result.ts';
import type * as AppCoreModule from '../../../electron/core/app/app-core.ts';
import { codeOf } from './result-code.ts';

const fakes = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports, so node:events is imported here.
  const { EventEmitter: Emitter } = await import('node:events');
  const order: string[] = [];
  const app = Object.assign(new Emitter(), {
    lockGranted: true,
    quitCalls: 0,
    requestSingleInstanceLock() {
      order.push('requestSingleInstanceLock');
      return app.lockGranted;
    },
    whenReady() {
      order.push('whenReady');
      return Promise.resolve();
    },
    quit() {
      app.quitCalls += 1;
    },
    setPath: () => undefined,
    getVersion: () => '0.0.0-test',
  });

  type OpenHandler = (details: { url: string }) => { action: string };
  class FakeWebContents extends Emitter {
    static nextId = 1;
    id = FakeWebContents.nextId++;
    openHandler: OpenHandler | null = null;
    setWindowOpenHandler(handler: OpenHandler) {
      this.openHandler = handler;
    }
    isDestroyed() {
      return false;
    }
    send() {}
  }

  class FakeBrowserWindow extends Emitter {
    static all: FakeBrowserWindow[] = [];
    options: Record<string, unknown>;
    webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    destroyed = false;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      FakeBrowserWindow.all.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return new Promise<void>(() => undefined);
    }
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return this.destroyed;
    }
    close() {
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
  const protocolHandlers = new Map<string, unknown>();
  const privileged: unknown[] = [];
  const logLines: string[] = [];
  return {
    app,
    order,
    FakeBrowserWindow,
    FakeWebContents,
    ipcHandlers,
    protocolHandlers,
    privileged,
    logLines,
  };
});

vi.mock('electron', () => {
  const electron = {
    app: fakes.app,
    BrowserWindow: fakes.FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, listener: (...args: unknown[]) => unknown) =>
        fakes.ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => fakes.ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        fakes.order.push('registerSchemesAsPrivileged');
        fakes.privileged.push(...schemes);
      },
      handle: (scheme: string, handler: unknown) =>
        fakes.protocolHandlers.set(scheme, handler),
    },
    shell: { openExternal: async () => undefined },
    session: {
      fromPartition: () => ({
        webRequest: { onBeforeRequest: () => undefined },
        protocol: { handle: () => undefined, unhandle: () => undefined },
      }),
    },
  };
  return { ...electron, default: electron };
});

vi.mock('../../../electron/shell/electron-log-sink.ts', () => ({
  createElectronLogSink: () => (level: string, line: string) =>
    fakes.logLines.push(`${level} ${line}`),
}));

vi.mock('../../../electron/shell/settings-store.ts', () => {
  let stored: Record<string, unknown> = {};
  return {
    createElectronSettingsStore: () => ({
      read: () => ({ ...stored }),
      write: (settings: Record<string, unknown>) => {
        stored = { ...settings };
      },
    }),
  };
});

vi.mock('../../../electron/shell/auth/safe-storage-vault.ts', async () => {
  const { MemoryVault } = await import('../../../electron/core/vault/index.ts');
  return { openSafeStorageVault: async () => new MemoryVault() };
});

// The real core, without starting the embedded sandbox (its certificates
// take seconds to generate and nothing here talks to it).
vi.mock('../../../electron/core/app/app-core.ts', async (importActual) => {
  const actual = await importActual<typeof AppCoreModule>();
  return {
    ...actual,
    createAppCore: (platform: Parameters<typeof actual.createAppCore>[0]) =>
      actual.createAppCore({ ...platform, startSandboxAtLaunch: false }),
  };
});

const IDP = 'https://logincert.anaf.ro';
const REDIRECT = 'https://localhost:9002/callback';

let dataDir: string;
let previousDataDir: string | undefined;

/** Imports main.ts afresh and waits until its start-up has settled. */
async function startMain(lockGranted: boolean): Promise<void> {
  fakes.app.lockGranted = lockGranted;
  fakes.FakeBrowserWindow.all.length = 0;
  fakes.ipcHandlers.clear();
  fakes.order.length = 0;
  vi.resetModules();
  await import('../../../electron/shell/main.ts');
  if (lockGranted) {
    await vi.waitFor(() => expect(fakes.FakeBrowserWindow.all.length).toBe(1));
  }
}

/** Emits a navigation event as Electron does: the URL on the event and as the second argument. */
function fire(
  contents: InstanceType<typeof fakes.FakeWebContents>,
  name: string,
  url: string,
) {
  const event = {
    url,
    prevented: false,
    preventDefault: () => (event.prevented = true),
  };
  contents.emit(name, event, url);
  return event;
}

function invokeEvent(senderId: number, url: string): IpcMainInvokeEvent {
  return {
    sender: { id: senderId },
    senderFrame: { url, parent: null },
  } as unknown as IpcMainInvokeEvent;
}

beforeAll(() => {
  previousDataDir = process.env.EFACTURA_DATA_DIR;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-main-'));
  process.env.EFACTURA_DATA_DIR = dataDir;
});

afterAll(() => {
  fakes.app.emit('will-quit');
  if (previousDataDir === undefined) delete process.env.EFACTURA_DATA_DIR;
  else process.env.EFACTURA_DATA_DIR = previousDataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('main process without the instance lock (mocked electron)', () => {
  it('quits and opens no window', async () => {
    await startMain(false);
    expect(fakes.app.quitCalls).toBe(1);
    expect(fakes.FakeBrowserWindow.all).toEqual([]);
    expect(fakes.ipcHandlers.size).toBe(0);
  });
});

describe('main process (mocked electron)', () => {
  beforeAll(async () => {
    fakes.app.removeAllListeners();
    await startMain(true);
  });

  const mainWindow = () => fakes.FakeBrowserWindow.all[0]!;

  it('asks for the single-instance lock', () => {
    expect(fakes.order).toContain('requestSingleInstanceLock');
  });

  it('registers app:// before the app is ready', () => {
    const registered = fakes.order.indexOf('registerSchemesAsPrivileged');
    expect(registered).toBeGreaterThanOrEqual(0);
    expect(registered).toBeLessThan(fakes.order.indexOf('whenReady'));
    expect(fakes.privileged).toContainEqual(
      expect.objectContaining({ scheme: 'app' }),
    );
  });

  it('serves the renderer through app://', () => {
    expect(fakes.protocolHandlers.has('app')).toBe(true);
  });

  it('main window loads the app page', () => {
    expect(mainWindow().loadedUrl).toBe('app://efactura/index.html');
  });

  it('main window is isolated and sandboxed', () => {
    const preferences = mainWindow().options.webPreferences as Record<
      string,
      unknown
    >;
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.webviewTag).toBe(false);
  });

  it('main window denies foreign navigation', () => {
    const event = fire(
      mainWindow().webContents,
      'will-navigate',
      'https://evil.example/',
    );
    expect(event.prevented).toBe(true);
  });

  it('main window denies window.open', () => {
    const decision = mainWindow().webContents.openHandler?.({
      url: 'https://evil.example/',
    });
    expect(decision).toEqual({ action: 'deny' });
  });

  it('guards every new webContents', () => {
    const contents = new fakes.FakeWebContents();
    fakes.app.emit('web-contents-created', {}, contents);
    const event = fire(contents, 'will-redirect', 'https://evil.example/');
    expect(event.prevented).toBe(true);
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
  });

  it('registers a handler for every channel', () => {
    const missing = CHANNEL_NAMES.filter(
      (channel) => !fakes.ipcHandlers.has(ipcChannelName(channel)),
    );
    expect(missing).toEqual([]);
  });

  it('answers its own window', async () => {
    const handler = fakes.ipcHandlers.get(ipcChannelName('app.info'))!;
    const event = invokeEvent(
      mainWindow().webContents.id,
      'app://efactura/index.html',
    );
    const result = (await handler(event, undefined)) as Result<unknown>;
    expect(result.ok).toBe(true);
  });

  it('restricts the umask to the user', () => {
    const previous = process.umask(0o077);
    expect(previous).toBe(0o077);
  });

  it('data folder is user-only', () => {
    const wrong: string[] = [];
    const visit = (folder: string): void => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        const mode = fs.lstatSync(full).mode & 0o777;
        if (mode !== (entry.isDirectory() ? 0o700 : 0o600))
          wrong.push(`${full} ${mode.toString(8)}`);
        if (entry.isDirectory()) visit(full);
      }
    };
    visit(dataDir);
    expect(fs.readdirSync(dataDir)).toContain('index.sqlite');
    expect(wrong).toEqual([]);
  });

  it('rejects a window it did not create', async () => {
    const handler = fakes.ipcHandlers.get(ipcChannelName('app.info'))!;
    const other = new fakes.FakeWebContents();
    const result = (await handler(
      invokeEvent(other.id, 'app://efactura/index.html'),
      undefined,
    )) as Result<unknown>;
    expect(codeOf(result)).toBe('ipc.forbidden');
  });
});

describe('login window under the app-wide guard (mocked electron)', () => {
  async function openLoginWindow() {
    const { createLoginWindowTransport } =
      await import('../../../electron/shell/auth/login-window.ts');
    const { createMemoryLogger } =
      await import('../../../electron/core/log/logger.ts');
    const request: AuthorizationRequest = {
      authorizeUrl: `${IDP}/anaf-oauth2/v1/authorize?response_type=code&state=s1`,
      redirectUri: REDIRECT,
      match: (url) =>
        matchCallback(url, { redirectUri: REDIRECT, state: 's1' }),
      signal: new AbortController().signal,
    };
    const outcome = createLoginWindowTransport({
      pickCertificate: async () => null,
      logger: createMemoryLogger().logger,
    })(request);
    outcome.catch(() => undefined);
    return fakes.FakeBrowserWindow.all.at(-1)!;
  }

  it('login window denies other origins', async () => {
    const window = await openLoginWindow();
    const event = fire(
      window.webContents,
      'will-navigate',
      'https://evil.example/',
    );
    expect(event.prevented).toBe(true);
    window.close();
  });

  // NOTE: fails today. main.ts attaches guardNavigation with no allowed
  // origins to every webContents, the login window's included, so any page
  // change inside the identity provider is cancelled as well.
  it.each(['will-navigate', 'will-redirect'])(
    'login window %s within the IdP',
    async (name) => {
      const window = await openLoginWindow();
      const event = fire(
        window.webContents,
        name,
        `${IDP}/anaf-oauth2/v1/consent?step=2`,
      );
      expect(event.prevented).toBe(false);
      window.close();
    },
  );

  it('login window cannot call the app', async () => {
    const window = await openLoginWindow();
    const handler = fakes.ipcHandlers.get(ipcChannelName('app.info'))!;
    const event = invokeEvent(
      window.webContents.id,
      `${IDP}/anaf-oauth2/v1/authorize`,
    );
    const result = (await handler(event, undefined)) as Result<unknown>;
    expect(codeOf(result)).toBe('ipc.forbidden');
    window.close();
  });
});
