// The browser shell's static file server over real HTTP: the CSP on every
// response and path traversal attempts sent as raw request lines (fetch
// would normalise `..` away before sending). A canary file sits next to the
// renderer folder, and no response may contain it.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startBrowserShell,
  type BrowserShell,
} from '../../../electron/browser/server.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/app/csp.ts';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { spyTable } from '../../unit/security/spy-handlers.ts';

const CANARY = 'OUTSIDE-THE-RENDERER-7f3a';

// Created at collection time because case names contain these paths.
const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-static-'));
const root = path.join(outside, 'renderer');
const secretFile = path.join(outside, 'secret.txt');
let shell: BrowserShell;

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Sends a request line exactly as given, without URL normalisation. */
function rawRequest(requestPath: string, method = 'GET'): Promise<RawResponse> {
  const { port } = new URL(shell.origin);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, path: requestPath, method },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

beforeAll(async () => {
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><title>app</title>',
  );
  fs.writeFileSync(path.join(root, 'assets', 'main.js'), 'export {};');
  fs.writeFileSync(secretFile, CANARY);
  const { logger } = createMemoryLogger();
  shell = await startBrowserShell({
    rendererRoot: root,
    dispatch: createDispatcher(spyTable([]), logger),
    logger,
  });
});

afterAll(async () => {
  await shell.close();
  fs.rmSync(outside, { recursive: true, force: true });
});

describe('browser shell CSP over HTTP', () => {
  it.each([
    ['the page', '/', 'GET'],
    ['index.html', '/index.html', 'GET'],
    ['a script', '/assets/main.js', 'GET'],
    ['a client-side route', '/settings', 'GET'],
    ['a missing asset', '/assets/missing.js', 'GET'],
    ['a HEAD request', '/', 'HEAD'],
    ['a POST', '/', 'POST'],
  ])('%s carries the strict CSP', async (_name, requestPath, method) => {
    const response = await rawRequest(requestPath, method);
    expect(response.headers['content-security-policy']).toBe(
      CONTENT_SECURITY_POLICY,
    );
  });

  it('the page has nosniff and no referrer', async () => {
    const response = await rawRequest('/');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('the page is not cached', async () => {
    const response = await rawRequest('/');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('POST is 405', async () => {
    const response = await rawRequest('/', 'POST');
    expect(response.status).toBe(405);
  });

  it.each(['PUT', 'DELETE', 'OPTIONS'])('%s is 405', async (method) => {
    const response = await rawRequest('/index.html', method);
    expect(response.status).toBe(405);
  });
});

describe('browser shell static traversal', () => {
  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%252e%252e/secret.txt',
    '/.%2e/secret.txt',
    '/secret.txt%00.js',
    '//secret.txt',
    `/${encodeURIComponent(secretFile)}`,
    `/${secretFile}`,
    `/%2F${secretFile.slice(1)}`,
    `/..${'/..'.repeat(20)}${secretFile}`,
  ])('%s stays inside the renderer', async (requestPath) => {
    const response = await rawRequest(requestPath);
    expect(response.body).not.toContain(CANARY);
  });

  it('a file outside is never served even by absolute URL', async () => {
    const response = await rawRequest(`http://127.0.0.1${secretFile}`);
    expect(response.body).not.toContain(CANARY);
  });

  it('a broken escape is 404', async () => {
    const response = await rawRequest('/%E0%A4%A.js');
    expect(response.status).toBe(404);
  });
});
