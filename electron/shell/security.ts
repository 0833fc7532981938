/**
 * The security baseline of every window: isolated, sandboxed renderers with
 * no Node, pages only from the app's own `app://` origin, navigation and
 * `window.open` denied and logged. The login window (auth) passes its IdP
 * origin as the one extra origin it may navigate within, and its callback
 * URL as a navigation it expects to be denied.
 */
import type { WebContents, WebPreferences } from 'electron';
import type { Logger } from '../core/log/logger.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'efactura';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function mainWindowPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** True for pages of the app itself, served by the `app://` handler. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

function originOf(raw: string): string | null {
  try {
    return new URL(raw).origin;
  } catch {
    return null;
  }
}

/** Shortens a URL for a log line, without its query string (it may carry a login code). */
function withoutQuery(url: string): string | undefined {
  return url.split('?')[0]?.slice(0, 200);
}

/** Extra origins a window may navigate within, by WebContents id (the login window's IdP). */
const extraOrigins = new Map<number, readonly string[]>();

/**
 * Lets one window navigate within `origins` besides the app's own pages,
 * until the window is destroyed. The login window calls this for its IdP.
 */
export function allowOrigins(contents: WebContents, origins: readonly string[]): void {
  extraOrigins.set(contents.id, origins);
  contents.once('destroyed', () => extraOrigins.delete(contents.id));
}

/** URL matchers of denied navigations a window handles itself, by WebContents id (the login window's callback). */
const expectedDenials = new Map<number, (url: string) => boolean>();

/**
 * Marks navigations and redirects to URLs that `isExpected` matches as
 * handled by the window itself, until the window is destroyed. The guard
 * still denies them but logs them at debug level instead of as a warning.
 * The login window calls this for its callback URL, which it catches and
 * cancels on every login.
 */
export function expectDeniedNavigations(contents: WebContents, isExpected: (url: string) => boolean): void {
  expectedDenials.set(contents.id, isExpected);
  contents.once('destroyed', () => expectedDenials.delete(contents.id));
}

/**
 * Denies every navigation away from the allowed origins and every
 * `window.open`, logging each refusal without the URL's query string:
 * a warning, or a debug line for a navigation the window expects to be denied.
 */
export function guardNavigation(
  contents: WebContents,
  logger: Logger,
  allowedOrigins: readonly string[] = [],
): void {
  const allowed = (url: string): boolean => {
    if (isAppUrl(url)) return true;
    const origin = originOf(url);
    if (origin === null) return false;
    return allowedOrigins.includes(origin) || (extraOrigins.get(contents.id) ?? []).includes(origin);
  };
  const refuse = (what: string, url: string): void => {
    logger.warn(`Denied ${what}`, { url: withoutQuery(url) });
  };
  const logDeniedNavigation = (what: string, url: string): void => {
    if (expectedDenials.get(contents.id)?.(url)) {
      logger.debug(`Denied ${what} that the window handles itself`, { url: withoutQuery(url) });
      return;
    }
    refuse(what, url);
  };
  contents.on('will-navigate', (event, url) => {
    if (!allowed(url)) {
      event.preventDefault();
      logDeniedNavigation('a navigation', url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowed(url)) {
      event.preventDefault();
      logDeniedNavigation('a redirect', url);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    refuse('a webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    refuse('window.open', url);
    return { action: 'deny' };
  });
}
