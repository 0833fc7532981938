/**
 * Read-only browsing for a process that does not hold the data folder's
 * lock: every channel that calls ANAF or changes the archive fails with
 * `archive.locked` and the lock holder's message, and the rest work.
 */
import type { ChannelName } from '../../../shared/ipc/contract.ts';
import { AppFailure } from '../../../shared/result.ts';
import type { HandlerTable } from '../ipc/dispatcher.ts';

export const WRITING_CHANNELS: readonly ChannelName[] = [
  'accounts.loginSandbox',
  'accounts.loginAnaf',
  'accounts.relogin',
  'accounts.logout',
  'accounts.testConnection',
  'companies.add',
  'companies.update',
  'companies.remove',
  'uploads.submit',
  'uploads.resolveUnknown',
  'sync.run',
];

export function guardReadOnly(handlers: HandlerTable, reason: string): void {
  const table = handlers as Record<ChannelName, unknown>;
  for (const channel of WRITING_CHANNELS) {
    table[channel] = () => {
      throw new AppFailure('archive.locked', `${reason} Until then this window can only browse.`);
    };
  }
}
