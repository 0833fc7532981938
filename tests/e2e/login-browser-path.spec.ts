// The login on the browser path against the embedded sandbox, as the
// browser shell logs in to ANAF. The renderer opens the identity provider's
// authorize URL in a new tab, and the browser presents the client
// certificate. The identity provider then redirects to
// https://localhost:9002/callback, where the shell's short-lived HTTPS
// listener completes the login.
//
// The tab the renderer opens belongs to the app page's context, which has
// no certificate. The test stops that tab before it reaches the identity
// provider and follows its URL in a context that presents the certificate
// (or, in the second test, presents none).
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { expect, screenshot, test, type AppServer } from './fixtures.ts';
import { firstRunCertificate } from './support/first-run.ts';
import { sandboxCertificateFile } from './support/sandbox-certificates.ts';
import { ro } from './support/strings.ts';

test.use({ appOptions: { env: { EFACTURA_SANDBOX_VIA_BROWSER: '1' } } });

const CALLBACK_URL = 'https://localhost:9002/callback';

interface StartedLogin {
  serial: string;
  /** The certificate subject's common name, the person it names. */
  commonName: string;
  authorizeUrl: URL;
}

/** Starts a login with the first sandbox certificate and returns the URL the renderer opened. */
async function startLogin(page: Page, app: AppServer): Promise<StartedLogin> {
  await page.goto(app.url);
  const { login, serial, commonName } = await firstRunCertificate(page, ro, 1);

  let opened: (url: string) => void = () => undefined;
  const authorizeRequest = new Promise<string>((resolve) => (opened = resolve));
  await page.context().route(
    (url) => url.protocol === 'https:',
    async (route) => {
      opened(route.request().url());
      await route.abort();
    },
  );
  const popup = page.waitForEvent('popup');
  await login.click();
  const tab = await popup;
  const authorizeUrl = new URL(await authorizeRequest);
  await tab.close();
  return { serial, commonName, authorizeUrl };
}

/** Opens the authorize URL in a new context that trusts any server certificate. */
async function followInNewContext(
  browser: Browser,
  url: URL,
  options: BrowserContextOptions,
): Promise<Page> {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    ...options,
  });
  const tab = await context.newPage();
  await tab.goto(url.href);
  await tab.waitForURL((current) => current.href.startsWith(CALLBACK_URL));
  return tab;
}

test('browser login with presented certificate', async ({
  page,
  app,
  browser,
}) => {
  const { serial, commonName, authorizeUrl } = await startLogin(page, app);
  expect(authorizeUrl.searchParams.get('response_type')).toBe('code');
  expect(authorizeUrl.searchParams.get('client_id')).toBeTruthy();
  expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(CALLBACK_URL);
  expect(authorizeUrl.searchParams.get('token_content_type')).toBe('jwt');
  expect(
    authorizeUrl.searchParams.get('state')?.length ?? 0,
  ).toBeGreaterThanOrEqual(16);
  await screenshot(page, 'login-browser-waiting');

  const certificate = sandboxCertificateFile(app.dataDir, serial);
  const tab = await followInNewContext(browser, authorizeUrl, {
    clientCertificates: [{ origin: authorizeUrl.origin, ...certificate }],
  });
  await expect(tab.locator('body')).toContainText(/login complete/i);
  await screenshot(tab, 'login-browser-callback');
  await tab.context().close();

  await expect(
    page.getByRole('heading', { name: ro.companies.heading, exact: true }),
  ).toBeVisible();
  await page
    .getByRole('navigation')
    .getByRole('button', { name: ro.nav.accounts, exact: true })
    .click();
  const account = page.getByRole('article').filter({ hasText: serial });
  await expect(account).toContainText(ro.accounts.statusOk);
  await screenshot(page, 'login-browser-account');
  // The card names the account by its certificate, as after a login with the certificate file.
  await expect(account).toHaveAccessibleName(new RegExp(commonName));
});

test('browser login without certificate denied', async ({
  page,
  app,
  browser,
}) => {
  const { authorizeUrl } = await startLogin(page, app);
  const tab = await followInNewContext(browser, authorizeUrl, {});
  expect(new URL(tab.url()).searchParams.get('error')).toBe('access_denied');
  await tab.context().close();

  const alert = page.getByRole('alert').filter({ hasText: ro.errors.title });
  await expect(alert).toContainText(ro.errors.codes.authNoCertificate);
  await expect(alert).toContainText(ro.errors.hints.authNoCertificate);
  await expect(
    page.getByRole('heading', { name: ro.firstRun.heading, exact: true }),
  ).toBeVisible();
  await screenshot(page, 'login-browser-no-certificate');
});
