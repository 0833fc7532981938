// The sender and schema checks on every channel of the IPC contract, through
// the Electron wrapper with a fake ipcMain and fake invoke events standing in
// for Electron's (the wrapper takes ipcMain as a parameter). Every handler
// is a spy, so a rejected call must never reach one.
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import {
  registerIpcHandlers,
  type IpcMainLike,
} from '../../../electron/shell/ipc.ts';
import {
  CHANNEL_NAMES,
  ipcChannelName,
  type ChannelName,
} from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { VALID_INPUTS } from './channel-inputs.ts';
import { codeOf } from './result-code.ts';
import { spyTable } from './spy-handlers.ts';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

const APP_WINDOW_ID = 7;
const APP_PAGE = 'app://efactura/index.html';

function setUp() {
  const called: ChannelName[] = [];
  const memory = createMemoryLogger();
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => handlers.set(channel, listener),
    removeHandler: (channel) => handlers.delete(channel),
  };
  const dispatch = createDispatcher(spyTable(called), memory.logger);
  registerIpcHandlers(
    ipcMain,
    dispatch,
    new Set([APP_WINDOW_ID]),
    memory.logger,
  );
  const call = async (
    channel: ChannelName,
    event: IpcMainInvokeEvent,
    input: unknown,
  ): Promise<Result<unknown>> => {
    const listener = handlers.get(ipcChannelName(channel));
    if (!listener) throw new Error(`No handler for ${channel}`);
    return (await listener(event, input)) as Result<unknown>;
  };
  return { call, called, handlers, lines: memory.lines };
}

function invokeEvent(
  senderId: number,
  frame: { url: string; parent: object | null } | null,
): IpcMainInvokeEvent {
  return {
    sender: { id: senderId },
    senderFrame: frame,
  } as unknown as IpcMainInvokeEvent;
}

const trusted = () =>
  invokeEvent(APP_WINDOW_ID, { url: APP_PAGE, parent: null });

const UNTRUSTED_SENDERS: Array<[string, () => IpcMainInvokeEvent]> = [
  ['another window', () => invokeEvent(8, { url: APP_PAGE, parent: null })],
  [
    'a web page',
    () =>
      invokeEvent(APP_WINDOW_ID, {
        url: 'https://evil.example/',
        parent: null,
      }),
  ],
  [
    'a file page',
    () =>
      invokeEvent(APP_WINDOW_ID, {
        url: 'file:///tmp/index.html',
        parent: null,
      }),
  ],
  [
    'another app host',
    () =>
      invokeEvent(APP_WINDOW_ID, {
        url: 'app://evil/index.html',
        parent: null,
      }),
  ],
  [
    'a subframe',
    () => invokeEvent(APP_WINDOW_ID, { url: APP_PAGE, parent: {} }),
  ],
  ['a destroyed frame', () => invokeEvent(APP_WINDOW_ID, null)],
  [
    'about:blank',
    () => invokeEvent(APP_WINDOW_ID, { url: 'about:blank', parent: null }),
  ],
];

const GARBAGE_INPUTS: Array<[string, unknown]> = [
  ['a string', 'garbage'],
  ['a number', 42],
  ['an array', [1, 2]],
  ['null', null],
  ['an object with an unknown key', { unexpectedKey: true }],
  ['a prototype key', JSON.parse('{"__proto__": {"polluted": true}}')],
];

describe('IPC contract coverage', () => {
  it('every channel has a handler', () => {
    const { handlers } = setUp();
    const missing = CHANNEL_NAMES.filter(
      (channel) => !handlers.has(ipcChannelName(channel)),
    );
    expect(missing).toEqual([]);
  });

  it('every channel has a valid sample input', () => {
    const missing = CHANNEL_NAMES.filter(
      (channel) => !(channel in VALID_INPUTS),
    );
    expect(missing).toEqual([]);
  });
});

describe.each(CHANNEL_NAMES)('IPC channel %s', (channel) => {
  it('accepts a valid call from the app window', async () => {
    const { call, called } = setUp();
    const result = await call(channel, trusted(), VALID_INPUTS[channel]);
    expect(result).toEqual({ ok: true, value: null });
    expect(called).toEqual([channel]);
  });

  it.each(UNTRUSTED_SENDERS)(
    'rejects %s with ipc.forbidden',
    async (_name, event) => {
      const { call, called, lines } = setUp();
      const result = await call(channel, event(), VALID_INPUTS[channel]);
      expect(codeOf(result)).toBe('ipc.forbidden');
      expect(called).toEqual([]);
      expect(lines.some((line) => line.includes('untrusted sender'))).toBe(
        true,
      );
    },
  );

  it.each(GARBAGE_INPUTS)(
    'rejects %s with input.invalid',
    async (_name, input) => {
      const { call, called } = setUp();
      const result = await call(channel, trusted(), input);
      expect(codeOf(result)).toBe('input.invalid');
      expect(called).toEqual([]);
    },
  );

  it('checks the sender before the input', async () => {
    const { call } = setUp();
    const result = await call(channel, invokeEvent(8, null), 'garbage');
    expect(codeOf(result)).toBe('ipc.forbidden');
  });
});

describe('prototype pollution', () => {
  it('a __proto__ key leaves objects clean', async () => {
    const { call } = setUp();
    await call(
      'settings.set',
      trusted(),
      JSON.parse('{"__proto__": {"polluted": true}}'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
