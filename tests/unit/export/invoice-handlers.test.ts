/**
 * The invoice channels over a real archive, called through the dispatcher
 * as both shells call them: rows of rejected uploads filled in, the CSV of
 * picked messages, and saving several messages' ZIPs.
 */
import fs from 'node:fs';
import path from 'node:path';

import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DeliverableFile } from '../../../electron/core/app/file-delivery.ts';
import type { UploadLookup } from '../../../electron/core/app/handlers/error-rows.ts';
import {
  createInvoiceHandlers,
  type InvoiceHandlerOptions,
} from '../../../electron/core/app/handlers/invoices.ts';
import {
  createDispatcher,
  type HandlerTable,
} from '../../../electron/core/ipc/dispatcher.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import type { UploadRecord } from '../../../shared/domain.ts';
import type {
  InvoiceListPage,
  SavedMessages,
} from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/result.ts';
import {
  createTestArchive,
  listedMessage,
  type TestArchive,
} from '../archive/archive-fixture.ts';
import {
  errorDocumentXml,
  invoiceXml,
  messageZip,
} from '../archive/invoice-builder.ts';

const CIF = '18654326';
/** Another followed company, which lists one of CIF's messages and one of its own. */
const OTHER_CIF = '24019370';
const OTHER_ONLY_ID = '3900009';
const BUYER = { cif: '24019370', name: 'Client Exemplu SRL' };
const context = { shell: 'browser' as const, sender: 'test' };

let fixture: TestArchive;

/** An upload this app sent, rejected with one error, as the upload service lists it. */
const sentUpload: UploadRecord = {
  id: '0b9e4d8e-2f51-4c3a-9d47-6a1c5e2b7f10',
  fileName: 'factura-F100.xml',
  cif: CIF,
  standard: 'UBL',
  sha256: 'aa',
  state: 'rejected',
  uploadIndex: '5300201',
  messageId: '3200201',
  errors: [{ ruleId: 'BR-CO-15', message: '[BR-CO-15] Totalul nu corespunde' }],
  duplicateOf: null,
  replaces: null,
  createdAt: '2025-07-15T10:00:00.000Z',
  updatedAt: '2025-07-15T10:05:00.000Z',
  note: null,
};

const sentFile = invoiceXml({
  number: 'F100',
  issueDate: '2025-07-14',
  seller: { cif: CIF, name: 'Vânzător SRL' },
  buyer: BUYER,
  lines: [{ name: 'Servicii', quantity: 1, price: 100, rate: 19 }],
});

function uploadLookup(uploads: UploadRecord[]): UploadLookup {
  return {
    list: ({ cif }) => uploads.filter((upload) => upload.cif === cif),
    body: (id) =>
      id === sentUpload.id ? new TextEncoder().encode(sentFile) : null,
  };
}

interface Harness {
  call<T>(channel: string, input: unknown): Promise<Result<T>>;
  delivered: DeliverableFile[];
}

function harness(options: Partial<InvoiceHandlerOptions> = {}): Harness {
  const { logger } = createMemoryLogger();
  const delivered: DeliverableFile[] = [];
  const handlers = createInvoiceHandlers({
    archive: fixture.archive,
    attachmentsDir: path.join(fixture.folder, 'attachments'),
    uploads: uploadLookup([sentUpload]),
    deliver: async (file) => {
      delivered.push(file);
      const target = path.join(fixture.folder, 'delivered', file.fileName);
      await file.write(target);
      return { savedTo: null, downloadUrl: `/download/${file.fileName}` };
    },
    logger,
    ...options,
  });
  const dispatch = createDispatcher(handlers as HandlerTable, logger);
  return {
    call: <T>(channel: string, input: unknown) =>
      dispatch(channel, input, context) as Promise<Result<T>>,
    delivered,
  };
}

async function value<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok)
    throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Reads the first file a harness delivered, as text. */
function firstDeliveredText(test: Harness): string {
  const fileName = test.delivered[0]?.fileName ?? '';
  return fs.readFileSync(
    path.join(fixture.folder, 'delivered', fileName),
    'utf8',
  );
}

function zipEntryNames(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names.sort()));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  fixture = await createTestArchive();
  fixture.archive.recordListed(CIF, [
    listedMessage({ downloadId: '3100001', uploadIndex: '5100001' }),
    listedMessage({ downloadId: '3100002', uploadIndex: '5100002' }),
    listedMessage({ downloadId: '3100003', uploadIndex: '5100003' }),
    listedMessage({
      downloadId: '3200201',
      uploadIndex: sentUpload.uploadIndex ?? '',
      type: 'ERORI FACTURA',
      direction: 'errors',
    }),
    listedMessage({
      downloadId: '3200202',
      uploadIndex: '5300202',
      type: 'ERORI FACTURA',
      direction: 'errors',
    }),
  ]);
  fixture.archive.recordListed(OTHER_CIF, [
    listedMessage({ downloadId: '3100001', uploadIndex: '5100001' }),
    listedMessage({ downloadId: OTHER_ONLY_ID, uploadIndex: '5900009' }),
  ]);
  for (const id of ['3100001', '3100002']) {
    await fixture.archive.storeDownload(
      CIF,
      id,
      await messageZip(
        `5${id.slice(1)}`,
        invoiceXml({
          number: `P-${id}`,
          issueDate: '2025-07-01',
          seller: BUYER,
          buyer: { cif: CIF, name: 'Vânzător SRL' },
          lines: [{ name: 'Marfă', quantity: 2, price: 50, rate: 19 }],
        }),
      ),
    );
  }
  await fixture.archive.storeDownload(
    CIF,
    '3200202',
    await messageZip(
      '5300202',
      errorDocumentXml('5300202', CIF, [
        'E: validari globale SCHEMATRON eroare: [BR-RO-110]-Judetul',
        'E: validari globale SCHEMATRON eroare: [BR-CO-10]-Suma liniilor',
      ]),
    ),
  );
});

afterAll(() => {
  fixture.close();
});

describe('invoices.query errors rows', () => {
  async function errorRows(): Promise<InvoiceListPage['rows']> {
    const page = await value(
      harness().call<InvoiceListPage>('invoices.query', {
        cif: CIF,
        direction: 'errors',
      }),
    );
    return page.rows;
  }

  it('fills a rejected upload sent here', async () => {
    const row = (await errorRows()).find(
      (item) => item.messageId === '3200201',
    );
    expect(row?.partnerName).toBe(BUYER.name);
    expect(row?.partnerCif).toBe(BUYER.cif);
    expect(row?.number).toBe('F100');
    expect(row?.issueDate).toBe('2025-07-14');
    expect(row?.uploadIndex).toBe('5300201');
  });

  it('takes errors from the upload', async () => {
    const row = (await errorRows()).find(
      (item) => item.messageId === '3200201',
    );
    expect(row?.errorCount).toBe(1);
    expect(row?.firstError?.ruleId).toBe('BR-CO-15');
  });

  it('reads errors from the document', async () => {
    const row = (await errorRows()).find(
      (item) => item.messageId === '3200202',
    );
    expect(row?.errorCount).toBe(2);
    expect(row?.firstError?.ruleId).toBe('BR-RO-110');
    expect(row?.partnerName).toBeNull();
  });

  it('leaves out the totals when asked', async () => {
    const page = await value(
      harness().call<InvoiceListPage>('invoices.query', {
        cif: CIF,
        direction: 'received',
        withTotals: false,
      }),
    );
    expect(page.rows).toHaveLength(3);
    expect(page).not.toHaveProperty('total');
    expect(page).not.toHaveProperty('totals');
  });

  it('leaves received rows unchanged', async () => {
    const page = await value(
      harness().call<InvoiceListPage>('invoices.query', {
        cif: CIF,
        direction: 'received',
      }),
    );
    const row = page.rows.find((item) => item.messageId === '3100001');
    expect(row?.number).toBe('P-3100001');
    expect(row).not.toHaveProperty('errorCount');
  });
});

describe('invoices.exportCsv with messageIds', () => {
  it('exports only the picked rows', async () => {
    const test = harness();
    const answer = await value(
      test.call<{ rows: number }>('invoices.exportCsv', {
        query: { cif: CIF },
        perLine: false,
        messageIds: ['3100002', '3200202'],
      }),
    );
    expect(answer.rows).toBe(2);
    const text = firstDeliveredText(test);
    expect(text).toContain('P-3100002');
    expect(text).not.toContain('P-3100001');
  });

  it("leaves out another company's rows", async () => {
    const test = harness();
    const answer = await value(
      test.call<{ rows: number }>('invoices.exportCsv', {
        query: { cif: CIF },
        perLine: false,
        messageIds: ['3100001', OTHER_ONLY_ID],
      }),
    );
    expect(answer.rows).toBe(1);
    const text = firstDeliveredText(test);
    expect(text).toContain('P-3100001');
    expect(text).not.toContain(OTHER_ONLY_ID);
  });

  it("keeps only rows of the query's filter", async () => {
    const answer = await value(
      harness().call<{ rows: number }>('invoices.exportCsv', {
        query: { cif: CIF, direction: 'received' },
        perLine: false,
        messageIds: ['3100002', '3200202'],
      }),
    );
    expect(answer.rows).toBe(1);
  });

  it('rejects ids that are not digits', async () => {
    const result = await harness().call('invoices.exportCsv', {
      query: { cif: CIF },
      perLine: false,
      messageIds: ['../3100001'],
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('input.invalid');
  });

  it('rejects an empty list', async () => {
    const result = await harness().call('invoices.exportCsv', {
      query: { cif: CIF },
      perLine: false,
      messageIds: [],
    });
    expect(result.ok ? null : result.error.code).toBe('input.invalid');
  });
});

describe('invoices.saveMany', () => {
  const picked = ['3100001', '3100002', '3100003'];

  it('saves each ZIP into the chosen folder', async () => {
    const folder = path.join(fixture.folder, 'chosen');
    const answer = await value(
      harness({ chooseFolder: async () => folder }).call<SavedMessages>(
        'invoices.saveMany',
        { cif: CIF, messageIds: picked },
      ),
    );
    expect(answer.savedTo).toBe(folder);
    expect(answer.saved).toBe(2);
    expect(answer.missing).toEqual(['3100003']);
    expect(fs.readdirSync(folder).sort()).toEqual([
      'P-3100001_3100001.zip',
      'P-3100002_3100002.zip',
    ]);
  });

  it('writes the stored ZIP unchanged', async () => {
    const folder = path.join(fixture.folder, 'unchanged');
    await value(
      harness({ chooseFolder: async () => folder }).call<SavedMessages>(
        'invoices.saveMany',
        { cif: CIF, messageIds: ['3100001'] },
      ),
    );
    const saved = fs.readFileSync(path.join(folder, 'P-3100001_3100001.zip'));
    const stored = await fixture.archive.readStoredZip(CIF, '3100001');
    expect(saved.equals(Buffer.from(stored))).toBe(true);
  });

  it('saves nothing when the dialog is cancelled', async () => {
    const test = harness({ chooseFolder: async () => null });
    const answer = await value(
      test.call<SavedMessages>('invoices.saveMany', {
        cif: CIF,
        messageIds: picked,
      }),
    );
    expect(answer).toEqual({
      savedTo: null,
      downloadUrl: null,
      saved: 0,
      missing: [],
    });
    expect(test.delivered).toHaveLength(0);
  });

  it('delivers one ZIP without a folder dialog', async () => {
    const test = harness();
    const answer = await value(
      test.call<SavedMessages>('invoices.saveMany', {
        cif: CIF,
        messageIds: picked,
      }),
    );
    const file = test.delivered[0];
    expect(test.delivered).toHaveLength(1);
    expect(file?.mimeType).toBe('application/zip');
    expect(answer.downloadUrl).toBe(`/download/${file?.fileName}`);
    expect(answer.saved).toBe(2);
    const names = await zipEntryNames(
      path.join(fixture.folder, 'delivered', file?.fileName ?? ''),
    );
    expect(names).toEqual(['P-3100001_3100001.zip', 'P-3100002_3100002.zip']);
  });

  it("counts another company's id as missing", async () => {
    const folder = path.join(fixture.folder, 'other-company');
    const answer = await value(
      harness({ chooseFolder: async () => folder }).call<SavedMessages>(
        'invoices.saveMany',
        { cif: CIF, messageIds: ['3100001', OTHER_ONLY_ID] },
      ),
    );
    expect(answer.saved).toBe(1);
    expect(answer.missing).toEqual([OTHER_ONLY_ID]);
  });

  it('fails when none is archived', async () => {
    const test = harness();
    const result = await test.call('invoices.saveMany', {
      cif: CIF,
      messageIds: ['3100003', '3999999'],
    });
    expect(result.ok ? null : result.error.code).toBe('archive.notFound');
    expect(test.delivered).toHaveLength(0);
  });

  it('rejects more ids than allowed', async () => {
    const messageIds = Array.from({ length: 5001 }, (_, index) =>
      String(index + 1),
    );
    const result = await harness().call('invoices.saveMany', {
      cif: CIF,
      messageIds,
    });
    expect(result.ok ? null : result.error.code).toBe('input.invalid');
  });
});
