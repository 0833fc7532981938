// The browser shell's WebSocket, which carries the IPC contract: a real
// server on 127.0.0.1 with a dispatcher over spy handlers, and real `ws`
// clients that send wrong keys, foreign origins, oversized messages and
// garbage. No rejected message may reach a handler.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
} from 'vitest';
import WebSocket from 'ws';
import {
  startBrowserShell,
  type BrowserShell,
} from '../../../electron/browser/server.ts';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import {
  CHANNEL_NAMES,
  type ChannelName,
} from '../../../shared/ipc/contract.ts';
import { VALID_INPUTS } from '../../unit/security/channel-inputs.ts';
import { spyTable } from '../../unit/security/spy-handlers.ts';

/** The shell's limit on one WebSocket message. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

let shell: BrowserShell;
let root: string;
let lines: string[];
const called: ChannelName[] = [];

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-socket-'));
  fs.writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><title>t</title>',
  );
  const memory = createMemoryLogger();
  lines = memory.lines;
  shell = await startBrowserShell({
    rendererRoot: root,
    dispatch: createDispatcher(spyTable(called), memory.logger),
    logger: memory.logger,
  });
});

afterAll(async () => {
  await shell.close();
  fs.rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  called.length = 0;
});

interface Conversation {
  opened: boolean;
  received: Array<Record<string, unknown>>;
  closeCode: number | null;
  closeReason: string;
}

/** A running shell server: its origin and the key of this run. */
interface Target {
  origin: string;
  key: string;
}

interface TalkOptions {
  /** The server to talk to; defaults to the in-process shell. */
  target?: Target;
  /** The Origin header; null sends none. Defaults to the target's origin. */
  origin?: string | null;
  path?: string;
  /** Messages to send once open, as objects (JSON) or raw strings. */
  messages?: unknown[];
  /** Sends Buffer messages as text frames instead of binary ones. */
  asText?: boolean;
  /** Stops after this many received messages; otherwise waits for the close. */
  stopAfter?: number;
}

/** Opens a socket, sends the messages and collects what comes back. */
function talk(options: TalkOptions = {}): Promise<Conversation> {
  const target = options.target ?? shell;
  const origin = options.origin === undefined ? target.origin : options.origin;
  const url = `${target.origin.replace('http', 'ws')}${options.path ?? '/ipc'}`;
  const socket = new WebSocket(url, origin === null ? {} : { origin });
  const conversation: Conversation = {
    opened: false,
    received: [],
    closeCode: null,
    closeReason: '',
  };
  return new Promise((resolve) => {
    const finish = () => resolve(conversation);
    const timer = setTimeout(() => {
      socket.terminate();
      finish();
    }, 10_000);
    socket.on('open', () => {
      conversation.opened = true;
      for (const message of options.messages ?? []) {
        if (Buffer.isBuffer(message))
          socket.send(message, { binary: !options.asText });
        else
          socket.send(
            typeof message === 'string' ? message : JSON.stringify(message),
          );
      }
    });
    socket.on('message', (data) => {
      conversation.received.push(
        JSON.parse(data.toString()) as Record<string, unknown>,
      );
      if (conversation.received.length === options.stopAfter) {
        clearTimeout(timer);
        socket.close();
        finish();
      }
    });
    socket.on('close', (code, reason) => {
      conversation.closeCode = code;
      conversation.closeReason = reason.toString();
      clearTimeout(timer);
      finish();
    });
    socket.on('error', () => undefined);
  });
}

/** Reads the child's start-up line with its origin and key. */
async function readStartLine(child: ChildProcess): Promise<Target> {
  let output = '';
  for await (const chunk of child.stdout ?? []) {
    output += String(chunk);
    const line = output.split('\n')[0];
    if (output.includes('\n') && line) return JSON.parse(line) as Target;
  }
  throw new Error(`The shell child exited before it started: ${output}`);
}

const hello = (target: Target = shell) => ({ type: 'hello', key: target.key });
const call = (channel: string, input: unknown, id = 1) => ({
  type: 'call',
  id,
  channel,
  input,
});

describe('browser shell socket key', () => {
  it('right key answers ready', async () => {
    const result = await talk({ messages: [hello()], stopAfter: 1 });
    expect(result.received).toEqual([{ type: 'ready' }]);
  });

  it.each([
    ['a wrong key', 'wrong'],
    ['an empty key', ''],
    ['the key without its last letter', () => shell.key.slice(0, -1)],
    ['the key with an extra letter', () => `${shell.key}x`],
    ['the key in upper case', () => shell.key.toUpperCase()],
  ])('%s closes the socket', async (_name, key) => {
    const value = typeof key === 'function' ? key() : key;
    const result = await talk({
      messages: [
        { type: 'hello', key: value },
        call('settings.get', undefined),
      ],
    });
    expect(result.received).toEqual([]);
    expect(result.closeCode).toBe(1008);
    expect(called).toEqual([]);
  });

  it('wrong key is logged without the key', async () => {
    await talk({ messages: [{ type: 'hello', key: 'k3y-gue55-42' }] });
    const text = lines.join('\n');
    expect(text).toContain('wrong key');
    expect(text).not.toContain('k3y-gue55-42');
  });

  it('a key that is not text closes the socket', async () => {
    const result = await talk({ messages: [{ type: 'hello', key: 12345 }] });
    expect(result.closeCode).toBe(1008);
    expect(result.received).toEqual([]);
  });

  it('a second hello with a wrong key closes', async () => {
    const result = await talk({
      messages: [hello(), { type: 'hello', key: 'wrong' }],
    });
    expect(result.closeCode).toBe(1008);
  });
});

describe('browser shell socket before the key', () => {
  it.each(CHANNEL_NAMES)('%s call closes the socket', async (channel) => {
    const result = await talk({
      messages: [call(channel, VALID_INPUTS[channel])],
    });
    expect(result.closeCode).toBe(1008);
    expect(result.received).toEqual([]);
    expect(called).toEqual([]);
  });
});

describe('browser shell socket origin', () => {
  it.each([
    ['no Origin header', null],
    ['the null origin', 'null'],
    ['another site', 'https://evil.example'],
    ['another port', 'http://127.0.0.1:1'],
    ['https on the same port', () => shell.origin.replace('http:', 'https:')],
    [
      'a look-alike host',
      () => shell.origin.replace('127.0.0.1', '127.0.0.1.evil.example'),
    ],
    ['a file page', 'file://'],
  ])('%s is refused', async (_name, origin) => {
    const value = typeof origin === 'function' ? origin() : origin;
    const result = await talk({ origin: value, messages: [hello()] });
    expect(result.opened).toBe(false);
    expect(result.received).toEqual([]);
  });

  it('localhost on the same port is accepted', async () => {
    const origin = shell.origin.replace('127.0.0.1', 'localhost');
    const result = await talk({ origin, messages: [hello()], stopAfter: 1 });
    expect(result.received).toEqual([{ type: 'ready' }]);
  });

  it('refusal is logged', async () => {
    await talk({ origin: 'https://evil.example', messages: [hello()] });
    expect(lines.some((line) => line.includes('Refused a WebSocket'))).toBe(
      true,
    );
  });

  it.each(['/ipc/', '/ipc?key=x', '/other', '/'])(
    'path %s is refused',
    async (socketPath) => {
      const result = await talk({ path: socketPath, messages: [hello()] });
      expect(result.opened).toBe(false);
    },
  );
});

// The size cases run against the server in a child process, because a
// protocol error that no listener handles ends the process that runs it.
describe('browser shell socket message size', () => {
  let child: ChildProcess;
  let target: Target;

  beforeEach(async () => {
    const script = path.join(import.meta.dirname, 'shell-child.ts');
    child = spawn(process.execPath, [script, root], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    target = await readStartLine(child);
  });

  afterEach(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  });

  /** Waits briefly, then checks that the child still runs and still responds. */
  async function expectStillServing(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(child.exitCode).toBeNull();
    const again = await talk({
      target,
      messages: [hello(target)],
      stopAfter: 1,
    });
    expect(again.received).toEqual([{ type: 'ready' }]);
  }

  it('oversized message before the key closes', async () => {
    const big = JSON.stringify({
      type: 'hello',
      key: 'x'.repeat(MAX_MESSAGE_BYTES),
    });
    const result = await talk({ target, messages: [big] });
    expect(result.closeCode).toBe(1009);
    expect(result.received).toEqual([]);
    await expectStillServing();
  });

  it('oversized call after the key closes', async () => {
    const big = JSON.stringify(
      call('log.write', {
        level: 'info',
        message: 'x'.repeat(MAX_MESSAGE_BYTES),
      }),
    );
    const result = await talk({ target, messages: [hello(target), big] });
    expect(result.closeCode).toBe(1009);
    await expectStillServing();
  });

  it('invalid UTF-8 text closes the socket', async () => {
    const result = await talk({
      target,
      messages: [Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
      asText: true,
    });
    expect(result.closeCode).toBe(1007);
    await expectStillServing();
  });

  it('large call under the limit is input.invalid', async () => {
    const input = { level: 'info', message: 'x'.repeat(1024 * 1024) };
    const result = await talk({
      messages: [hello(), call('log.write', input)],
      stopAfter: 2,
    });
    expect(result.received[1]).toMatchObject({
      result: { ok: false, error: { code: 'input.invalid' } },
    });
    expect(called).toEqual([]);
  });
});

describe('browser shell socket garbage', () => {
  it.each([
    ['text that is not JSON', 'not json'],
    ['a JSON array', '[1,2,3]'],
    ['an unknown message type', JSON.stringify({ type: 'eval', code: '1' })],
    [
      'a call without an id',
      JSON.stringify({ type: 'call', channel: 'app.info' }),
    ],
    [
      'a negative id',
      JSON.stringify({ type: 'call', id: -1, channel: 'app.info' }),
    ],
  ])('%s after the key closes', async (_name, message) => {
    const result = await talk({ messages: [hello(), message] });
    expect(result.closeCode).toBe(1008);
    expect(called).toEqual([]);
  });

  it.each(['fs.readFile', 'constructor', '__proto__', 'toString'])(
    'unknown channel %s is input.invalid',
    async (channel) => {
      const result = await talk({
        messages: [hello(), call(channel, undefined)],
        stopAfter: 2,
      });
      expect(result.received[1]).toMatchObject({
        result: { ok: false, error: { code: 'input.invalid' } },
      });
      expect(called).toEqual([]);
    },
  );

  it.each(CHANNEL_NAMES)(
    '%s with garbage input is input.invalid',
    async (channel) => {
      const result = await talk({
        messages: [hello(), call(channel, { unexpectedKey: true })],
        stopAfter: 2,
      });
      expect(result.received[1]).toMatchObject({
        result: { ok: false, error: { code: 'input.invalid' } },
      });
      expect(called).toEqual([]);
    },
  );

  it.each(CHANNEL_NAMES)(
    '%s with valid input reaches its handler',
    async (channel) => {
      const result = await talk({
        messages: [hello(), call(channel, VALID_INPUTS[channel])],
        stopAfter: 2,
      });
      expect(result.received[1]).toEqual({
        type: 'result',
        id: 1,
        result: { ok: true, value: null },
      });
      expect(called).toEqual([channel]);
    },
  );

  it('shell keeps serving after the abuse', async () => {
    const result = await talk({
      messages: [hello(), call('app.info', undefined)],
      stopAfter: 2,
    });
    expect(result.received[1]).toMatchObject({ result: { ok: true } });
  });
});
