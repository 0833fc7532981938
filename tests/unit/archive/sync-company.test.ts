/**
 * syncCompany with a real archive and request queue and a scripted ANAF
 * client. The tests check what is listed, downloaded, retried and reported.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { SyncProgress } from '../../../shared/domain.ts';
import { anafFailure } from '../../../electron/core/anaf/errors.ts';
import type {
  CallOptions,
  ListWindow,
  MessagePage,
  ListedMessage,
} from '../../../electron/core/anaf/index.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { RequestQueue } from '../../../electron/core/queue/index.ts';
import {
  syncCompany,
  type CompanySync,
} from '../../../electron/core/sync/index.ts';

import { createTestArchive, type TestArchive } from './archive-fixture.ts';
import { errorDocumentXml, invoiceXml, messageZip } from './invoice-builder.ts';

const CIF = '18654326';
const NOW = new Date('2025-03-01T10:00:00Z');

interface ScriptedMessage {
  listed: ListedMessage;
  /** The ZIP, or the failure the download throws. */
  answer: Buffer | Error;
}

class ScriptedClient {
  readonly downloads: string[] = [];
  readonly pageSize: number;
  messages: ScriptedMessage[];

  constructor(messages: ScriptedMessage[], pageSize = 2) {
    this.messages = messages;
    this.pageSize = pageSize;
  }

  listMessagePage = async (request: {
    window: ListWindow;
    page: number;
  }): Promise<MessagePage> => {
    const all = this.messages.map((message) => message.listed);
    const start = (request.page - 1) * this.pageSize;
    return {
      messages: all.slice(start, start + this.pageSize),
      certificateSerial: null,
      title: null,
      page: request.page,
      totalPages: Math.ceil(all.length / this.pageSize),
      totalRecords: all.length,
      recordsPerPage: this.pageSize,
    };
  };

  download = async (request: { downloadId: string }): Promise<Uint8Array> => {
    this.downloads.push(request.downloadId);
    const message = this.messages.find(
      (candidate) => candidate.listed.downloadId === request.downloadId,
    );
    if (!message) throw new Error(`unknown ${request.downloadId}`);
    if (message.answer instanceof Error) throw message.answer;
    return message.answer;
  };
}

function listed(
  downloadId: string,
  direction: 'received' | 'sent' | 'errors',
): ListedMessage {
  const types = {
    received: 'FACTURA PRIMITA',
    sent: 'FACTURA TRIMISA',
    errors: 'ERORI FACTURA',
  };
  return {
    downloadId,
    uploadIndex: `5${downloadId}`,
    cif: CIF,
    createdAt: new Date('2025-02-20T09:00:00Z'),
    type: types[direction],
    direction,
    details: '',
    sellerCif: null,
    buyerCif: null,
    selfBilled: false,
  };
}

async function invoiceMessage(
  downloadId: string,
  direction: 'received' | 'sent',
): Promise<ScriptedMessage> {
  const xml = invoiceXml({
    number: `F-${downloadId}`,
    issueDate: '2025-02-19',
    seller: { cif: '24019370', name: 'Moara Veche SRL' },
    buyer: { cif: CIF, name: 'Carpatica SRL' },
    lines: [{ name: 'Făină', quantity: 1, price: 100, rate: 9 }],
  });
  return {
    listed: listed(downloadId, direction),
    answer: await messageZip(`5${downloadId}`, xml),
  };
}

let fixture: TestArchive;
let queue: RequestQueue;

beforeEach(async () => {
  fixture = await createTestArchive();
  const { logger } = createMemoryLogger();
  queue = new RequestQueue({ logger, rateLimit: 1000 });
});

afterEach(async () => {
  await queue.close({ abortRunning: true });
  fixture.close();
});

function run(
  client: CompanySync['client'],
  onProgress?: (p: SyncProgress) => void,
) {
  const company: CompanySync = { cif: CIF, apiPath: 'test', client };
  const { logger } = createMemoryLogger();
  return syncCompany(
    company,
    { archive: fixture.archive, queue, logger, now: () => NOW },
    onProgress ? { onProgress } : {},
  );
}

/**
 * Wraps a client so that every call makes a second request within the
 * attempt, as the retry after a token refresh does, and reserves it from
 * the queue.
 */
function retrying(client: ScriptedClient): CompanySync['client'] {
  return {
    listMessagePage: async (request, options?: CallOptions) => {
      await options?.reserveCall?.();
      return client.listMessagePage(request);
    },
    download: async (request, options?: CallOptions) => {
      await options?.reserveCall?.();
      return client.download(request);
    },
  };
}

describe('syncCompany', () => {
  it('counts retried calls in the window', async () => {
    const client = new ScriptedClient([
      await invoiceMessage('3001', 'received'),
      await invoiceMessage('3002', 'sent'),
    ]);
    await run(retrying(client));

    // One list page and two downloads, each sent twice.
    expect(queue.totals().callsInWindow).toBe(6);
  });

  it('archives every listed message', async () => {
    const client = new ScriptedClient([
      await invoiceMessage('3001', 'received'),
      await invoiceMessage('3002', 'sent'),
      await invoiceMessage('3003', 'received'),
    ]);
    const outcome = await run(client);

    expect(outcome.progress.listed).toBe(3);
    expect(outcome.progress.downloaded).toBe(3);
    expect(outcome.progress.remaining).toBe(0);
    expect(outcome.progress.error).toBeNull();
    const page = fixture.archive.queryInvoices({ cif: CIF });
    expect(page.rows.map((row) => row.state)).toEqual([
      'downloaded',
      'downloaded',
      'downloaded',
    ]);
  });

  it('records when a sync completed', async () => {
    const client = new ScriptedClient([
      await invoiceMessage('3001', 'received'),
    ]);
    expect(fixture.archive.lastSyncAt(CIF)).toBeNull();
    await run(client);
    expect(fixture.archive.lastSyncAt(CIF)).toBe(NOW.toISOString());
  });

  it('downloads nothing on a second run', async () => {
    const client = new ScriptedClient([
      await invoiceMessage('3001', 'received'),
      await invoiceMessage('3002', 'sent'),
    ]);
    await run(client);
    const second = await run(client);

    expect(client.downloads).toEqual(['3001', '3002']);
    expect(second.progress.downloaded).toBe(0);
    expect(second.progress.alreadyArchived).toBe(2);
  });

  it('marks an expired message and skips it later', async () => {
    const expired = anafFailure(
      'expired',
      'Fisierul nu mai poate fi descarcat pentru ca a trecut perioada de 60 de zile',
    );
    const client = new ScriptedClient([
      { listed: listed('3001', 'received'), answer: expired },
    ]);
    const first = await run(client);
    await run(client);

    expect(first.progress.expired).toBe(1);
    expect(fixture.archive.getRow(CIF, '3001')?.state).toBe('expired');
    expect(client.downloads).toEqual(['3001']);
  });

  it('records a refused download as failed', async () => {
    const refused = anafFailure('notFound', 'Pentru id=3001 nu exista');
    const client = new ScriptedClient([
      { listed: listed('3001', 'received'), answer: refused },
      await invoiceMessage('3002', 'received'),
    ]);
    const outcome = await run(client);

    expect(outcome.progress.failed).toBe(1);
    expect(outcome.progress.downloaded).toBe(1);
    const row = fixture.archive.getRow(CIF, '3001');
    expect(row?.state).toBe('failed');
    expect(row?.failureReason).toBe('Pentru id=3001 nu exista');
  });

  it('records a non-ZIP response as failed', async () => {
    const client = new ScriptedClient([
      { listed: listed('3001', 'received'), answer: Buffer.from('<html>') },
    ]);
    await run(client);
    expect(fixture.archive.getRow(CIF, '3001')?.state).toBe('failed');
  });

  it('stops at a failure every call would meet', async () => {
    const firewall = anafFailure('firewall', 'The request was rejected');
    const client = new ScriptedClient(
      [
        { listed: listed('3001', 'received'), answer: firewall },
        { listed: listed('3002', 'received'), answer: firewall },
        { listed: listed('3003', 'received'), answer: firewall },
      ],
      10,
    );
    const { logger } = createMemoryLogger();
    const outcome = await syncCompany(
      { cif: CIF, apiPath: 'test', client },
      {
        archive: fixture.archive,
        queue,
        logger,
        now: () => NOW,
        downloadConcurrency: 1,
      },
    );

    expect(client.downloads).toEqual(['3001']);
    expect(outcome.progress.error).toMatch(/Downloads stopped/);
    expect(fixture.archive.getRow(CIF, '3001')?.state).toBe('listed');
  });

  it('reports received invoices and rejected uploads', async () => {
    const xml = errorDocumentXml('53002', CIF, ['[BR-CO-15] total']);
    const client = new ScriptedClient([
      await invoiceMessage('3001', 'received'),
      {
        listed: listed('3002', 'errors'),
        answer: await messageZip('53002', xml),
      },
      await invoiceMessage('3003', 'sent'),
    ]);
    const outcome = await run(client);

    expect(outcome.received.map((row) => row.messageId)).toEqual(['3001']);
    expect(outcome.rejected.map((row) => row.messageId)).toEqual(['3002']);
  });

  it('ends with a final progress event', async () => {
    const client = new ScriptedClient([
      await invoiceMessage('3001', 'received'),
    ]);
    const events: SyncProgress[] = [];
    await run(client, (progress) => events.push(progress));

    expect(events[0]?.running).toBe(true);
    expect(events.at(-1)?.running).toBe(false);
    expect(events.at(-1)?.downloaded).toBe(1);
    expect(events.at(-1)?.finishedAt).not.toBeNull();
  });

  it('stops when cancelled', async () => {
    const client = new ScriptedClient([
      await invoiceMessage('3001', 'received'),
    ]);
    const controller = new AbortController();
    controller.abort();
    const company: CompanySync = { cif: CIF, apiPath: 'test', client };
    const { logger } = createMemoryLogger();
    const outcome = await syncCompany(
      company,
      { archive: fixture.archive, queue, logger, now: () => NOW },
      { signal: controller.signal },
    );
    expect(outcome.progress.error).toBe('The sync was cancelled.');
    expect(client.downloads).toEqual([]);
  });
});

describe('syncCompany failure kinds', () => {
  it('keeps a rejected download as a kind', async () => {
    const rejected = anafFailure('notFound', 'Pentru id=3001 nu exista', {
      status: 400,
    });
    const client = new ScriptedClient([
      { listed: listed('3001', 'received'), answer: rejected },
    ]);
    await run(client);

    const row = fixture.archive.getRow(CIF, '3001');
    expect(row?.failureKind).toBe('rejected');
    expect(row?.failureValues?.cause.code).toBe('anaf.notFound');
    expect(row?.failureValues?.cause.details.kind).toBe('notFound');
    expect(row?.failureValues?.cause.message).toBe(row?.failureReason);
  });

  it('keeps an expired download as a kind', async () => {
    const expired = anafFailure('expired', 'a trecut perioada de 60 de zile');
    const client = new ScriptedClient([
      { listed: listed('3001', 'received'), answer: expired },
    ]);
    await run(client);

    expect(fixture.archive.getRow(CIF, '3001')?.failureKind).toBe('expired');
  });

  it('clears the kind once the ZIP is archived', async () => {
    const message = await invoiceMessage('3001', 'received');
    const client = new ScriptedClient([
      {
        listed: message.listed,
        answer: anafFailure('endpointNotFound', 'no such endpoint'),
      },
    ]);
    await run(client);
    expect(fixture.archive.getRow(CIF, '3001')?.failureKind).toBe('retryLater');

    client.messages = [message];
    await run(client);
    const row = fixture.archive.getRow(CIF, '3001');
    expect(row?.state).toBe('downloaded');
    expect(row?.failureKind).toBeUndefined();
  });

  it('names the message that stopped the run', async () => {
    const firewall = anafFailure('firewall', 'The request was rejected');
    const client = new ScriptedClient([
      { listed: listed('3001', 'received'), answer: firewall },
    ]);
    const outcome = await run(client);

    expect(outcome.progress.errorKind).toBe('downloadsStopped');
    expect(outcome.progress.errorValues?.messageId).toBe('3001');
    expect(outcome.progress.errorValues?.cause?.code).toBe('anaf.firewall');
    expect(outcome.progress.error).toBe(
      'Downloads stopped: The request was rejected',
    );
    expect(fixture.archive.getRow(CIF, '3001')?.failureKind).toBe('stoppedRun');
  });

  it('keeps a failed listing as a kind', async () => {
    const client = new ScriptedClient([]);
    client.listMessagePage = async () => {
      throw anafFailure('firewall', 'The request was rejected');
    };
    const outcome = await run(client);

    expect(outcome.progress.errorKind).toBe('listFailed');
    expect(outcome.progress.error).toBe(
      'Listing the messages failed: The request was rejected',
    );
  });

  it('keeps a cancelled run as a kind', async () => {
    const client = new ScriptedClient([
      await invoiceMessage('3001', 'received'),
    ]);
    const controller = new AbortController();
    controller.abort();
    const { logger } = createMemoryLogger();
    const outcome = await syncCompany(
      { cif: CIF, apiPath: 'test', client },
      { archive: fixture.archive, queue, logger, now: () => NOW },
      { signal: controller.signal },
    );

    expect(outcome.progress.errorKind).toBe('cancelled');
    expect(outcome.progress.errorValues).toEqual({});
  });

  it('has no kind after a clean run', async () => {
    const client = new ScriptedClient([
      await invoiceMessage('3001', 'received'),
    ]);
    const outcome = await run(client);

    expect(outcome.progress.errorKind).toBeNull();
    expect(outcome.progress.errorValues).toBeNull();
  });
});
