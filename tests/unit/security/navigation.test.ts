// The navigation guard that every webContents gets, driven through a fake
// WebContents (an event emitter with Electron's method names), because the
// Electron binary cannot run here. Each refusal must be logged without the
// URL's query string.
import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import {
  expectDeniedNavigations,
  guardNavigation,
  isAppUrl,
} from '../../../electron/shell/security.ts';

type OpenHandler = (details: { url: string }) => { action: string };

class FakeWebContents extends EventEmitter {
  static nextId = 1;
  id = FakeWebContents.nextId++;
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
}

interface FakeEvent {
  url: string;
  prevented: boolean;
  preventDefault(): void;
}

/** Creates an event as Electron passes it: the URL is on the event and also the second argument. */
function fakeEvent(url = ''): FakeEvent {
  const event = {
    url,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

function guarded(allowedOrigins: string[] = []) {
  const contents = new FakeWebContents();
  const memory = createMemoryLogger();
  guardNavigation(
    contents as unknown as WebContents,
    memory.logger,
    allowedOrigins,
  );
  const fire = (name: string, url: string): FakeEvent => {
    const event = fakeEvent(url);
    contents.emit(name, event, url);
    return event;
  };
  return { contents, fire, lines: memory.lines };
}

const SECRET_QUERY = '?code=c0de5ecret42&state=st4te5ecret';

const FOREIGN_URLS = [
  'https://evil.example/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'app://other-host/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'not a url',
];

describe('navigation guard', () => {
  it.each(['will-navigate', 'will-redirect'])(
    '%s stays on app pages',
    (name) => {
      const { fire } = guarded();
      const event = fire(name, 'app://efactura/index.html#/settings');
      expect(event.prevented).toBe(false);
    },
  );

  for (const name of ['will-navigate', 'will-redirect']) {
    it.each(FOREIGN_URLS)(`${name} to %s is denied`, (url) => {
      const { fire } = guarded();
      const event = fire(name, url);
      expect(event.prevented).toBe(true);
    });
  }

  it.each([
    ['will-navigate', 'a navigation'],
    ['will-redirect', 'a redirect'],
  ])('%s refusal is logged', (name, what) => {
    const { fire, lines } = guarded();
    fire(name, `https://evil.example/path${SECRET_QUERY}`);
    expect(lines.some((line) => line.includes(`Denied ${what}`))).toBe(true);
    expect(lines.some((line) => line.includes('evil.example/path'))).toBe(true);
  });

  it.each(['will-navigate', 'will-redirect'])(
    '%s log drops the query string',
    (name) => {
      const { fire, lines } = guarded();
      fire(name, `https://evil.example/cb${SECRET_QUERY}`);
      const text = lines.join('\n');
      expect(text).not.toContain('c0de5ecret42');
      expect(text).not.toContain('st4te5ecret');
    },
  );

  it.each([
    'https://evil.example/',
    'app://efactura/index.html',
    'about:blank',
  ])('window.open of %s is denied', (url) => {
    const { contents } = guarded();
    const decision = contents.openHandler?.({ url });
    expect(decision).toEqual({ action: 'deny' });
  });

  it('window.open refusal is logged without the query', () => {
    const { contents, lines } = guarded();
    contents.openHandler?.({
      url: `https://evil.example/popup${SECRET_QUERY}`,
    });
    const text = lines.join('\n');
    expect(text).toContain('Denied window.open');
    expect(text).not.toContain('c0de5ecret42');
  });

  it('installs a window.open handler', () => {
    const { contents } = guarded();
    expect(contents.openHandler).not.toBeNull();
  });

  it('denies attaching a webview', () => {
    const { contents, lines } = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.prevented).toBe(true);
    expect(lines.some((line) => line.includes('Denied a webview'))).toBe(true);
  });

  it('allows only the listed extra origin', () => {
    const { fire } = guarded(['https://logincert.anaf.ro']);
    const inside = fire(
      'will-navigate',
      'https://logincert.anaf.ro/anaf-oauth2/v1/authorize?x=1',
    );
    const otherPort = fire('will-navigate', 'https://logincert.anaf.ro:8443/');
    const otherHost = fire('will-navigate', 'https://anaf.ro.evil.example/');
    expect(inside.prevented).toBe(false);
    expect(otherPort.prevented).toBe(true);
    expect(otherHost.prevented).toBe(true);
  });

  it('extra origin does not open window.open', () => {
    const { contents } = guarded(['https://logincert.anaf.ro']);
    const decision = contents.openHandler?.({
      url: 'https://logincert.anaf.ro/',
    });
    expect(decision).toEqual({ action: 'deny' });
  });
});

describe('expected denied navigations', () => {
  const CALLBACK = 'https://localhost:9002/callback';
  const isCallback = (url: string): boolean => url.startsWith(CALLBACK);

  it.each(['will-navigate', 'will-redirect'])(
    '%s to the expected URL is denied',
    (name) => {
      const { contents, fire } = guarded();
      expectDeniedNavigations(contents as unknown as WebContents, isCallback);
      const event = fire(name, `${CALLBACK}${SECRET_QUERY}`);
      expect(event.prevented).toBe(true);
    },
  );

  it.each(['will-navigate', 'will-redirect'])(
    '%s to the expected URL logs no warning',
    (name) => {
      const { contents, fire, lines } = guarded();
      expectDeniedNavigations(contents as unknown as WebContents, isCallback);
      fire(name, `${CALLBACK}${SECRET_QUERY}`);
      expect(lines.filter((line) => line.startsWith('warn'))).toEqual([]);
    },
  );

  it('logs the expected denial at debug level', () => {
    const { contents, fire, lines } = guarded();
    expectDeniedNavigations(contents as unknown as WebContents, isCallback);
    fire('will-redirect', `${CALLBACK}${SECRET_QUERY}`);
    const debug = lines.filter((line) => line.startsWith('debug'));
    expect(debug).toHaveLength(1);
    expect(debug[0]).toContain('Denied a redirect');
    expect(debug[0]).toContain(CALLBACK);
    expect(debug[0]).not.toContain('c0de5ecret42');
  });

  it('still warns for other URLs', () => {
    const { contents, fire, lines } = guarded();
    expectDeniedNavigations(contents as unknown as WebContents, isCallback);
    fire('will-redirect', 'https://evil.example/');
    expect(lines.some((line) => line.startsWith('warn'))).toBe(true);
  });

  it('warns in other windows', () => {
    const login = guarded();
    expectDeniedNavigations(
      login.contents as unknown as WebContents,
      isCallback,
    );
    const other = guarded();
    other.fire('will-redirect', `${CALLBACK}${SECRET_QUERY}`);
    expect(other.lines.some((line) => line.startsWith('warn'))).toBe(true);
  });

  it('warns for window.open of the expected URL', () => {
    const { contents, lines } = guarded();
    expectDeniedNavigations(contents as unknown as WebContents, isCallback);
    contents.openHandler?.({ url: CALLBACK });
    expect(lines.some((line) => line.startsWith('warn'))).toBe(true);
  });

  it('forgets the matcher when the window is destroyed', () => {
    const { contents, fire, lines } = guarded();
    expectDeniedNavigations(contents as unknown as WebContents, isCallback);
    contents.emit('destroyed');
    fire('will-redirect', CALLBACK);
    expect(lines.some((line) => line.startsWith('warn'))).toBe(true);
  });
});

describe('app URL check', () => {
  it.each([
    ['app://efactura/index.html', true],
    ['app://efactura/', true],
    // Chromium lowercases hosts of standard schemes before Electron reports
    // them; Node's URL does not, and the check then fails closed.
    ['APP://EFACTURA/index.html', false],
    ['app://efactura.evil/index.html', false],
    ['app://evil/efactura', false],
    ['app://efactura@evil/', false],
    ['https://efactura/', false],
    ['file:///efactura/index.html', false],
    ['', false],
  ])('%s is an app URL: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});
