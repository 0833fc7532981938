/**
 * IPC handlers for the archive: search, the readable document, saving a
 * message as ZIP, XML or PDF, attachments, CSV and period bundles. Nothing
 * here calls ANAF: documents come from the stored ZIPs, so opening an
 * invoice again never spends a download.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../../archive/index.ts';
import {
  bundleFileName,
  downloadedMessages,
  exportCsv,
  invoiceFile,
  manyMessagesFileName,
  saveAttachment,
  saveMessageZips,
  writeBundle,
  writeMessagesZip,
  type ManyMessagesResult,
} from '../../export/index.ts';
import { writeFileAtomicAsync } from '../../data/files.ts';
import type { HandlerTable } from '../../ipc/dispatcher.ts';
import type { Logger } from '../../log/logger.ts';
import type { FileDelivery } from '../file-delivery.ts';
import { createErrorRowFiller, type UploadLookup } from './error-rows.ts';

export type InvoiceHandlers = Pick<
  HandlerTable,
  | 'invoices.query'
  | 'invoices.document'
  | 'invoices.buyerMessages'
  | 'invoices.save'
  | 'invoices.openAttachment'
  | 'invoices.exportCsv'
  | 'invoices.saveMany'
  | 'invoices.exportBundle'
>;

export interface InvoiceHandlerOptions {
  archive: Archive;
  /** The destination of saved and exported files: a save dialog, a download or a folder. */
  deliver: FileDelivery;
  /** The folder attachments are saved in before they are opened. */
  attachmentsDir: string;
  /** The uploads this app sent, which fill in the rows of rejected ones. */
  uploads: UploadLookup;
  /** A native folder dialog, where the shell has one; `invoices.saveMany` then saves into a folder. */
  chooseFolder?: (() => Promise<string | null>) | undefined;
  logger: Logger;
}

export function createInvoiceHandlers(
  options: InvoiceHandlerOptions,
): InvoiceHandlers {
  const { archive, deliver, attachmentsDir, chooseFolder } = options;
  const errorRows = createErrorRowFiller(
    archive,
    options.uploads,
    options.logger,
  );

  return {
    'invoices.query': (query) => errorRows.fill(archive.queryInvoices(query)),

    'invoices.document': ({ cif, messageId }) =>
      archive.getDocument(cif, messageId),

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
      const saved = await saveAttachment(
        archive,
        cif,
        messageId,
        attachmentIndex,
        attachmentsDir,
      );
      const delivered = await deliver({
        fileName: saved.fileName,
        mimeType:
          saved.openable && saved.mimeType
            ? saved.mimeType
            : 'application/octet-stream',
        open: saved.openable,
        write: async (target) => {
          if (path.resolve(target) !== path.resolve(saved.path)) {
            await writeFileAtomicAsync(target, await fs.readFile(saved.path));
          }
        },
      });
      return delivered;
    },

    'invoices.exportCsv': async ({ query, perLine, messageIds }) => {
      const csv = await exportCsv(archive, query, {
        perLine,
        ...(messageIds ? { messageIds } : {}),
      });
      const delivered = await deliver({
        fileName: csv.fileName,
        mimeType: 'text/csv',
        write: (target) => writeFileAtomicAsync(target, csv.bytes),
      });
      return { ...delivered, rows: csv.rows };
    },

    'invoices.saveMany': async ({ cif, messageIds }) => {
      // Fails before any dialog or download when none of them is archived.
      downloadedMessages(archive, cif, messageIds);
      if (chooseFolder) {
        const folder = await chooseFolder();
        if (!folder)
          return { savedTo: null, downloadUrl: null, saved: 0, missing: [] };
        const result = await saveMessageZips(archive, cif, messageIds, folder);
        return { savedTo: folder, downloadUrl: null, ...result };
      }
      let result: ManyMessagesResult = { saved: 0, missing: [] };
      const delivered = await deliver({
        fileName: manyMessagesFileName(cif),
        mimeType: 'application/zip',
        write: async (target) => {
          result = await writeMessagesZip(archive, cif, messageIds, target);
        },
      });
      return { ...delivered, ...result };
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
