/**
 * Buyer messages in the archive: read from their ZIPs, linked to the
 * invoice whose upload index they carry, listed per company and per
 * invoice, and read again after an upgrade from an archive that stored
 * them without reading them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  ARCHIVE_MIGRATIONS,
  archiveZipPath,
  openArchive,
} from '../../../electron/core/archive/index.ts';
import { buyerMessageDirection } from '../../../electron/core/archive/buyer-messages.ts';
import { buildBuyerMessage } from '../../../electron/core/anaf/buyer-message.ts';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';

import {
  createTestArchive,
  listedMessage,
  type TestArchive,
} from './archive-fixture.ts';
import { messageZip } from './invoice-builder.ts';

/** The buyer of the shared fixture `anaf_invoice_example.xml`. */
const CIF = '987456123';
const INVOICE_INDEX = '5004000';
const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../../../shared/fixtures/invoices/cius-ro/anaf_invoice_example.xml',
);

let fixture: TestArchive;

beforeEach(async () => {
  fixture = await createTestArchive();
});

afterEach(() => {
  fixture.close();
});

async function archiveInvoice(): Promise<void> {
  fixture.archive.recordListed(CIF, [
    listedMessage({
      downloadId: '4000',
      uploadIndex: INVOICE_INDEX,
      createdAt: new Date('2025-01-10T09:00:00Z'),
    }),
  ]);
  const xml = fs.readFileSync(FIXTURE, 'utf8');
  await fixture.archive.storeDownload(
    CIF,
    '4000',
    await messageZip(INVOICE_INDEX, xml),
  );
}

interface MessageSpec {
  downloadId: string;
  createdAt: string;
  text?: string;
  invoiceIndex?: string;
  type?: string;
  download?: boolean;
}

async function archiveBuyerMessage(spec: MessageSpec): Promise<void> {
  const uploadIndex = `60${spec.downloadId}`;
  fixture.archive.recordListed(CIF, [
    listedMessage({
      downloadId: spec.downloadId,
      uploadIndex,
      createdAt: new Date(spec.createdAt),
      type: spec.type ?? 'MESAJ CUMPARATOR TRANSMIS',
      direction: 'buyerMessage',
      details: `Mesaj cumparator cu id_incarcare=${uploadIndex}`,
    }),
  ]);
  if (spec.download === false) return;
  const document = buildBuyerMessage(
    spec.invoiceIndex ?? INVOICE_INDEX,
    spec.text ?? 'Cantitatea livrată diferă',
  );
  await fixture.archive.storeDownload(
    CIF,
    spec.downloadId,
    await messageZip(uploadIndex, Buffer.from(document).toString('utf8')),
  );
}

describe('buyer messages of an invoice', () => {
  it('links a message to its invoice', async () => {
    await archiveInvoice();
    await archiveBuyerMessage({
      downloadId: '4101',
      createdAt: '2025-01-12T08:00:00Z',
      text: 'Vă rugăm emiteți o factură de stornare pentru poziția 2.',
    });

    const page = fixture.archive.buyerMessages({
      cif: CIF,
      invoiceUploadIndex: INVOICE_INDEX,
    });
    expect(page.total).toBe(1);
    const [message] = page.messages;
    expect(message?.messageId).toBe('4101');
    expect(message?.text).toBe(
      'Vă rugăm emiteți o factură de stornare pentru poziția 2.',
    );
    expect(message?.invoiceUploadIndex).toBe(INVOICE_INDEX);
    expect(message?.invoice).toEqual({
      messageId: '4000',
      direction: 'received',
      number: '6422451356',
      partnerName: 'Seller SRL',
    });
    expect(message?.direction).toBe('sent');
    expect(message?.state).toBe('downloaded');
  });

  it('lists an invoice conversation oldest first', async () => {
    await archiveInvoice();
    await archiveBuyerMessage({
      downloadId: '4102',
      createdAt: '2025-01-13T08:00:00Z',
    });
    await archiveBuyerMessage({
      downloadId: '4101',
      createdAt: '2025-01-12T08:00:00Z',
    });
    await archiveBuyerMessage({
      downloadId: '4103',
      createdAt: '2025-01-14T08:00:00Z',
      invoiceIndex: '5009999',
    });

    const page = fixture.archive.buyerMessages({
      cif: CIF,
      invoiceUploadIndex: INVOICE_INDEX,
    });
    expect(page.messages.map((message) => message.messageId)).toEqual([
      '4101',
      '4102',
    ]);
    expect(page.total).toBe(2);
  });

  it('keeps a message whose invoice is not archived', async () => {
    await archiveBuyerMessage({
      downloadId: '4101',
      createdAt: '2025-01-12T08:00:00Z',
      invoiceIndex: '5009999',
    });
    const [message] = fixture.archive.buyerMessages({ cif: CIF }).messages;
    expect(message?.invoiceUploadIndex).toBe('5009999');
    expect(message?.invoice).toBeNull();
  });

  it('ignores another company', async () => {
    await archiveInvoice();
    await archiveBuyerMessage({
      downloadId: '4101',
      createdAt: '2025-01-12T08:00:00Z',
    });
    const page = fixture.archive.buyerMessages({
      cif: '18654326',
      invoiceUploadIndex: INVOICE_INDEX,
    });
    expect(page.total).toBe(0);
    expect(page.messages).toEqual([]);
  });
});

describe('buyer messages of a company', () => {
  it('lists newest first in pages', async () => {
    for (const [downloadId, day] of [
      ['4101', '11'],
      ['4102', '13'],
      ['4103', '12'],
    ] as const) {
      await archiveBuyerMessage({
        downloadId,
        createdAt: `2025-01-${day}T08:00:00Z`,
      });
    }

    const first = fixture.archive.buyerMessages({ cif: CIF, limit: 2 });
    expect(first.total).toBe(3);
    expect(first.messages.map((message) => message.messageId)).toEqual([
      '4102',
      '4103',
    ]);
    const second = fixture.archive.buyerMessages({
      cif: CIF,
      limit: 2,
      offset: 2,
    });
    expect(second.messages.map((message) => message.messageId)).toEqual([
      '4101',
    ]);
  });

  it('lists a message before its download', async () => {
    await archiveBuyerMessage({
      downloadId: '4101',
      createdAt: '2025-01-12T08:00:00Z',
      download: false,
    });
    const [message] = fixture.archive.buyerMessages({ cif: CIF }).messages;
    expect(message?.state).toBe('listed');
    expect(message?.text).toBeNull();
    expect(message?.invoiceUploadIndex).toBeNull();
  });

  it('keeps the problem of an unreadable document', async () => {
    fixture.archive.recordListed(CIF, [
      listedMessage({
        downloadId: '4101',
        type: 'MESAJ CUMPARATOR PRIMIT',
        direction: 'buyerMessage',
      }),
    ]);
    await fixture.archive.storeDownload(
      CIF,
      '4101',
      await messageZip('604101', '<Invoice/>'),
    );
    const [message] = fixture.archive.buyerMessages({ cif: CIF }).messages;
    expect(message?.state).toBe('downloaded');
    expect(message?.text).toBeNull();
    expect(message?.failureReason).toMatch(/not a buyer message/);
  });

  it('leaves buyer messages out of invoice searches', async () => {
    await archiveInvoice();
    await archiveBuyerMessage({
      downloadId: '4101',
      createdAt: '2025-01-12T08:00:00Z',
    });
    const page = fixture.archive.queryInvoices({ cif: CIF });
    expect(page.rows.map((row) => row.messageId)).toEqual(['4000']);
    expect(page.total).toBe(1);
  });
});

describe('buyer messages archived unread', () => {
  it('reads them at the next start', async () => {
    await archiveInvoice();
    await archiveBuyerMessage({
      downloadId: '4101',
      createdAt: '2025-01-12T08:00:00Z',
      text: 'Mulțumim',
    });
    // The state an archive left before it read buyer messages.
    fixture.db.exec(
      `UPDATE archive_messages SET document_kind = NULL,
         referenced_index = NULL, message_text = NULL
       WHERE message_id = '4101'`,
    );

    const archive = await fixture.reopen();
    expect(archive.lastRecovery?.buyerMessagesRead).toBe(1);
    const [message] = archive.buyerMessages({ cif: CIF }).messages;
    expect(message?.text).toBe('Mulțumim');
    expect(message?.invoice?.messageId).toBe('4000');
  });

  it('reads each only once', async () => {
    await archiveBuyerMessage({
      downloadId: '4101',
      createdAt: '2025-01-12T08:00:00Z',
    });
    await fixture.reopen();
    const archive = await fixture.reopen();
    expect(archive.lastRecovery?.buyerMessagesRead).toBe(0);
  });
});

describe('archive schema upgrade', () => {
  it('reads buyer messages of a version 1 archive', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-rasp-'));
    const file = path.join(folder, 'index.sqlite');
    const root = path.join(folder, 'archive');
    const createdAt = new Date('2025-01-12T08:00:00Z');
    const zipPath = archiveZipPath(CIF, '4101', createdAt);
    try {
      const before = openDatabase(file, ARCHIVE_MIGRATIONS.slice(0, 1));
      before
        .prepare(
          `INSERT INTO archive_messages (cif, message_id, upload_index,
             message_type, direction, details, created_at, zip_path, state,
             listed_at, doc_date)
           VALUES (?, '4101', '604101', 'MESAJ CUMPARATOR PRIMIT',
             'buyerMessage', '', ?, ?, 'downloaded', ?, '2025-01-12')`,
        )
        .run(CIF, createdAt.toISOString(), zipPath, createdAt.toISOString());
      before.close();
      const document = buildBuyerMessage(INVOICE_INDEX, 'Plata întârzie');
      const zip = await messageZip(
        '604101',
        Buffer.from(document).toString('utf8'),
      );
      fs.mkdirSync(path.dirname(path.join(root, zipPath)), { recursive: true });
      fs.writeFileSync(path.join(root, zipPath), zip);

      const db = openDatabase(file, ARCHIVE_MIGRATIONS);
      const { logger } = createMemoryLogger();
      const archive = await openArchive({ db, defaultRoot: root, logger });
      const [message] = archive.buyerMessages({ cif: CIF }).messages;
      db.close();
      expect(message?.text).toBe('Plata întârzie');
      expect(message?.invoiceUploadIndex).toBe(INVOICE_INDEX);
      expect(message?.direction).toBe('received');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('buyerMessageDirection', () => {
  it.each([
    ['MESAJ CUMPARATOR PRIMIT', 'received'],
    ['MESAJ CUMPARATOR TRANSMIS', 'sent'],
    ['MESAJ CUMPARATOR PRIMIT / MESAJ CUMPARATOR TRANSMIS', null],
    ['MESAJ CUMPARATOR', null],
  ])('%s', (type, direction) => {
    expect(buyerMessageDirection(type)).toBe(direction);
  });
});
