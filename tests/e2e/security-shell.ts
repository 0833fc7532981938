/**
 * The real browser shell for the security specs, started from the build as
 * `npm run start:browser` starts it, on a data folder the spec owns. It uses
 * the insecure file vault (`--insecure-storage`), so the spec can read the
 * secrets it must not find elsewhere. A contract client speaks the shell's
 * WebSocket from Node with the shell's own Origin and records every message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import type { Result } from '../../shared/result.ts';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface RunningShell {
  url: string;
  origin: string;
  key: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the built browser shell. A session bus address that leads nowhere
 * keeps the keychain probe from finding a Secret Service, so the vault is
 * always the file the spec can read.
 */
export function launchShell(dataDir: string): Promise<RunningShell> {
  const entry = path.join(repoRoot, 'dist', 'electron', 'browser', 'main.js');
  const child = spawn(
    process.execPath,
    [entry, '--data-dir', dataDir, '--insecure-storage'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/efactura-test-bus',
      },
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The browser shell did not start: ${output}`)),
      30_000,
    );
    const onExit = (code: number | null) =>
      reject(new Error(`The browser shell exited with ${code}: ${output}`));
    child.once('exit', onExit);
    const check = (): void => {
      const match = /running at (\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout?.off('data', check);
      const url = new URL(match[1]);
      resolve({
        url: match[1],
        origin: url.origin,
        key: new URLSearchParams(url.hash.slice(1)).get('key') ?? '',
        child,
        output: () => output,
        stop: () => stopShell(child),
      });
    };
    child.stdout?.on('data', check);
  });
}

function stopShell(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface ContractClient {
  call<T = unknown>(channel: string, input?: unknown): Promise<Result<T>>;
  /** Resolves with the payload of the next event of this name. */
  nextEvent<T = unknown>(event: string): Promise<T>;
  /** Every message sent and received, as the raw JSON text. */
  messages: string[];
  close(): void;
}

/** Opens the shell's WebSocket from Node, sends hello with the key and waits for ready. */
export function connectContract(shell: RunningShell): Promise<ContractClient> {
  const socket = new WebSocket(`${shell.origin.replace('http', 'ws')}/ipc`, {
    origin: shell.origin,
  });
  const messages: string[] = [];
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const waiting = new Map<string, Array<(payload: unknown) => void>>();
  let nextId = 1;

  const send = (message: unknown): void => {
    const text = JSON.stringify(message);
    messages.push(text);
    socket.send(text);
  };
  const client: ContractClient = {
    call: <T>(channel: string, input?: unknown) =>
      new Promise<Result<T>>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve as (result: Result<unknown>) => void);
        send({ type: 'call', id, channel, input });
      }),
    nextEvent: <T>(event: string) =>
      new Promise<T>((resolve) => {
        const list = waiting.get(event) ?? [];
        list.push(resolve as (payload: unknown) => void);
        waiting.set(event, list);
      }),
    messages,
    close: () => socket.close(),
  };

  return new Promise((resolve, reject) => {
    socket.on('open', () => send({ type: 'hello', key: shell.key }));
    socket.on('error', reject);
    socket.on('message', (data) => {
      const text = data.toString();
      messages.push(text);
      const message = JSON.parse(text) as {
        type: string;
        id?: number;
        result?: Result<unknown>;
        event?: string;
        payload?: unknown;
      };
      if (message.type === 'ready') resolve(client);
      if (
        message.type === 'result' &&
        message.id !== undefined &&
        message.result
      ) {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      }
      if (message.type === 'event' && message.event) {
        const list = waiting.get(message.event) ?? [];
        waiting.delete(message.event);
        for (const listener of list) listener(message.payload);
      }
    });
  });
}

/** Returns a result's value, or throws with its error code and message. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok)
    throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export interface EnvironmentInfo {
  sandbox: { running: boolean; apiUrl?: string };
}

/** Polls until the embedded sandbox runs, and returns its API URL. */
export async function waitForSandbox(client: ContractClient): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const info = valueOf(await client.call<EnvironmentInfo>('environment.get'));
    if (info.sandbox.running && info.sandbox.apiUrl) return info.sandbox.apiUrl;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The embedded sandbox did not start within 60 seconds.');
}

/** Lists every file and folder under a folder, with paths relative to it. */
export function walkFiles(root: string, relative = ''): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, relative), {
    withFileTypes: true,
  })) {
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) found.push(child, ...walkFiles(root, child));
    else found.push(child);
  }
  return found;
}
