import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ARCHIVE_MIGRATIONS } from '../../../electron/core/archive/index.ts';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { AppFailure } from '../../../shared/result.ts';

import {
  createTestArchive,
  listedMessage,
  type TestArchive,
} from './archive-fixture.ts';
import {
  errorDocumentXml,
  invoiceXml,
  messageZip,
  zipEntries,
  type InvoiceSpec,
} from './invoice-builder.ts';

const CIF = '18654326';

const SPEC: InvoiceSpec = {
  number: 'CD-2025-0007',
  issueDate: '2025-01-14',
  dueDate: '2025-02-13',
  seller: { cif: '24019370', name: 'Moara Veche Panificaţie SRL' },
  buyer: { cif: CIF, name: 'Carpatica Distribuție SRL' },
  lines: [
    { name: 'Pâine albă', quantity: 10, price: 4.5, rate: 9 },
    { name: 'Ambalaje', quantity: 2, price: 25, rate: 19 },
  ],
};

let fixture: TestArchive;

beforeEach(async () => {
  fixture = await createTestArchive();
});

afterEach(() => {
  fixture.close();
});

describe('archive migrations', () => {
  it('creates the archive tables', () => {
    const tables = fixture.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => row.name);
    expect(tables).toContain('archive_messages');
    expect(tables).toContain('archive_vat');
    expect(tables).toContain('archive_meta');
  });

  it('records the applied version once', async () => {
    await fixture.reopen();
    const db = openDatabase(`${fixture.databaseFile}`, ARCHIVE_MIGRATIONS);
    const versions = db
      .prepare("SELECT version FROM schema_migrations WHERE owner = 'archive'")
      .all();
    db.close();
    expect(versions).toEqual([
      { version: 1 },
      { version: 2 },
      { version: 3 },
      { version: 4 },
    ]);
  });
});

describe('archive listing', () => {
  it('adds a listed message before its download', () => {
    const outcome = fixture.archive.recordListed(CIF, [
      listedMessage({ downloadId: '3001' }),
    ]);
    expect(outcome.added).toBe(1);
    const row = fixture.archive.getRow(CIF, '3001');
    expect(row?.state).toBe('listed');
    expect(row?.direction).toBe('received');
    expect(row?.createdAt).toBe('2025-01-15T10:32:00.000Z');
    expect(row?.isNew).toBe(true);
  });

  it('keeps one row when listed twice', () => {
    const message = listedMessage({ downloadId: '3001' });
    fixture.archive.recordListed(CIF, [message]);
    const again = fixture.archive.recordListed(CIF, [message]);
    expect(again.added).toBe(0);
    const count = fixture.db
      .prepare('SELECT count(*) AS count FROM archive_messages')
      .get();
    expect(count?.count).toBe(1);
  });

  it('keys messages by company and download id', () => {
    const message = listedMessage({ downloadId: '3001' });
    fixture.archive.recordListed(CIF, [message]);
    const other = fixture.archive.recordListed('24019370', [message]);
    expect(other.added).toBe(1);
  });

  it('lists pending downloads oldest first', () => {
    fixture.archive.recordListed(CIF, [
      listedMessage({
        downloadId: '3002',
        createdAt: new Date('2025-01-20T08:00:00Z'),
      }),
      listedMessage({
        downloadId: '3001',
        createdAt: new Date('2025-01-10T08:00:00Z'),
      }),
    ]);
    const pending = fixture.archive.pendingDownloads(CIF);
    expect(pending.map((item) => item.messageId)).toEqual(['3001', '3002']);
  });
});

describe('archive downloads', () => {
  it('stores the ZIP unchanged at its path', async () => {
    fixture.archive.recordListed(CIF, [listedMessage({ downloadId: '3001' })]);
    const zip = await messageZip('5003001', invoiceXml(SPEC));
    await fixture.archive.storeDownload(CIF, '3001', zip);

    const file = path.join(fixture.root, CIF, '2025', '01', '3001.zip');
    expect(fs.readFileSync(file).equals(zip)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('leaves no temporary file behind', async () => {
    fixture.archive.recordListed(CIF, [listedMessage({ downloadId: '3001' })]);
    await fixture.archive.storeDownload(
      CIF,
      '3001',
      await messageZip('5003001', invoiceXml(SPEC)),
    );
    const folder = path.join(fixture.root, CIF, '2025', '01');
    expect(fs.readdirSync(folder)).toEqual(['3001.zip']);
  });

  it('indexes the invoice fields', async () => {
    fixture.archive.recordListed(CIF, [listedMessage({ downloadId: '3001' })]);
    const row = await fixture.archive.storeDownload(
      CIF,
      '3001',
      await messageZip('5003001', invoiceXml(SPEC)),
    );
    expect(row?.state).toBe('downloaded');
    expect(row?.partnerCif).toBe('24019370');
    expect(row?.partnerName).toBe('Moara Veche Panificaţie SRL');
    expect(row?.number).toBe('CD-2025-0007');
    expect(row?.issueDate).toBe('2025-01-14');
    expect(row?.dueDate).toBe('2025-02-13');
    expect(row?.currency).toBe('RON');
    expect(row?.net).toBe(95);
    expect(row?.vat).toBe(13.55);
    expect(row?.total).toBe(108.55);
    expect(row?.failureReason).toBeNull();
  });

  it('indexes the VAT breakdown per rate', async () => {
    fixture.archive.recordListed(CIF, [listedMessage({ downloadId: '3001' })]);
    await fixture.archive.storeDownload(
      CIF,
      '3001',
      await messageZip('5003001', invoiceXml(SPEC)),
    );
    const [exported] = [
      ...fixture.archive.selectForExport({ cif: CIF }).rows(),
    ];
    expect(exported?.vat).toEqual([
      { category: 'S', rate: '9', taxableCents: 4500, taxCents: 405 },
      { category: 'S', rate: '19', taxableCents: 5000, taxCents: 950 },
    ]);
  });

  it('picks the buyer as partner of a sent invoice', async () => {
    fixture.archive.recordListed('24019370', [
      listedMessage({
        downloadId: '3001',
        type: 'FACTURA TRIMISA',
        direction: 'sent',
      }),
    ]);
    const row = await fixture.archive.storeDownload(
      '24019370',
      '3001',
      await messageZip('5003001', invoiceXml(SPEC)),
    );
    expect(row?.partnerCif).toBe(CIF);
    expect(row?.partnerName).toBe('Carpatica Distribuție SRL');
  });

  it('indexes a credit note with negative amounts', async () => {
    fixture.archive.recordListed(CIF, [listedMessage({ downloadId: '3001' })]);
    const row = await fixture.archive.storeDownload(
      CIF,
      '3001',
      await messageZip('5003001', invoiceXml({ ...SPEC, creditNote: true })),
    );
    expect(row?.total).toBe(-108.55);
  });

  it('indexes the error count of a rejected upload', async () => {
    fixture.archive.recordListed(CIF, [
      listedMessage({
        downloadId: '3001',
        type: 'ERORI FACTURA',
        direction: 'errors',
      }),
    ]);
    const xml = errorDocumentXml('5003001', CIF, [
      'E: validari globale SCHEMATRON eroare: [BR-RO-110]-Subdiviziunea',
      '[BR-CO-15] total',
    ]);
    const row = await fixture.archive.storeDownload(
      CIF,
      '3001',
      await messageZip('5003001', xml),
    );
    expect(row?.state).toBe('downloaded');
    const stored = fixture.db
      .prepare(
        "SELECT document_kind, error_count FROM archive_messages WHERE message_id = '3001'",
      )
      .get();
    expect(stored).toEqual({ document_kind: 'errors', error_count: 2 });
  });

  it('keeps a ZIP whose invoice cannot be parsed', async () => {
    fixture.archive.recordListed(CIF, [listedMessage({ downloadId: '3001' })]);
    const zip = await messageZip('5003001', '<Invoice>not UBL</Invoice>');
    const row = await fixture.archive.storeDownload(CIF, '3001', zip);

    expect(row?.state).toBe('downloaded');
    expect(row?.failureReason).toMatch(/could not be read/);
    expect(row?.failureKind).toBe('unreadableZip');
    const file = path.join(fixture.root, CIF, '2025', '01', '3001.zip');
    expect(fs.readFileSync(file).equals(zip)).toBe(true);
  });

  it('archives a buyer message without an invoice', async () => {
    fixture.archive.recordListed(CIF, [
      listedMessage({
        downloadId: '3001',
        type: 'MESAJ CUMPARATOR PRIMIT',
        direction: 'buyerMessage',
      }),
    ]);
    const rasp =
      '<header xmlns="mfp:anaf:dgti:spv:reqMesaj:v1" index_incarcare="5003000" message="Cantitate diferita"/>';
    await fixture.archive.storeDownload(
      CIF,
      '3001',
      await messageZip('5003001', rasp),
    );
    const stored = fixture.db
      .prepare(
        "SELECT state, failure_reason FROM archive_messages WHERE message_id = '3001'",
      )
      .get();
    expect(stored).toEqual({ state: 'downloaded', failure_reason: null });
    expect(fixture.archive.getRow(CIF, '3001')).toBeNull();
  });

  it('keeps a ZIP without the ANAF members', async () => {
    fixture.archive.recordListed(CIF, [listedMessage({ downloadId: '3001' })]);
    const zip = await zipEntries([{ name: 'other.txt', data: 'x' }]);
    const row = await fixture.archive.storeDownload(CIF, '3001', zip);
    expect(row?.state).toBe('downloaded');
    expect(row?.failureReason).toMatch(/semnatura|member/);
  });

  it('rejects bytes that are not a ZIP', async () => {
    fixture.archive.recordListed(CIF, [listedMessage({ downloadId: '3001' })]);
    const json = Buffer.from('{"eroare":"x","titlu":"Descarcare mesaj"}');
    const attempt = fixture.archive.storeDownload(CIF, '3001', json);
    await expect(attempt).rejects.toBeInstanceOf(AppFailure);
    expect(fs.existsSync(path.join(fixture.root, CIF))).toBe(false);
    expect(fixture.archive.getRow(CIF, '3001')?.state).toBe('listed');
  });

  it('rejects a download of an unlisted message', async () => {
    const zip = await messageZip('5003001', invoiceXml(SPEC));
    await expect(
      fixture.archive.storeDownload(CIF, '3999', zip),
    ).rejects.toMatchObject({ code: 'archive.notFound' });
  });

  it('never replaces an archived ZIP', async () => {
    fixture.archive.recordListed(CIF, [listedMessage({ downloadId: '3001' })]);
    const first = await messageZip('5003001', invoiceXml(SPEC));
    await fixture.archive.storeDownload(CIF, '3001', first);
    const second = await messageZip(
      '5003001',
      invoiceXml({ ...SPEC, number: 'OTHER' }),
    );
    await fixture.archive.storeDownload(CIF, '3001', second);
    const file = path.join(fixture.root, CIF, '2025', '01', '3001.zip');
    expect(fs.readFileSync(file).equals(first)).toBe(true);
  });
});

describe('archive totals', () => {
  it('updates the totals after a download', async () => {
    fixture.archive.recordListed(CIF, [
      listedMessage({ downloadId: '3001' }),
      listedMessage({ downloadId: '3002' }),
    ]);
    await fixture.archive.storeDownload(
      CIF,
      '3001',
      await messageZip('5003001', invoiceXml(SPEC)),
    );
    const before = fixture.archive.queryInvoices({ cif: CIF });
    expect(before.totals[0]?.total).toBe(108.55);

    await fixture.archive.storeDownload(
      CIF,
      '3002',
      await messageZip('5003002', invoiceXml(SPEC)),
    );
    const after = fixture.archive.queryInvoices({ cif: CIF });
    expect(after.totals[0]?.total).toBe(217.1);
  });
});

describe('archive export selection', () => {
  it('keeps its rows while more are added', async () => {
    fixture.archive.recordListed(CIF, [listedMessage({ downloadId: '3001' })]);
    const selection = fixture.archive.selectForExport({ cif: CIF });
    fixture.archive.recordListed(CIF, [listedMessage({ downloadId: '3002' })]);

    const ids = [...selection.rows()].map((item) => item.row.messageId);
    expect(selection.count).toBe(1);
    expect(ids).toEqual(['3001']);
  });

  it('reads current values of its rows', async () => {
    fixture.archive.recordListed(CIF, [listedMessage({ downloadId: '3001' })]);
    const selection = fixture.archive.selectForExport({ cif: CIF });
    await fixture.archive.storeDownload(
      CIF,
      '3001',
      await messageZip('5003001', invoiceXml(SPEC)),
    );
    const [item] = [...selection.rows()];
    expect(item?.row.state).toBe('downloaded');
  });
});

describe('archive states', () => {
  beforeEach(() => {
    fixture.archive.recordListed(CIF, [listedMessage({ downloadId: '3001' })]);
  });

  it('marks an expired message and skips it', () => {
    fixture.archive.recordFailedDownload(
      CIF,
      '3001',
      'expired',
      'past 60 days',
    );
    expect(fixture.archive.getRow(CIF, '3001')?.state).toBe('expired');
    expect(fixture.archive.pendingDownloads(CIF)).toEqual([]);
  });

  it('retries a failed message up to the limit', () => {
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      fixture.archive.recordFailedDownload(CIF, '3001', 'failed', 'refused');
    }
    expect(fixture.archive.pendingDownloads(CIF, 3)).toHaveLength(1);
    fixture.archive.recordFailedDownload(CIF, '3001', 'failed', 'refused');
    expect(fixture.archive.pendingDownloads(CIF, 3)).toEqual([]);
  });

  it('keeps a transient failure pending', () => {
    fixture.archive.recordFailedDownload(CIF, '3001', 'listed', 'timed out');
    const row = fixture.archive.getRow(CIF, '3001');
    expect(row?.state).toBe('listed');
    expect(row?.failureReason).toBe('timed out');
    expect(fixture.archive.pendingDownloads(CIF)).toHaveLength(1);
  });

  it('does not change a downloaded message', async () => {
    await fixture.archive.storeDownload(
      CIF,
      '3001',
      await messageZip('5003001', invoiceXml(SPEC)),
    );
    fixture.archive.recordFailedDownload(CIF, '3001', 'expired', 'late');
    expect(fixture.archive.getRow(CIF, '3001')?.state).toBe('downloaded');
  });

  it('counts unseen messages until marked seen', () => {
    fixture.archive.recordListed(CIF, [
      listedMessage({
        downloadId: '3002',
        type: 'ERORI FACTURA',
        direction: 'errors',
      }),
    ]);
    expect(fixture.archive.unseenCounts(CIF)).toEqual({
      received: 1,
      rejected: 1,
    });
    fixture.archive.markSeen(CIF);
    expect(fixture.archive.unseenCounts(CIF)).toEqual({
      received: 0,
      rejected: 0,
    });
    expect(fixture.archive.getRow(CIF, '3001')?.isNew).toBe(false);
  });
});
