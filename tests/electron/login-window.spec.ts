// The ANAF login window in the real Electron app, against the embedded
// sandbox. EFACTURA_SANDBOX_VIA_BROWSER=1 sends the sandbox login through
// the login window, the code path ANAF logins take, instead of presenting
// the certificate file. The login window trusts the sandbox CA for the
// sandbox's origin only.
//
// These tests assume that the operating system's certificate store contains no
// certificate issued by the sandbox's CA. The sandbox asks for client
// certificates from its own CA only, so Chromium then presents none and the
// sandbox answers the authorize request with error=access_denied.
//
// Some tests need the window to stay on an identity provider page. For
// them, EFACTURA_SANDBOX_FAULTS=authorize:firewall makes the sandbox answer
// authorize with its firewall page (status 200) instead of redirecting.
//
// The suite runs wherever the Electron binary is installed and reports
// itself as skipped, with the reason, where it is not.
import { expect, test } from '@playwright/test';
import { firstRunCertificate } from '../e2e/support/first-run.ts';
import { ro } from '../e2e/support/strings.ts';
import {
  findElectronBinary,
  installLoginProbe,
  launchApp,
  loginRecords,
  type LaunchedApp,
  type LoginWindowRecord,
  type ProbeGlobal,
} from './support.ts';

const found = findElectronBinary();
test.skip(!found.binary, found.reason ?? '');

const CALLBACK_URL = 'https://localhost:9002/callback';
const VIA_LOGIN_WINDOW = { EFACTURA_SANDBOX_VIA_BROWSER: '1' };
const HOLD_ON_IDP_PAGE = {
  ...VIA_LOGIN_WINDOW,
  EFACTURA_SANDBOX_FAULTS: 'authorize:firewall',
};
const NO_CERTIFICATE =
  'No certificate was presented: insert the token and try again.';
const CANCELLED = 'The login was cancelled. Start it again when ready.';

let launched: LaunchedApp | null = null;

test.afterEach(async () => {
  await launched?.close();
  launched = null;
});

/** Launches the app with the probe installed, ready for a sandbox login. */
async function launch(env: Record<string, string>): Promise<LaunchedApp> {
  launched = await launchApp(found.binary ?? '', env);
  await installLoginProbe(launched.app);
  return launched;
}

/** Clicks the login button of the first sandbox certificate with rights on a CIF. */
async function startLogin({ window }: LaunchedApp): Promise<void> {
  const { login } = await firstRunCertificate(window, ro, 1);
  await login.click();
}

/** Waits until the probe has recorded login window number `index` and `ready` returns true for it. */
async function loginWindow(
  { app }: LaunchedApp,
  index: number,
  ready: (record: LoginWindowRecord) => boolean,
): Promise<LoginWindowRecord> {
  let record: LoginWindowRecord | undefined;
  // Opening the window and loading the sandbox page can take seconds.
  await expect
    .poll(
      async () => {
        record = (await loginRecords(app))[index];
        return record !== undefined && ready(record);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return record!;
}

/** Waits until the login window committed the identity provider's page. */
function onIdpPage(started: LaunchedApp, index = 0) {
  return loginWindow(started, index, (record) => record.committed.length > 0);
}

/** Waits until the login window was closed after the callback. */
function finished(started: LaunchedApp, index = 0) {
  return loginWindow(started, index, (record) => record.destroyed);
}

function authorizeUrl(record: LoginWindowRecord): URL {
  const url = record.started.find((item) => item.includes('/authorize?'));
  if (!url) throw new Error(`No authorize URL among ${record.started}`);
  return new URL(url);
}

function errorAlert({ window }: LaunchedApp) {
  return window.getByRole('alert').filter({ hasText: ro.errors.title });
}

test('login window uses an in-memory partition', async () => {
  const started = await launch(HOLD_ON_IDP_PAGE);
  await startLogin(started);
  await onIdpPage(started);
  const partition = await started.app.evaluate(({ session }) => {
    const probe = (globalThis as unknown as ProbeGlobal).efacturaLoginProbe;
    const loginSession = probe.sessions[0]!;
    return {
      persistent: loginSession.isPersistent(),
      storagePath: loginSession.storagePath,
      isDefault: loginSession === session.defaultSession,
    };
  });
  expect(partition.persistent).toBe(false);
  expect(partition.storagePath).toBeNull();
  expect(partition.isDefault).toBe(false);
});

test('login window has no preload and no Node', async () => {
  const started = await launch(HOLD_ON_IDP_PAGE);
  await startLogin(started);
  await onIdpPage(started);
  const settings = await started.app.evaluate(async () => {
    const probe = (globalThis as unknown as ProbeGlobal).efacturaLoginProbe;
    const contents = probe.contents[0]!;
    // NOTE: getLastWebPreferences is missing from Electron 45's type
    // definitions and API docs, so a later Electron may drop it.
    const preferences = (
      contents as unknown as {
        getLastWebPreferences(): Record<string, unknown> | null;
      }
    ).getLastWebPreferences();
    return {
      nodeIntegration: preferences?.nodeIntegration,
      contextIsolation: preferences?.contextIsolation,
      sandbox: preferences?.sandbox,
      hasPreload: Boolean(preferences?.preload),
      sessionPreloads: contents.session.getPreloadScripts().length,
      pageGlobals: (await contents.executeJavaScript(
        '[typeof require, typeof process, typeof module].join()',
      )) as string,
    };
  });
  expect(settings.nodeIntegration).toBe(false);
  expect(settings.contextIsolation).toBe(true);
  expect(settings.sandbox).toBe(true);
  expect(settings.hasPreload).toBe(false);
  expect(settings.sessionPreloads).toBe(0);
  expect(settings.pageGlobals).toBe('undefined,undefined,undefined');
});

test('authorize URL carries the OAuth parameters', async () => {
  const started = await launch(VIA_LOGIN_WINDOW);
  await startLogin(started);
  const url = authorizeUrl(await finished(started));
  expect(url.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  expect(url.pathname).toBe('/anaf-oauth2/v1/authorize');
  expect(url.searchParams.get('response_type')).toBe('code');
  expect(url.searchParams.get('client_id')).toMatch(/^\S+$/);
  expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK_URL);
  expect(url.searchParams.get('token_content_type')).toBe('jwt');
  // 32 random bytes, base64url without padding.
  expect(url.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
});

test('each login gets its own partition and state', async () => {
  const started = await launch(VIA_LOGIN_WINDOW);
  await startLogin(started);
  const first = await finished(started, 0);
  await expect(errorAlert(started)).toContainText(NO_CERTIFICATE);

  await startLogin(started);
  const second = await finished(started, 1);
  const sameSession = await started.app.evaluate(() => {
    const probe = (globalThis as unknown as ProbeGlobal).efacturaLoginProbe;
    return probe.sessions[0] === probe.sessions[1];
  });
  expect(sameSession).toBe(false);
  expect(authorizeUrl(second).searchParams.get('state')).not.toBe(
    authorizeUrl(first).searchParams.get('state'),
  );
});

test('no certificate reports access_denied', async () => {
  const started = await launch(VIA_LOGIN_WINDOW);
  await startLogin(started);
  const record = await finished(started);
  const callback = record.redirects.find((redirect) =>
    redirect.url.startsWith(`${CALLBACK_URL}?`),
  );
  expect(new URL(callback?.url ?? CALLBACK_URL).searchParams.get('error')).toBe(
    'access_denied',
  );

  const alert = errorAlert(started);
  await expect(alert).toContainText(NO_CERTIFICATE);
  await expect(alert).toContainText(ro.errors.hints.authNoCertificate);
  await started.window.screenshot({
    path: test.info().outputPath('electron-login-no-certificate.png'),
  });
});

test('callback is cancelled, never loaded', async () => {
  const started = await launch(VIA_LOGIN_WINDOW);
  await startLogin(started);
  const record = await finished(started);
  const isCallback = (url: string) => url.startsWith(CALLBACK_URL);
  const redirects = record.redirects.filter((redirect) =>
    isCallback(redirect.url),
  );
  expect(redirects.map((redirect) => redirect.prevented)).toEqual([true]);
  expect(record.followed.filter(isCallback)).toEqual([]);
  expect(record.committed.filter(isCallback)).toEqual([]);
});

test('navigation away from the IdP is refused', async () => {
  const started = await launch(HOLD_ON_IDP_PAGE);
  await startLogin(started);
  const idpOrigin = authorizeUrl(await onIdpPage(started)).origin;
  const target = 'https://example.invalid/elsewhere';

  await started.app.evaluate(async (_electron, url) => {
    const probe = (globalThis as unknown as ProbeGlobal).efacturaLoginProbe;
    await probe.contents[0]!.executeJavaScript(
      `location.href = ${JSON.stringify(url)}`,
    );
  }, target);
  const record = await loginWindow(started, 0, (candidate) =>
    candidate.attempts.some((attempt) => attempt.url === target),
  );
  const attempt = record.attempts.find((item) => item.url === target);
  expect(attempt?.prevented).toBe(true);

  const url = await started.app.evaluate(() => {
    const probe = (globalThis as unknown as ProbeGlobal).efacturaLoginProbe;
    return probe.contents[0]!.getURL();
  });
  expect(new URL(url).origin).toBe(idpOrigin);
  expect(record.committed).not.toContain(target);
});

test('window.open in the login window is denied', async () => {
  const started = await launch(HOLD_ON_IDP_PAGE);
  await startLogin(started);
  await onIdpPage(started);
  const opened = await started.app.evaluate(async () => {
    const probe = (globalThis as unknown as ProbeGlobal).efacturaLoginProbe;
    return (await probe.contents[0]!.executeJavaScript(
      "window.open('https://example.invalid/') === null",
    )) as boolean;
  });
  expect(opened).toBe(true);
});

test('closing the login window cancels', async () => {
  const started = await launch(HOLD_ON_IDP_PAGE);
  await startLogin(started);
  await onIdpPage(started);
  await started.app.evaluate(({ BrowserWindow }) => {
    const probe = (globalThis as unknown as ProbeGlobal).efacturaLoginProbe;
    BrowserWindow.fromWebContents(probe.contents[0]!)?.close();
  });

  const alert = errorAlert(started);
  await expect(alert).toContainText(CANCELLED);
  await expect(alert).toContainText(ro.errors.hints.authCancelled);
  await expect(
    started.window.getByRole('heading', {
      name: ro.firstRun.heading,
      exact: true,
    }),
  ).toBeVisible();
});
