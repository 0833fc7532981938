/**
 * The archive's documents and exports on the ZIPs the sandbox really
 * serves (UBL invoices, credit notes and CII, in RON and other currencies,
 * some with embedded PDFs), signed in both of ANAF's signature shapes.
 */
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { InvoiceRow } from '../../../shared/domain.ts';
import {
  exportCsv,
  renderDocumentPdf,
  saveAttachment,
} from '../../../electron/core/export/index.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { RequestQueue } from '../../../electron/core/queue/index.ts';
import { syncCompany } from '../../../electron/core/sync/index.ts';
import { startSyncSandbox, type SyncSandbox } from '../sync/sandbox-sync.ts';
import {
  createTestArchive,
  type TestArchive,
} from '../../unit/archive/archive-fixture.ts';

let harness: SyncSandbox;
let queue: RequestQueue;
const archives: TestArchive[] = [];

beforeAll(async () => {
  const { logger } = createMemoryLogger();
  harness = await startSyncSandbox(
    { seed: 'archive-documents', seedMessages: 120 },
    logger,
  );
  queue = new RequestQueue({ logger, rateLimit: 1000 });
}, 60_000);

afterAll(async () => {
  await queue?.close({ abortRunning: true });
  await harness?.close();
  for (const archive of archives) archive.close();
});

async function syncedArchive(): Promise<{
  fixture: TestArchive;
  rows: InvoiceRow[];
}> {
  const fixture = await createTestArchive();
  archives.push(fixture);
  const { logger } = createMemoryLogger();
  const outcome = await syncCompany(
    { cif: harness.cif, apiPath: 'test', client: harness.client },
    {
      archive: fixture.archive,
      queue,
      logger,
      now: () => harness.sandbox.now(),
    },
  );
  expect(outcome.progress.error).toBeNull();
  const rows = fixture.archive.queryInvoices({
    cif: harness.cif,
    limit: 5000,
  }).rows;
  return { fixture, rows };
}

describe.each(['detached', 'enveloped'] as const)(
  'documents with %s signatures',
  (shape) => {
    let fixture: TestArchive;
    let rows: InvoiceRow[];

    beforeAll(async () => {
      await harness.admin('PATCH', '/settings', { signatureShape: shape });
      ({ fixture, rows } = await syncedArchive());
    }, 60_000);

    it('reads every invoice with its signer', async () => {
      expect(rows.length).toBeGreaterThan(10);
      for (const row of rows) {
        const document = await fixture.archive.getDocument(
          row.cif,
          row.messageId,
        );
        expect(document.problem, row.messageId).toBeNull();
        expect(document.invoice?.number, row.messageId).toBe(row.number);
        expect(document.signature?.shape).toBe(shape);
      }
    });

    it('checks the detached digest against the file', async () => {
      const row = rows[0] as InvoiceRow;
      const document = await fixture.archive.getDocument(
        row.cif,
        row.messageId,
      );
      expect(document.signature?.digestMatches).toBe(
        shape === 'detached' ? true : null,
      );
    });
  },
);

describe('exports of sandbox invoices', () => {
  let fixture: TestArchive;
  let rows: InvoiceRow[];

  beforeAll(async () => {
    ({ fixture, rows } = await syncedArchive());
  }, 60_000);

  it('renders a PDF of every kind of invoice', async () => {
    const kinds = new Map<string, InvoiceRow>();
    for (const row of rows) {
      const document = await fixture.archive.getDocument(
        row.cif,
        row.messageId,
      );
      const invoice = document.invoice;
      if (!invoice) continue;
      kinds.set(
        `${invoice.syntax}-${invoice.rootKind}-${invoice.currency}`,
        row,
      );
    }
    expect(kinds.size).toBeGreaterThanOrEqual(3);
    for (const row of kinds.values()) {
      const document = await fixture.archive.getDocument(
        row.cif,
        row.messageId,
      );
      const pdf = await renderDocumentPdf(document);
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    }
  });

  it('opens the embedded PDF attachments', async () => {
    let opened = 0;
    for (const row of rows) {
      const document = await fixture.archive.getDocument(
        row.cif,
        row.messageId,
      );
      const attachment = document.invoice?.attachments[0];
      if (!attachment || attachment.size === null) continue;
      const saved = await saveAttachment(
        fixture.archive,
        row.cif,
        row.messageId,
        attachment.index,
        path.join(fixture.folder, 'attachments'),
      );
      expect(saved.openable, saved.fileName).toBe(true);
      opened += 1;
    }
    expect(opened).toBeGreaterThan(0);
  });

  it('exports every invoice and line to CSV', async () => {
    const perInvoice = await exportCsv(fixture.archive, { cif: harness.cif });
    expect(perInvoice.rows).toBe(rows.length);
    const perLine = await exportCsv(
      fixture.archive,
      { cif: harness.cif },
      { perLine: true },
    );
    expect(perLine.rows).toBeGreaterThan(rows.length);
  });
});
