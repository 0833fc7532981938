/**
 * The API object the renderer calls: one named function per channel
 * (`settings.set` becomes `settingsSet`) plus `on` for events. The preload
 * exposes it through `contextBridge`; the browser shell builds the same object
 * over its WebSocket.
 */
import type {
  ChannelInput,
  ChannelName,
  ChannelResult,
  EventName,
  EventPayloads,
} from './contract.ts';
import { CHANNEL_NAMES } from './contract.ts';

export type MethodName<C extends string> = C extends `${infer Group}.${infer Action}`
  ? `${Group}${Capitalize<Action>}`
  : C;

type MethodArgs<C extends ChannelName> =
  undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

export type ChannelMethods = {
  [C in ChannelName as MethodName<C>]: (...args: MethodArgs<C>) => Promise<ChannelResult<C>>;
};

export type EventSubscriber = <E extends EventName>(
  event: E,
  listener: (payload: EventPayloads[E]) => void,
) => () => void;

export type EfacturaApi = ChannelMethods & { on: EventSubscriber };

export function methodName(channel: ChannelName): string {
  const [group, action = ''] = channel.split('.');
  return `${group}${action.charAt(0).toUpperCase()}${action.slice(1)}`;
}

/**
 * Builds the API object from one transport function, so the preload and the
 * browser shell expose exactly the same named functions.
 */
export function buildApi(
  invoke: (channel: ChannelName, input: unknown) => Promise<unknown>,
  on: EventSubscriber,
): EfacturaApi {
  const api: Record<string, unknown> = { on };
  for (const channel of CHANNEL_NAMES) {
    api[methodName(channel)] = (input?: unknown) => invoke(channel, input);
  }
  return api as EfacturaApi;
}
