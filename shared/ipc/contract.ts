/**
 * The IPC contract: every request channel with the zod schema of its input
 * and the type of its result, and every event main pushes to the renderer.
 *
 * Both transports carry exactly this contract: Electron's `ipcRenderer.invoke`
 * through the preload, and the browser shell's WebSocket. Main parses every
 * input with the channel's schema before a service sees it.
 */
import { z } from 'zod';
import type { Result } from '../result.ts';
import {
  settingsPatchSchema,
  ENVIRONMENTS,
  type Environment,
  type Settings,
} from '../settings.ts';

/** Declares a channel's result type without a runtime value. */
function returns<T>(): T {
  return undefined as T;
}

const noInput = z.undefined();

export interface AppInfo {
  name: string;
  version: string;
  /** Which shell carries the contract. */
  shell: 'electron' | 'browser';
  platform: string;
  dataDir: string;
  /** False when another process holds the data folder's lock. */
  readOnly: boolean;
  readOnlyReason?: string;
}

export interface EnvironmentInfo {
  selected: Environment;
  /** The embedded sandbox's base URLs when it runs in this process. */
  sandbox: { running: boolean; apiUrl?: string };
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export const channels = {
  'app.info': { input: noInput, output: returns<AppInfo>() },
  'settings.get': { input: noInput, output: returns<Settings>() },
  'settings.set': { input: settingsPatchSchema, output: returns<Settings>() },
  'environment.get': { input: noInput, output: returns<EnvironmentInfo>() },
  'environment.select': {
    input: z.object({ environment: z.enum(ENVIRONMENTS) }).strict(),
    output: returns<EnvironmentInfo>(),
  },
  'log.write': {
    input: z
      .object({
        level: z.enum(LOG_LEVELS),
        message: z.string().max(4000),
      })
      .strict(),
    output: returns<null>(),
  },
  'shell.openExternal': {
    input: z.object({ url: z.string().max(2048) }).strict(),
    output: returns<null>(),
  },
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = Channels[C]['output'];
export type ChannelResult<C extends ChannelName> = Result<ChannelOutput<C>>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

/** Events main pushes to the renderer, with their payload types. */
export interface EventPayloads {
  'settings.changed': Settings;
  'environment.changed': EnvironmentInfo;
}

export type EventName = keyof EventPayloads;

export const EVENT_NAMES: EventName[] = ['settings.changed', 'environment.changed'];

/** The Electron IPC channel names, prefixed so no other code collides with them. */
export function ipcChannelName(channel: ChannelName): string {
  return `efactura:${channel}`;
}

export function ipcEventName(event: EventName): string {
  return `efactura:event:${event}`;
}
