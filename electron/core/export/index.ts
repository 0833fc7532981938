/** Public API of the exports; other modules import from here. */
export { exportCsv, type CsvExport, type CsvOptions } from './csv.ts';
export {
  bundleFileName,
  bundleQuery,
  writeBundle,
  type BundleRequest,
  type BundleResult,
} from './bundle.ts';
export { renderDocumentPdf } from './invoice-pdf.ts';
export {
  downloadedMessages,
  manyMessagesFileName,
  saveMessageZips,
  writeMessagesZip,
  type ManyMessagesResult,
} from './many-messages.ts';
export {
  invoiceFile,
  saveInvoiceFile,
  type InvoiceFile,
  type InvoiceFileFormat,
} from './invoice-file.ts';
export {
  attachmentPolicy,
  OPENABLE_TYPES,
  saveAttachment,
  type SavedAttachment,
} from './attachments.ts';
export { sanitizeFileName } from './file-names.ts';
