/**
 * Read-only browsing for a process that does not hold the data folder's
 * lock: every channel that calls ANAF or changes the archive, the followed
 * companies or the settings fails with `archive.locked` and the lock
 * holder's message, and the rest work.
 */
import type { ChannelName } from '../../../shared/ipc/contract.ts';
import { AppFailure } from '../../../shared/result.ts';
import type { HandlerTable } from '../ipc/dispatcher.ts';

export type ChannelAccess = 'reading' | 'writing';

/**
 * The access of every channel of the contract. The type requires an entry
 * for each channel, so type checking fails until a new channel is classified.
 * Saving and exporting count as reading because they read the archive and
 * write only the user's chosen file, or a file in the data folder's
 * `exports` or `attachments` folder.
 */
export const CHANNEL_ACCESS = {
  'app.info': 'reading',
  'settings.get': 'reading',
  'settings.set': 'writing',
  // The folder dialog exists only to change the archive folder setting.
  'settings.chooseArchiveDir': 'writing',
  'environment.get': 'reading',
  'environment.select': 'writing',
  'log.write': 'reading',
  'shell.openExternal': 'reading',

  'accounts.list': 'reading',
  'accounts.sandboxCertificates': 'reading',
  'accounts.loginSandbox': 'writing',
  'accounts.loginAnaf': 'writing',
  // Only a login in progress waits for a certificate choice, and no login
  // starts in a read-only window.
  'accounts.answerCertificate': 'reading',
  'accounts.relogin': 'writing',
  'accounts.logout': 'writing',
  'accounts.testConnection': 'writing',

  'companies.list': 'reading',
  'companies.add': 'writing',
  'companies.update': 'writing',
  'companies.remove': 'writing',
  'companies.markSeen': 'writing',

  'invoices.query': 'reading',
  'invoices.document': 'reading',
  'invoices.buyerMessages': 'reading',
  'invoices.save': 'reading',
  'invoices.openAttachment': 'reading',
  'invoices.exportCsv': 'reading',
  'invoices.saveMany': 'reading',
  'invoices.exportBundle': 'reading',

  'uploads.check': 'reading',
  'uploads.submit': 'writing',
  'uploads.list': 'reading',
  'uploads.resolveUnknown': 'writing',

  'sync.run': 'writing',
  'sync.status': 'reading',
  'queue.snapshot': 'reading',
} as const satisfies Record<ChannelName, ChannelAccess>;

export const WRITING_CHANNELS: readonly ChannelName[] = (
  Object.keys(CHANNEL_ACCESS) as ChannelName[]
).filter((channel) => CHANNEL_ACCESS[channel] === 'writing');

/** Replaces the handler of every writing channel with one that throws `archive.locked`. */
export function guardReadOnly(handlers: HandlerTable, reason: string): void {
  const table = handlers as Record<ChannelName, unknown>;
  for (const channel of WRITING_CHANNELS) {
    table[channel] = () => {
      throw new AppFailure(
        'archive.locked',
        `${reason} Until then this window can only browse, so ${channel} is not available.`,
        { channel },
      );
    };
  }
}
