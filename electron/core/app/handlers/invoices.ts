/**
 * IPC handlers for the archive: search, the readable document, saving a
 * message as ZIP, XML or PDF, attachments, CSV and period bundles. Nothing
 * here calls ANAF: documents come from the stored ZIPs, so opening an
 * invoice again never spends a download.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../../archive/index.ts';
import { exportCsv, invoiceFile, saveAttachment, writeBundle, bundleFileName } from '../../export/index.ts';
import { writeFileAtomicAsync } from '../../data/files.ts';
import type { HandlerTable } from '../../ipc/dispatcher.ts';
import type { FileDelivery } from '../file-delivery.ts';

export type InvoiceHandlers = Pick<
  HandlerTable,
  | 'invoices.query'
  | 'invoices.document'
  | 'invoices.buyerMessages'
  | 'invoices.save'
  | 'invoices.openAttachment'
  | 'invoices.exportCsv'
  | 'invoices.exportBundle'
>;

export function createInvoiceHandlers(archive: Archive, deliver: FileDelivery, attachmentsDir: string): InvoiceHandlers {
  return {
    'invoices.query': (query) => archive.queryInvoices(query),

    'invoices.document': ({ cif, messageId }) => archive.getDocument(cif, messageId),

    'invoices.buyerMessages': (query) => archive.buyerMessages(query),

    'invoices.save': async ({ cif, messageId, format }) => {
      const file = await invoiceFile(archive, cif, messageId, format);
      return deliver({
        fileName: file.fileName,
        mimeType: file.mimeType,
        write: (target) => writeFileAtomicAsync(target, file.bytes),
      });
    },

    'invoices.openAttachment': async ({ cif, messageId, attachmentIndex }) => {
      const saved = await saveAttachment(archive, cif, messageId, attachmentIndex, attachmentsDir);
      const delivered = await deliver({
        fileName: saved.fileName,
        mimeType: saved.openable && saved.mimeType ? saved.mimeType : 'application/octet-stream',
        open: saved.openable,
        write: async (target) => {
          if (path.resolve(target) !== path.resolve(saved.path)) {
            await writeFileAtomicAsync(target, await fs.readFile(saved.path));
          }
        },
      });
      return delivered;
    },

    'invoices.exportCsv': async ({ query, perLine }) => {
      const csv = await exportCsv(archive, query, { perLine });
      const delivered = await deliver({
        fileName: csv.fileName,
        mimeType: 'text/csv',
        write: (target) => writeFileAtomicAsync(target, csv.bytes),
      });
      return { ...delivered, rows: csv.rows };
    },

    'invoices.exportBundle': async ({ cif, dateFrom, dateTo }) => {
      const request = { cif, dateFrom, dateTo };
      let messages = 0;
      const delivered = await deliver({
        fileName: bundleFileName(request),
        mimeType: 'application/zip',
        write: async (target) => {
          messages = (await writeBundle(archive, request, target)).messages;
        },
      });
      return { ...delivered, messages };
    },
  };
}
