import type { HandlerTable } from '../../../electron/core/ipc/dispatcher.ts';
import {
  CHANNEL_NAMES,
  type ChannelName,
} from '../../../shared/ipc/contract.ts';

/**
 * Creates a handler table whose every handler records its channel in
 * `called` and returns null, so a test can tell whether a call got through.
 */
export function spyTable(called: ChannelName[]): HandlerTable {
  const table: Record<string, () => null> = {};
  for (const channel of CHANNEL_NAMES) {
    table[channel] = () => {
      called.push(channel);
      return null;
    };
  }
  return table as unknown as HandlerTable;
}
