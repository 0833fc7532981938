/**
 * Sync against the sandbox over HTTPS, with a real request queue, SQLite
 * file and archive folder: one company with about 300 seeded messages is
 * archived completely, a second run downloads nothing, the archive answers
 * the browser's searches, and messages that leave ANAF's 60 days before
 * their download are marked expired and not retried.
 *
 * The tests share one sandbox and run in order; the last one moves the
 * sandbox's clock two days ahead.
 */
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ListedMessage } from '../../../electron/core/anaf/index.ts';
import { foldSearchText } from '../../../electron/core/archive/index.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { RequestQueue } from '../../../electron/core/queue/index.ts';
import { syncCompany } from '../../../electron/core/sync/index.ts';
import {
  createTestArchive,
  type TestArchive,
} from '../../unit/archive/archive-fixture.ts';

import {
  listAllMessages,
  SEED,
  SEEDED_INVOICES,
  startSyncSandbox,
  type SyncSandbox,
} from './sandbox-sync.ts';

const DAY_MS = 86_400_000;

let harness: SyncSandbox;
let queue: RequestQueue;
let archived: TestArchive;
let sandboxMessages: ListedMessage[];
const archives: TestArchive[] = [];

beforeAll(async () => {
  const { logger } = createMemoryLogger();
  harness = await startSyncSandbox(
    { seed: SEED, seedMessages: SEEDED_INVOICES },
    logger,
  );
  queue = new RequestQueue({ logger, rateLimit: 1000 });
  sandboxMessages = await listAllMessages(
    harness.client,
    harness.cif,
    harness.sandbox.now(),
  );
  archived = await newArchive();
}, 120_000);

afterAll(async () => {
  await queue?.close({ abortRunning: true });
  await harness?.close();
  for (const archive of archives) archive.close();
});

async function newArchive(): Promise<TestArchive> {
  const archive = await createTestArchive();
  archives.push(archive);
  return archive;
}

function sync(archive: TestArchive) {
  const { logger } = createMemoryLogger();
  return syncCompany(
    { cif: harness.cif, apiPath: 'test', client: harness.client },
    {
      archive: archive.archive,
      queue,
      logger,
      now: () => harness.sandbox.now(),
    },
  );
}

function storedStates(archive: TestArchive): Record<string, string> {
  const rows = archive.db
    .prepare('SELECT message_id, state FROM archive_messages WHERE cif = ?')
    .all(harness.cif) as Array<{ message_id: string; state: string }>;
  return Object.fromEntries(rows.map((row) => [row.message_id, row.state]));
}

describe('sync against the sandbox', () => {
  it('seeds a few hundred messages for the company', () => {
    expect(sandboxMessages.length).toBeGreaterThanOrEqual(250);
  });

  it('archives every message of the company', async () => {
    const outcome = await sync(archived);

    expect(outcome.progress.error).toBeNull();
    expect(outcome.progress.listed).toBe(sandboxMessages.length);
    expect(outcome.progress.downloaded).toBe(sandboxMessages.length);
    const states = storedStates(archived);
    expect(Object.keys(states).sort()).toEqual(
      sandboxMessages.map((message) => message.downloadId).sort(),
    );
    expect(new Set(Object.values(states))).toEqual(new Set(['downloaded']));
  }, 60_000);

  it('stores each ZIP at its archive path', () => {
    for (const message of sandboxMessages) {
      const file = path.join(
        archived.root,
        harness.cif,
        monthFolder(message.createdAt),
        `${message.downloadId}.zip`,
      );
      expect(fs.existsSync(file), file).toBe(true);
    }
  });

  it('indexes every seeded invoice', () => {
    const page = archived.archive.queryInvoices({
      cif: harness.cif,
      limit: 5000,
    });
    const unread = page.rows.filter((row) => row.failureReason !== null);
    expect(unread).toEqual([]);
    expect(page.rows.every((row) => row.number !== null)).toBe(true);
  });

  it('downloads nothing on a second run', async () => {
    const before = await harness.downloadsServed();
    const outcome = await sync(archived);

    expect(outcome.progress.downloaded).toBe(0);
    expect(outcome.progress.alreadyArchived).toBe(sandboxMessages.length);
    expect(await harness.downloadsServed()).toBe(before);
  }, 60_000);
});

describe('search of the synced archive', () => {
  function rows() {
    return archived.archive.queryInvoices({ cif: harness.cif, limit: 5000 })
      .rows;
  }

  it('finds a partner with either s and t form', () => {
    const row = rows().find((candidate) =>
      /[șşțţ]/.test(candidate.partnerName ?? ''),
    );
    expect(row).toBeDefined();
    const swapped = (row?.partnerName ?? '')
      .replace(/ș/g, 'ş')
      .replace(/ț/g, 'ţ')
      .replace(/ş/g, 'ș')
      .replace(/ţ/g, 'ț');
    const plain = foldSearchText(row?.partnerName ?? '');
    for (const partner of [swapped, plain, row?.partnerName ?? '']) {
      const found = archived.archive.queryInvoices({
        cif: harness.cif,
        partner,
        limit: 5000,
      });
      expect(found.rows.map((candidate) => candidate.messageId)).toContain(
        row?.messageId,
      );
    }
  });

  it('finds an invoice by partner CIF, number and date', () => {
    const row = rows().find((candidate) => candidate.direction === 'received');
    const found = archived.archive.queryInvoices({
      cif: harness.cif,
      direction: 'received',
      partner: row?.partnerCif?.slice(1, 6),
      number: row?.number?.slice(-4).toLowerCase(),
      dateFrom: row?.issueDate ?? undefined,
      dateTo: row?.issueDate ?? undefined,
      limit: 5000,
    });
    expect(found.rows.map((candidate) => candidate.messageId)).toContain(
      row?.messageId,
    );
  });

  it('finds invoices by amount and currency', () => {
    const foreign = rows().filter((row) => row.currency !== 'RON');
    const row = foreign[0];
    expect(row).toBeDefined();
    const found = archived.archive.queryInvoices({
      cif: harness.cif,
      currency: row?.currency ?? undefined,
      amountMin: (row?.total ?? 0) - 0.01,
      amountMax: (row?.total ?? 0) + 0.01,
    });
    expect(found.rows.map((candidate) => candidate.messageId)).toContain(
      row?.messageId,
    );
  });

  it('totals the whole archive per currency', () => {
    const page = archived.archive.queryInvoices({
      cif: harness.cif,
      limit: 1,
    });
    const counted = page.totals.reduce((sum, totals) => sum + totals.count, 0);
    expect(page.total).toBe(sandboxMessages.length);
    expect(counted).toBe(sandboxMessages.length);
  });
});

describe('sync of messages past 60 days', () => {
  it('marks them expired and does not retry them', async () => {
    const late = await newArchive();
    await harness.admin('PUT', '/faults', { faults: ['descarcare:firewall'] });
    const blocked = await sync(late);
    expect(blocked.progress.error).toMatch(/Downloads stopped/);
    await harness.admin('DELETE', '/faults');

    harness.sandbox.advanceClock(2 * DAY_MS);
    const limit = harness.sandbox.now().getTime() - 60 * DAY_MS;
    const tooOld = sandboxMessages
      .filter((message) => message.createdAt.getTime() < limit)
      .map((message) => message.downloadId)
      .sort();
    expect(tooOld.length).toBeGreaterThan(0);

    const outcome = await sync(late);
    const states = storedStates(late);
    const expired = Object.keys(states)
      .filter((id) => states[id] === 'expired')
      .sort();
    expect(expired).toEqual(tooOld);
    expect(outcome.progress.expired).toBe(tooOld.length);
    expect(
      Object.values(states).filter((state) => state === 'downloaded').length,
    ).toBe(sandboxMessages.length - tooOld.length);

    const before = await harness.downloadsServed();
    const again = await sync(late);
    expect(again.progress.downloaded).toBe(0);
    expect(again.progress.expired).toBe(0);
    expect(await harness.downloadsServed()).toBe(before);
  }, 90_000);
});

function monthFolder(createdAt: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Bucharest',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(createdAt);
  const year = parts.find((part) => part.type === 'year')?.value ?? '';
  const month = parts.find((part) => part.type === 'month')?.value ?? '';
  return path.join(year, month);
}
