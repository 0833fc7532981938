// The window preferences and the Content-Security-Policy of the Electron
// shell. The `app://` handler runs against a mocked electron `protocol`
// object (the Electron binary cannot run here): the test captures the
// handler that `serveRenderer` registers and calls it with requests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/app/csp.ts';
import {
  APP_SCHEME_PRIVILEGES,
  serveRenderer,
} from '../../../electron/shell/protocol.ts';
import { mainWindowPreferences } from '../../../electron/shell/security.ts';

type ProtocolHandler = (request: Request) => Promise<Response>;

/** Splits a policy into directive name -> source list. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

describe('main window preferences', () => {
  const preferences = mainWindowPreferences('/app/preload.cjs');

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
  ] as const)('%s is %s', (name, expected) => {
    expect(preferences[name]).toBe(expected);
  });

  it('uses the given preload', () => {
    expect(preferences.preload).toBe('/app/preload.cjs');
  });

  it('sets no session or partition', () => {
    expect(preferences.session).toBeUndefined();
    expect(preferences.partition).toBeUndefined();
  });
});

describe('content security policy', () => {
  const directives = parsePolicy(CONTENT_SECURITY_POLICY);

  it("default-src is only 'self'", () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it("script-src is only 'self'", () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it("object-src is 'none'", () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it("base-uri is 'none'", () => {
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it("frame-ancestors is 'none'", () => {
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('no directive allows eval or wildcards', () => {
    const sources = [...directives.values()].flat();
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'wasm-unsafe-eval'");
    expect(sources).not.toContain('*');
    expect(sources.filter((source) => source.endsWith(':*'))).toEqual([]);
  });

  it('only style-src allows inline content', () => {
    const inline = [...directives]
      .filter(([, sources]) => sources.includes("'unsafe-inline'"))
      .map(([name]) => name);
    expect(inline).toEqual(['style-src']);
  });

  it('connect-src reaches only the own origin', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('scripts have no fallback outside default-src', () => {
    expect(directives.has('script-src-elem')).toBe(false);
    expect(directives.has('script-src-attr')).toBe(false);
    expect(directives.has('worker-src')).toBe(false);
  });
});

describe('app:// protocol (mocked electron)', () => {
  // Created at collection time because a case name contains its path.
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'app-protocol-'));
  const root = path.join(outside, 'renderer');
  let handler: ProtocolHandler;
  const registered: string[] = [];

  beforeAll(() => {
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'index.html'),
      '<!doctype html><title>app</title>',
    );
    fs.writeFileSync(path.join(root, 'assets', 'main.js'), 'export {};');
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'OUTSIDE-THE-RENDERER');
    const protocol = {
      handle: (scheme: string, registeredHandler: ProtocolHandler) => {
        registered.push(scheme);
        handler = registeredHandler;
      },
    } as unknown as Protocol;
    serveRenderer(protocol, root);
  });

  afterAll(() => {
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const get = (url: string) => handler(new Request(url));

  it('registers the app scheme', () => {
    expect(registered).toEqual(['app']);
  });

  it('scheme is secure and standard, without CORS', () => {
    expect(APP_SCHEME_PRIVILEGES.privileges.standard).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges.secure).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges.corsEnabled).toBe(false);
  });

  it.each([
    'app://efactura/index.html',
    'app://efactura/assets/main.js',
    'app://efactura/settings',
  ])('%s carries the strict CSP', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(
      CONTENT_SECURITY_POLICY,
    );
  });

  it('sends nosniff and no referrer', async () => {
    const response = await get('app://efactura/index.html');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await get('app://efactura/assets/main.js');
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('refuses another host', async () => {
    const response = await get('app://evil/index.html');
    expect(response.status).toBe(404);
  });

  it.each([
    'app://efactura/%2e%2e/secret.txt',
    'app://efactura/..%2fsecret.txt',
    'app://efactura/%2e%2e%2fsecret.txt',
    'app://efactura/assets/..%2f..%2fsecret.txt',
    'app://efactura/..%5csecret.txt',
    'app://efactura/secret.txt%00.js',
    `app://efactura/${encodeURIComponent(path.join(outside, 'secret.txt'))}`,
  ])('%s does not leave the renderer folder', async (url) => {
    const response = await get(url);
    const body = await response.text();
    expect(body).not.toContain('OUTSIDE-THE-RENDERER');
  });

  it('missing asset is 404', async () => {
    const response = await get('app://efactura/assets/missing.js');
    expect(response.status).toBe(404);
  });
});
