/** IPC handlers for uploads, over the upload service. */
import type { HandlerTable } from '../../ipc/dispatcher.ts';
import type { UploadService } from '../../upload/index.ts';

export type UploadHandlers = Pick<
  HandlerTable,
  'uploads.check' | 'uploads.submit' | 'uploads.list' | 'uploads.resolveUnknown'
>;

export function createUploadHandlers(uploads: UploadService): UploadHandlers {
  return {
    'uploads.check': ({ cif, files }) => uploads.check(cif, files),
    'uploads.submit': ({ cif, files, acceptWarnings, allowDuplicate, replaces }) =>
      uploads.submit(cif, files, { acceptWarnings, allowDuplicate, ...(replaces ? { replaces } : {}) }),
    'uploads.list': ({ cif, limit }) => uploads.list({ ...(cif ? { cif } : {}), ...(limit ? { limit } : {}) }),
    'uploads.resolveUnknown': ({ uploadId, decision }) => uploads.resolveUnknown(uploadId, decision),
  };
}
