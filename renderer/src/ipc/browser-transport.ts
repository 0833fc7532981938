/**
 * The contract over the browser shell's WebSocket. The run's key comes from
 * the page URL's fragment (`#key=...`), which browsers never send to the
 * server in a request line.
 */
import { buildApi, type EfacturaApi } from '../../../shared/ipc/api.ts';
import type { EventName } from '../../../shared/ipc/contract.ts';
import type { ServerMessage } from '../../../shared/ipc/ws-protocol.ts';
import type { Result } from '../../../shared/result.ts';

type Listener = (payload: unknown) => void;

export function readKeyFromLocation(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get('key');
}

export function connectBrowserTransport(key: string): EfacturaApi {
  const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ipc`);
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<Listener>>();
  let nextId = 1;
  const ready = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'hello', key })));
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if (message.type === 'ready') resolve();
      else if (message.type === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (message.type === 'event') {
        for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      }
    });
    socket.addEventListener('close', (event) => {
      const failure: Result<unknown> = {
        ok: false,
        error: {
          code: 'ipc.forbidden',
          message: `The connection to the app closed (${event.reason || event.code}). Reload the page.`,
          details: { reason: 'connectionClosed' },
        },
      };
      for (const resolvePending of pending.values()) resolvePending(failure);
      pending.clear();
      reject(new Error(failure.error.message));
    });
  });

  return buildApi(
    async (channel, input) => {
      await ready;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ type: 'call', id, channel, input }));
      });
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => set.delete(listener as Listener);
    },
  );
}
