/**
 * The preload of the main window. It runs sandboxed and exposes exactly one
 * object, `window.efactura`, with one named function per contract channel and
 * `on` for events. The renderer never sees `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi } from '../../shared/ipc/api.ts';
import {
  EVENT_NAMES,
  ipcChannelName,
  ipcEventName,
  type EventName,
} from '../../shared/ipc/contract.ts';

const api = buildApi(
  (channel, input) => ipcRenderer.invoke(ipcChannelName(channel), input),
  (event, listener) => {
    if (!EVENT_NAMES.includes(event as EventName)) return () => undefined;
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => {
      listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(ipcEventName(event), wrapped);
    return () => {
      ipcRenderer.removeListener(ipcEventName(event), wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('efactura', api);
