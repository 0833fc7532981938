// The Electron IPC wrapper with a fake ipcMain and fake events standing in
// for Electron's (the Electron binary cannot run here); the wrapper takes
// ipcMain as a parameter, so no module mock is needed.
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { registerIpcHandlers, type IpcMainLike } from '../../../electron/shell/ipc.ts';
import { ipcChannelName } from '../../../shared/ipc/contract.ts';
import { createTestCore } from '../../helpers/app-core.ts';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => handlers.set(channel, listener),
    removeHandler: (channel) => handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

function fakeEvent(senderId: number, url: string, topFrame = true): IpcMainInvokeEvent {
  return {
    sender: { id: senderId },
    senderFrame: { url, parent: topFrame ? null : {} },
  } as unknown as IpcMainInvokeEvent;
}

function setUp() {
  const test = createTestCore();
  const spy = vi.fn(test.core.handlers['settings.set']);
  const dispatch = createDispatcher({ ...test.core.handlers, 'settings.set': spy }, createMemoryLogger().logger);
  const { ipcMain, handlers } = fakeIpcMain();
  const memory = createMemoryLogger();
  const unregister = registerIpcHandlers(ipcMain, dispatch, new Set([7]), memory.logger);
  const call = (event: IpcMainInvokeEvent, input: unknown) =>
    handlers.get(ipcChannelName('settings.set'))?.(event, input) as Promise<{ ok: boolean; error?: { code: string } }>;
  return { spy, call, handlers, unregister, lines: memory.lines };
}

describe('IPC wrapper (fake Electron ipcMain)', () => {
  it('registers every channel of the contract', () => {
    const { handlers } = setUp();
    expect(handlers.has('efactura:settings.set')).toBe(true);
    expect(handlers.has('efactura:app.info')).toBe(true);
  });

  it('passes a valid call from the app window to the service', async () => {
    const { call, spy } = setUp();
    const result = await call(fakeEvent(7, 'app://efactura/index.html'), { language: 'en' });
    expect(result.ok).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['an unknown window', fakeEvent(8, 'app://efactura/index.html')],
    ['a page of another origin', fakeEvent(7, 'https://evil.example/')],
    ['a file page', fakeEvent(7, 'file:///tmp/index.html')],
    ['a subframe', fakeEvent(7, 'app://efactura/index.html', false)],
  ])('rejects %s with ipc.forbidden', async (_name, event) => {
    const { call, spy, lines } = setUp();
    const result = await call(event, { language: 'en' });
    expect(result.error?.code).toBe('ipc.forbidden');
    expect(spy).not.toHaveBeenCalled();
    expect(lines.some((line) => line.includes('untrusted sender'))).toBe(true);
  });

  it('rejects invalid input before the service', async () => {
    const { call, spy } = setUp();
    const result = await call(fakeEvent(7, 'app://efactura/index.html'), { language: 'fr' });
    expect(result.error?.code).toBe('input.invalid');
    expect(spy).not.toHaveBeenCalled();
  });

  it('removes its handlers when unregistered', () => {
    const { handlers, unregister } = setUp();
    unregister();
    expect(handlers.size).toBe(0);
  });
});
