/**
 * Starts the browser shell (`electron/browser/main.ts`) as a child process
 * on a data folder and connects to its WebSocket as the renderer would:
 * from the shell's origin, with the key of its printed URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import type {
  EnvironmentInfo,
  EventName,
} from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/result.ts';
import type { ServerMessage } from '../../../shared/ipc/ws-protocol.ts';
import { NO_KEYCHAIN_ENV, repoRoot } from '../cli/harness.ts';

const SHELL_MAIN = 'electron/browser/main.ts';
const START_TIMEOUT_MS = 20_000;

/** Returns a call's value, or throws with the error it returned. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) {
    throw new Error(
      `The call failed: ${result.error.code} ${result.error.message}`,
    );
  }
  return result.value;
}

/** Returns the error code of a failed call, or null when it succeeded. */
export function errorCodeOf(result: Result<unknown>): string | null {
  return result.ok ? null : result.error.code;
}

export interface ShellProcess {
  pid: number;
  client: ShellClient;
  /** Sends `signal` and waits for the process to exit; a no-op once it has. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

export async function startShell(dataDir: string): Promise<ShellProcess> {
  const child = spawn(
    process.execPath,
    [SHELL_MAIN, '--data-dir', dataDir, '--insecure-storage'],
    {
      cwd: repoRoot,
      env: { ...process.env, ...NO_KEYCHAIN_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => resolve()),
  );
  const url = await readUrl(child);
  const client = await ShellClient.connect(url);
  return {
    pid: child.pid ?? -1,
    client,
    stop: async (signal) => {
      client.close();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
      }
      await exited;
    },
  };
}

/** Reads the line `e-Factura Desktop is running at URL` the shell prints. */
function readUrl(child: ChildProcess): Promise<URL> {
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The browser shell printed no URL: ${stderr}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The browser shell exited with ${code}: ${stderr}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (\S+)/.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(new URL(match[1]));
    });
  });
}

interface ReceivedEvent {
  event: EventName;
  payload: unknown;
}

export class ShellClient {
  readonly #socket: WebSocket;
  readonly #pending = new Map<number, (result: Result<unknown>) => void>();
  readonly #events: ReceivedEvent[] = [];
  readonly #eventWaiters = new Set<(event: ReceivedEvent) => void>();
  #nextId = 1;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on('message', (data: Buffer) => this.#receive(data.toString()));
  }

  /** Connects and says hello with the key in the URL's fragment. */
  static async connect(url: URL): Promise<ShellClient> {
    const key = new URLSearchParams(url.hash.slice(1)).get('key') ?? '';
    const socket = new WebSocket(`ws://${url.host}/ipc`, {
      origin: url.origin,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const ready = new Promise<void>((resolve) => {
      socket.once('message', () => resolve());
    });
    socket.send(JSON.stringify({ type: 'hello', key }));
    await ready;
    return new ShellClient(socket);
  }

  call<T>(channel: string, input?: unknown): Promise<Result<T>> {
    const id = this.#nextId;
    this.#nextId += 1;
    return new Promise((resolve) => {
      this.#pending.set(id, (result) => resolve(result as Result<T>));
      this.#socket.send(JSON.stringify({ type: 'call', id, channel, input }));
    });
  }

  /** The payloads of every `event` received so far. */
  events(event: EventName): unknown[] {
    return this.#events
      .filter((received) => received.event === event)
      .map((received) => received.payload);
  }

  /** Resolves with the payload of the next `event`, or rejects after `timeoutMs`. */
  waitForEvent<T>(event: EventName, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const waiter = (received: ReceivedEvent): void => {
        if (received.event !== event) return;
        clearTimeout(timer);
        this.#eventWaiters.delete(waiter);
        resolve(received.payload as T);
      };
      const timer = setTimeout(() => {
        this.#eventWaiters.delete(waiter);
        reject(new Error(`No ${event} event came within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#eventWaiters.add(waiter);
    });
  }

  /**
   * Waits until the shell's embedded sandbox runs, so that a second shell
   * does not create the sandbox's certificates at the same time.
   */
  async waitForSandbox(): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const info = await this.call<EnvironmentInfo>('environment.get');
      if (info.ok && info.value.sandbox.running) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('The embedded sandbox did not start within 20 s');
  }

  close(): void {
    this.#socket.close();
  }

  #receive(text: string): void {
    const message = JSON.parse(text) as ServerMessage;
    if (message.type === 'result') {
      this.#pending.get(message.id)?.(message.result);
      this.#pending.delete(message.id);
    } else if (message.type === 'event') {
      const received = { event: message.event, payload: message.payload };
      this.#events.push(received);
      for (const waiter of [...this.#eventWaiters]) waiter(received);
    }
  }
}
