/**
 * Shared pieces of the _electron suite: where the Electron binary is, the
 * built app launched on a fresh data folder, and a probe in the main process
 * that records what each login window does.
 */
import {
  _electron as electron,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import type { Session, WebContents } from 'electron';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface ElectronBinary {
  binary?: string;
  /** Why the suite is skipped, when the binary is missing. */
  reason?: string;
}

/** Finds the Electron binary that the `electron` package installed. */
export function findElectronBinary(): ElectronBinary {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    if (typeof binary === 'string' && fs.existsSync(binary)) return { binary };
    return {
      reason: `the Electron binary is not installed (expected at ${String(binary)})`,
    };
  } catch (error) {
    const firstLine = (error as Error).message.split('\n')[0];
    return { reason: `the Electron binary is not installed (${firstLine})` };
  }
}

export interface LaunchedApp {
  app: ElectronApplication;
  /** The main window. */
  window: Page;
  dataDir: string;
  close(): Promise<void>;
}

/** Launches the built app on a new data folder, with extra environment variables. */
export async function launchApp(
  binary: string,
  env: Record<string, string> = {},
): Promise<LaunchedApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-electron-'));
  const app = await electron.launch({
    executablePath: binary,
    args: [repoRoot],
    env: { ...process.env, EFACTURA_DATA_DIR: dataDir, ...env },
  });
  const window = await app.firstWindow();
  return {
    app,
    window,
    dataDir,
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A `will-navigate` or `will-redirect` event, and whether a listener cancelled it. */
export interface NavigationRequest {
  url: string;
  prevented: boolean;
}

/** What the probe records for one login window, in the order Electron emits it. */
export interface LoginWindowRecord {
  /** Main-frame navigations that started: the authorize URL comes first. */
  started: string[];
  /** Server redirects, as `will-redirect` reports them. */
  redirects: NavigationRequest[];
  /** Server redirects that were followed (`did-redirect-navigation`). */
  followed: string[];
  /** Navigations that the page itself started, as `will-navigate` reports them. */
  attempts: NavigationRequest[];
  /** URLs that committed in the main frame. */
  committed: string[];
  destroyed: boolean;
}

/** The probe's state in the main process, on `globalThis`. */
export interface ProbeGlobal {
  efacturaLoginProbe: {
    records: LoginWindowRecord[];
    contents: WebContents[];
    sessions: Session[];
  };
}

/**
 * Installs the probe in the main process. Every webContents created on a
 * session other than the default one is a login window, since the app's own
 * windows use the default session. Install it before the login starts, so
 * that it sees the window's first navigation.
 */
export async function installLoginProbe(
  app: ElectronApplication,
): Promise<void> {
  await app.evaluate(({ app: electronApp, session }) => {
    const probe: ProbeGlobal['efacturaLoginProbe'] = {
      records: [],
      contents: [],
      sessions: [],
    };
    (globalThis as unknown as ProbeGlobal).efacturaLoginProbe = probe;

    electronApp.on('web-contents-created', (_event, contents) => {
      if (contents.session === session.defaultSession) return;
      const record: LoginWindowRecord = {
        started: [],
        redirects: [],
        followed: [],
        attempts: [],
        committed: [],
        destroyed: false,
      };
      probe.records.push(record);
      probe.contents.push(contents);
      probe.sessions.push(contents.session);

      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame) record.started.push(details.url);
      });
      // Electron calls every listener before it reads defaultPrevented, and
      // the microtask runs after the last listener returned.
      contents.on('will-redirect', (details) => {
        queueMicrotask(() =>
          record.redirects.push({
            url: details.url,
            prevented: details.defaultPrevented,
          }),
        );
      });
      contents.on('did-redirect-navigation', (details) => {
        record.followed.push(details.url);
      });
      contents.on('will-navigate', (details) => {
        queueMicrotask(() =>
          record.attempts.push({
            url: details.url,
            prevented: details.defaultPrevented,
          }),
        );
      });
      contents.on('did-navigate', (_navigation, url) => {
        record.committed.push(url);
      });
      contents.once('destroyed', () => {
        record.destroyed = true;
      });
    });
  });
}

/** Returns the probe's record of every login window so far, oldest first. */
export function loginRecords(
  app: ElectronApplication,
): Promise<LoginWindowRecord[]> {
  return app.evaluate(
    () => (globalThis as unknown as ProbeGlobal).efacturaLoginProbe.records,
  );
}
