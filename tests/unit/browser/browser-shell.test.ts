import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserShell, type BrowserShell } from '../../../electron/browser/server.ts';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { createTestCore } from '../../helpers/app-core.ts';

let shell: BrowserShell;
let root: string;

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  const { core } = createTestCore();
  shell = await startBrowserShell({
    rendererRoot: root,
    dispatch: createDispatcher(core.handlers, createMemoryLogger().logger),
    logger: createMemoryLogger().logger,
  });
});

afterEach(async () => {
  await shell.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Opens a socket and collects its messages until it closes or `count` arrive. */
function talk(messages: unknown[], origin: string, count: number): Promise<{ received: unknown[]; closeCode?: number }> {
  return new Promise((resolve) => {
    const received: unknown[] = [];
    const socket = new WebSocket(`${shell.origin.replace('http', 'ws')}/ipc`, { origin });
    socket.on('open', () => messages.forEach((message) => socket.send(JSON.stringify(message))));
    socket.on('message', (data) => {
      received.push(JSON.parse(data.toString()));
      if (received.length === count) {
        socket.close();
        resolve({ received });
      }
    });
    socket.on('close', (code) => resolve({ received, closeCode: code }));
    socket.on('error', () => resolve({ received }));
  });
}

describe('browser shell', () => {
  it('serves the renderer with the strict CSP', async () => {
    const response = await fetch(`${shell.origin}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(response.status).toBe(200);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('answers a call after the right key', async () => {
    const { received } = await talk(
      [{ type: 'hello', key: shell.key }, { type: 'call', id: 1, channel: 'settings.get', input: undefined }],
      shell.origin,
      2,
    );
    expect(received[0]).toEqual({ type: 'ready' });
    expect(received[1]).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
  });

  it('closes a connection with a wrong key', async () => {
    const { received, closeCode } = await talk([{ type: 'hello', key: 'wrong' }], shell.origin, 1);
    expect(received).toEqual([]);
    expect(closeCode).toBe(1008);
  });

  it('ignores calls before the key', async () => {
    const { received, closeCode } = await talk(
      [{ type: 'call', id: 1, channel: 'settings.get', input: undefined }],
      shell.origin,
      1,
    );
    expect(received).toEqual([]);
    expect(closeCode).toBe(1008);
  });

  it('refuses a socket from another origin', async () => {
    const { received } = await talk([{ type: 'hello', key: shell.key }], 'https://evil.example', 1);
    expect(received).toEqual([]);
  });

  it('binds to loopback and puts the key in the fragment', () => {
    expect(shell.url.startsWith('http://127.0.0.1:')).toBe(true);
    expect(new URL(shell.url).hash).toBe(`#key=${shell.key}`);
  });
});
