/**
 * Buyer messages end to end against the sandbox: a company sends a RASP
 * message about an invoice it received, both parties sync, and each
 * archive lists the message under that invoice with its text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildBuyerMessage } from '../../../electron/core/anaf/buyer-message.ts';
import type { ListedMessage } from '../../../electron/core/anaf/index.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { RequestQueue } from '../../../electron/core/queue/index.ts';
import { syncCompany } from '../../../electron/core/sync/index.ts';
import {
  createTestArchive,
  type TestArchive,
} from '../../unit/archive/archive-fixture.ts';

import {
  listAllMessages,
  startSyncSandbox,
  type SyncSandbox,
} from './sandbox-sync.ts';

const TEXT = 'Cantitatea de pe linia 2 diferă; vă rugăm emiteți stornarea.';

let harness: SyncSandbox;
let queue: RequestQueue;
let archive: TestArchive;
/** The certificate's second company, which sold the invoice. */
let sellerCif: string;
let invoice: ListedMessage;
let raspIndex: string;

beforeAll(async () => {
  const { logger } = createMemoryLogger();
  harness = await startSyncSandbox(
    {
      seed: 'buyer-messages',
      seedMessages: 120,
      processingMs: 0,
      listLagMs: 0,
    },
    logger,
  );
  queue = new RequestQueue({ logger, rateLimit: 1000 });
  archive = await createTestArchive();

  const second = harness.info.certificates[0]?.cifs[1];
  if (second === undefined) throw new Error('The certificate has one CIF.');
  sellerCif = second;
  const listed = await listAllMessages(
    harness.client,
    harness.cif,
    harness.sandbox.now(),
  );
  const found = listed.find(
    (message) =>
      message.direction === 'received' && message.sellerCif === sellerCif,
  );
  if (!found) throw new Error('The seed has no invoice between the CIFs.');
  invoice = found;

  const outcome = await harness.client.upload({
    apiPath: 'test',
    cif: harness.cif,
    standard: 'RASP',
    body: buildBuyerMessage(invoice.uploadIndex, TEXT),
  });
  if (!outcome.accepted) throw new Error(outcome.messages.join('; '));
  raspIndex = outcome.uploadIndex;
  // The lists end a minute before now, so the message shows two minutes on.
  await harness.admin('POST', '/clock', { advanceMs: 120_000 });
}, 120_000);

afterAll(async () => {
  await queue?.close({ abortRunning: true });
  await harness?.close();
  archive?.close();
});

function sync(cif: string) {
  const { logger } = createMemoryLogger();
  return syncCompany(
    { cif, apiPath: 'test', client: harness.client },
    {
      archive: archive.archive,
      queue,
      logger,
      now: () => harness.sandbox.now(),
    },
  );
}

describe('buyer messages from the sandbox', () => {
  it('syncs both companies', async () => {
    const buyer = await sync(harness.cif);
    const seller = await sync(sellerCif);
    expect(buyer.progress.error).toBeNull();
    expect(seller.progress.error).toBeNull();
  }, 60_000);

  it('lists the sent message under the invoice', () => {
    const page = archive.archive.buyerMessages({
      cif: harness.cif,
      invoiceUploadIndex: invoice.uploadIndex,
    });
    expect(page.total).toBe(1);
    const [message] = page.messages;
    expect(message?.text).toBe(TEXT);
    expect(message?.direction).toBe('sent');
    expect(message?.invoice?.messageId).toBe(invoice.downloadId);
    expect(message?.invoice?.direction).toBe('received');
  });

  it('lists the received message for the seller', () => {
    const page = archive.archive.buyerMessages({
      cif: sellerCif,
      invoiceUploadIndex: invoice.uploadIndex,
    });
    expect(page.total).toBe(1);
    const [message] = page.messages;
    expect(message?.text).toBe(TEXT);
    expect(message?.direction).toBe('received');
    expect(message?.invoice?.direction).toBe('sent');
    expect(message?.invoice?.number).not.toBeNull();
  });

  it('lists the message for the company', () => {
    const page = archive.archive.buyerMessages({ cif: harness.cif });
    expect(page.messages.map((message) => message.uploadIndex)).toEqual([
      raspIndex,
    ]);
  });

  it('keeps buyer messages out of the invoice list', () => {
    const page = archive.archive.queryInvoices({
      cif: harness.cif,
      limit: 5000,
    });
    const indexes = page.rows.map((row) => row.uploadIndex);
    expect(indexes).not.toContain(raspIndex);
  });

  it('downloads nothing on a second run', async () => {
    const before = await harness.downloadsServed();
    await sync(harness.cif);
    await sync(sellerCif);
    expect(await harness.downloadsServed()).toBe(before);
  }, 60_000);
});
