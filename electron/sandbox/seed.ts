// Seeded history: invoices between registry companies over the last 60
// days, recorded as if they had been uploaded and accepted, so that lists,
// downloads and the app's archive have something realistic to show.
import { createHash } from 'node:crypto';
import type { Sandbox } from './context.ts';
import { checkStructure, generateSeedInvoices } from './documents/index.ts';
import { addInvoiceMessages } from './processing.ts';
import type { UploadRecord } from './records.ts';

export function seedInvoices(
  sandbox: Sandbox,
  seed: string,
  count: number,
  now: Date,
): number {
  const invoices = generateSeedInvoices({
    seed,
    count,
    companies: sandbox.registry.list(),
    now,
  }).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  let recorded = 0;
  for (const invoice of invoices) {
    const structure = checkStructure(invoice.body, invoice.standard);
    if (!structure.ok) {
      sandbox.logger.warn('seeded invoice skipped', {
        seller: invoice.sellerCif,
        reason: structure.message,
      });
      continue;
    }
    const at = invoice.createdAt.getTime();
    const upload: UploadRecord = {
      index: sandbox.store.newUploadIndex(),
      source: 'seed',
      standard: invoice.standard,
      cif: invoice.sellerCif,
      extern: false,
      autofactura: false,
      executare: false,
      sha256: createHash('sha256').update(invoice.body).digest('hex'),
      size: invoice.body.length,
      uploadedAt: at,
      readyAt: at,
      serial: null,
      state: 'ok',
      facts: structure.facts,
      rasp: null,
      errors: [],
      downloadId: null,
    };
    sandbox.store.addUpload(upload, invoice.body);
    upload.downloadId = addInvoiceMessages(sandbox, upload);
    recorded += 1;
  }
  sandbox.store.markSeeded();
  return recorded;
}
