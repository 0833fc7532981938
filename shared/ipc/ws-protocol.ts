/**
 * Messages of the browser shell's WebSocket. The client says `hello` with the
 * run's key, then sends `call`s; the server answers each with a `result`
 * carrying the same id and pushes `event`s.
 */
import { z } from 'zod';
import type { EventName } from './contract.ts';
import type { Result } from '../result.ts';

const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), key: z.string().max(200) }),
  z.object({
    type: z.literal('call'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(100),
    input: z.unknown().optional(),
  }),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EventName; payload: unknown };

export function parseClientMessage(text: string): ClientMessage | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = clientMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
