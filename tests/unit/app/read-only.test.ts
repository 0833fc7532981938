/** `guardReadOnly` over every channel of the IPC contract. */
import { describe, expect, it } from 'vitest';
import {
  CHANNEL_ACCESS,
  guardReadOnly,
} from '../../../electron/core/app/read-only.ts';
import type { HandlerTable } from '../../../electron/core/ipc/dispatcher.ts';
import {
  CHANNEL_NAMES,
  type ChannelName,
} from '../../../shared/ipc/contract.ts';
import { AppFailure } from '../../../shared/result.ts';

const REASON = 'Another e-Factura Desktop (PID 4242) holds the data folder.';

/** Channels that change stored state or call ANAF, which a read-only window must reject. */
const MUST_WRITE: ChannelName[] = [
  'settings.set',
  'settings.chooseArchiveDir',
  'environment.select',
  'accounts.loginSandbox',
  'accounts.loginAnaf',
  'accounts.relogin',
  'accounts.logout',
  'accounts.testConnection',
  'companies.add',
  'companies.update',
  'companies.remove',
  'companies.markSeen',
  'uploads.submit',
  'uploads.resolveUnknown',
  'sync.run',
];

/** A table whose every handler returns its own channel name. */
function guardedTable(): Record<ChannelName, () => unknown> {
  const table = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [channel, () => channel]),
  ) as Record<ChannelName, () => unknown>;
  guardReadOnly(table as unknown as HandlerTable, REASON);
  return table;
}

function failureOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('read-only channel access', () => {
  it.each(CHANNEL_NAMES)('classifies %s', (channel) => {
    expect(['reading', 'writing']).toContain(CHANNEL_ACCESS[channel]);
  });

  it('lists no unknown channel', () => {
    const unknown = Object.keys(CHANNEL_ACCESS).filter(
      (channel) => !(CHANNEL_NAMES as string[]).includes(channel),
    );
    expect(unknown).toEqual([]);
  });

  it.each(MUST_WRITE)('classifies %s as writing', (channel) => {
    expect(CHANNEL_ACCESS[channel]).toBe('writing');
  });
});

describe('guardReadOnly', () => {
  const table = guardedTable();
  const writing = CHANNEL_NAMES.filter(
    (channel) => CHANNEL_ACCESS[channel] === 'writing',
  );
  const reading = CHANNEL_NAMES.filter(
    (channel) => CHANNEL_ACCESS[channel] === 'reading',
  );

  it.each(writing)('rejects %s', (channel) => {
    const failure = failureOf(table[channel]);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).code).toBe('archive.locked');
    expect((failure as AppFailure).message).toContain(REASON);
    expect((failure as AppFailure).message).toContain(channel);
  });

  it.each(reading)('keeps %s', (channel) => {
    expect(table[channel]()).toBe(channel);
  });
});
