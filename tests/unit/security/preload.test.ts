// The preload's bridge, against a mocked electron module whose contextBridge
// and ipcRenderer are fakes. The renderer must get exactly one object with
// one function per channel and `on`. It must never see ipcRenderer or an IPC
// event object, and it can listen only to the contract's events.
import type { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { methodName } from '../../../shared/ipc/api.ts';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../../shared/ipc/contract.ts';

const fakes = vi.hoisted(() => ({
  exposed: [] as Array<{ key: string; api: Record<string, unknown> }>,
  invoked: [] as unknown[][],
  ipcRenderer: null as
    null | (EventEmitter & { invoke(...args: unknown[]): Promise<unknown> }),
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: async (...args: unknown[]) => {
      fakes.invoked.push(args);
      return { ok: true, value: null };
    },
  });
  fakes.ipcRenderer = ipcRenderer;
  const electron = {
    ipcRenderer,
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, unknown>) =>
        fakes.exposed.push({ key, api }),
    },
  };
  return { ...electron, default: electron };
});

beforeAll(async () => {
  await import('../../../electron/shell/preload.ts');
});

const api = () => fakes.exposed[0]?.api ?? {};

describe('preload bridge (mocked electron)', () => {
  it('exposes one object as efactura', () => {
    expect(fakes.exposed.map((entry) => entry.key)).toEqual(['efactura']);
  });

  it('exposes only contract methods and on', () => {
    const expected = [...CHANNEL_NAMES.map(methodName), 'on'].sort();
    expect(Object.keys(api()).sort()).toEqual(expected);
  });

  it('exposes only functions', () => {
    const others = Object.entries(api()).filter(
      ([, value]) => typeof value !== 'function',
    );
    expect(others).toEqual([]);
  });

  it('does not expose ipcRenderer', () => {
    expect(Object.values(api())).not.toContain(fakes.ipcRenderer);
  });

  it('calls invoke with the prefixed channel', async () => {
    const settingsSet = api().settingsSet as (
      input: unknown,
    ) => Promise<unknown>;
    await settingsSet({ language: 'en' });
    expect(fakes.invoked.at(-1)).toEqual([
      'efactura:settings.set',
      { language: 'en' },
    ]);
  });

  it('ignores events outside the contract', () => {
    const on = api().on as (event: string, listener: () => void) => () => void;
    on('efactura:settings.set', () => undefined);
    on('ELECTRON_BROWSER_REQUIRE', () => undefined);
    expect(fakes.ipcRenderer?.eventNames()).toEqual([]);
  });

  it('listeners get the payload only', () => {
    const on = api().on as (
      event: string,
      listener: (...args: unknown[]) => void,
    ) => () => void;
    const received: unknown[][] = [];
    const unsubscribe = on(EVENT_NAMES[0] ?? 'settings.changed', (...args) =>
      received.push(args),
    );
    fakes.ipcRenderer?.emit(
      `efactura:event:${EVENT_NAMES[0]}`,
      { sender: fakes.ipcRenderer },
      { language: 'en' },
    );
    unsubscribe();
    expect(received).toEqual([[{ language: 'en' }]]);
  });

  it('unsubscribe removes the listener', () => {
    const on = api().on as (event: string, listener: () => void) => () => void;
    const unsubscribe = on('notice', () => undefined);
    unsubscribe();
    expect(fakes.ipcRenderer?.listenerCount('efactura:event:notice')).toBe(0);
  });
});
