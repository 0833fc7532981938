/**
 * The only place that calls `ipcMain.handle` and `webContents.send`. Every
 * channel of the contract is registered through `registerIpcHandlers`, which
 * rejects senders other than the app's own windows before the dispatcher
 * parses the input.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import {
  CHANNEL_NAMES,
  ipcChannelName,
  ipcEventName,
  type EventName,
  type EventPayloads,
} from '../../shared/ipc/contract.ts';
import { fail, type Result } from '../../shared/result.ts';
import type { Dispatch } from '../core/ipc/dispatcher.ts';
import type { Logger } from '../core/log/logger.ts';
import { isAppUrl } from './security.ts';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/**
 * A sender is trusted when it is one of the app's windows and the calling
 * frame is that window's top frame showing an `app://` page.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, appWindowIds: ReadonlySet<number>): boolean {
  if (!appWindowIds.has(event.sender.id)) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  appWindowIds: ReadonlySet<number>,
  logger: Logger,
): () => void {
  const log = logger.child('ipc');
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannelName(channel), async (event, input): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, appWindowIds)) {
        log.warn('Rejected a call from an untrusted sender', {
          channel,
          senderId: event.sender.id,
          url: event.senderFrame?.url.split('?')[0]?.slice(0, 200),
        });
        return fail('ipc.forbidden', 'This window may not call the app.');
      }
      return dispatch(channel, input, { shell: 'electron', sender: `window ${event.sender.id}` });
    });
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(ipcChannelName(channel));
  };
}

/** Sends an event to every open app window. */
export function createEventSender(windows: () => WebContents[]) {
  return <E extends EventName>(event: E, payload: EventPayloads[E]): void => {
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(ipcEventName(event), payload);
    }
  };
}
