/**
 * A stand-in for the preload's API in renderer tests. Each channel returns
 * what the test's handler returns, every call is recorded, and events are
 * pushed with `emit`. A channel without a handler fails as main does for a
 * handler that throws (`internal`).
 */
import type { EfacturaApi } from '../../../shared/ipc/api.ts';
import { methodName } from '../../../shared/ipc/api.ts';
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayloads } from '../../../shared/ipc/contract.ts';
import { CHANNEL_NAMES } from '../../../shared/ipc/contract.ts';
import { AppFailure, fail, ok, type Result } from '../../../shared/result.ts';

export type FakeHandlers = {
  [C in ChannelName]?: (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export interface FakeCall {
  channel: ChannelName;
  input: unknown;
}

export interface FakeApi {
  api: EfacturaApi;
  calls: FakeCall[];
  callsTo(channel: ChannelName): unknown[];
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
}

type Listener = (payload: unknown) => void;

export function createFakeApi(handlers: FakeHandlers): FakeApi {
  const calls: FakeCall[] = [];
  const listeners = new Map<EventName, Set<Listener>>();

  async function invoke(channel: ChannelName, input: unknown): Promise<Result<unknown>> {
    calls.push({ channel, input });
    const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
    if (!handler) return fail('internal', `Unexpected error in ${channel}; the log has the details.`);
    try {
      return ok(await handler(input));
    } catch (error) {
      if (error instanceof AppFailure) return { ok: false, error: error.toAppError() };
      return fail('internal', error instanceof Error ? error.message : String(error));
    }
  }

  const api: Record<string, unknown> = {
    on(event: EventName, listener: Listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  for (const channel of CHANNEL_NAMES) {
    api[methodName(channel)] = (input?: unknown) => invoke(channel, input);
  }

  return {
    api: api as EfacturaApi,
    calls,
    callsTo: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.input),
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}
