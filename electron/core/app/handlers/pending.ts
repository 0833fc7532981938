/**
 * Handlers for channels whose services are not wired into this build yet.
 * Each answers with a clear error instead of failing silently.
 */
import { AppFailure } from '../../../../shared/result.ts';
import type { HandlerTable } from '../../ipc/dispatcher.ts';

export type ArchiveHandlers = Pick<
  HandlerTable,
  | 'invoices.query'
  | 'invoices.document'
  | 'invoices.save'
  | 'invoices.openAttachment'
  | 'invoices.exportCsv'
  | 'invoices.exportBundle'
  | 'sync.run'
  | 'sync.status'
>;

export type UploadHandlers = Pick<
  HandlerTable,
  'uploads.check' | 'uploads.submit' | 'uploads.list' | 'uploads.resolveUnknown'
>;

function unavailable(what: string): () => never {
  return () => {
    throw new AppFailure('internal', `${what} is not available in this build yet.`);
  };
}

// TODO: replace with the archive and upload services once they are wired.
export const PENDING_ARCHIVE_HANDLERS: ArchiveHandlers = {
  'invoices.query': unavailable('The invoice archive'),
  'invoices.document': unavailable('The invoice archive'),
  'invoices.save': unavailable('Saving invoices'),
  'invoices.openAttachment': unavailable('Opening attachments'),
  'invoices.exportCsv': unavailable('CSV export'),
  'invoices.exportBundle': unavailable('ZIP export'),
  'sync.run': unavailable('Sync'),
  'sync.status': () => [],
};

export const PENDING_UPLOAD_HANDLERS: UploadHandlers = {
  'uploads.check': unavailable('Uploading'),
  'uploads.submit': unavailable('Uploading'),
  'uploads.list': () => [],
  'uploads.resolveUnknown': unavailable('Uploading'),
};
