/**
 * Serves the built renderer from the privileged `app://efactura/` origin, so
 * that `'self'` in the CSP and the IPC sender check mean the app's own pages
 * (never `file://`). The scheme must be registered before the app is ready.
 */
import fs from 'node:fs/promises';
import type { Protocol } from 'electron';
import { SECURITY_HEADERS } from '../core/app/csp.ts';
import { resolveStaticFile } from '../core/app/static-files.ts';
import { APP_HOST, APP_SCHEME } from './security.ts';

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false },
};

export function serveRenderer(protocol: Protocol, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const resolved = resolveStaticFile(rendererRoot, url.pathname);
    if (!resolved) return new Response('Not found', { status: 404 });
    const body = await fs.readFile(resolved.file);
    return new Response(body, {
      headers: { 'Content-Type': resolved.contentType, ...SECURITY_HEADERS },
    });
  });
}
