/** Public API of the archive; other modules import from here. */
export {
  Archive,
  DEFAULT_MAX_ATTEMPTS,
  openArchive,
  type ArchiveOptions,
} from './archive.ts';
export { ARCHIVE_MIGRATIONS, ARCHIVE_OWNER } from './schema.ts';
export type {
  ArchivedInvoice,
  ExportSelection,
  SelectionFilter,
} from './export-rows.ts';
export type { IndexedFields, VatRow } from './index-fields.ts';
export type {
  ListedMessageInput,
  ListingOutcome,
  PendingDownload,
} from './message-store.ts';
export type { RecoveryReport } from './recovery.ts';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './query.ts';
export { foldSearchText } from './fold.ts';
export { archiveZipPath, romaniaDate } from './zip-path.ts';
