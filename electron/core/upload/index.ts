/** The upload service's public surface; other modules import from here. */
export {
  DEFAULT_UPLOAD_SETTINGS,
  UploadService,
  type UploadListener,
  type UploadServiceOptions,
} from './upload-service.ts';
export { UPLOAD_MIGRATIONS } from './schema.ts';
export { UPLOADS_DIR } from './body-files.ts';
export type {
  ClientFactory,
  CompanyLookup,
  SubmitOptions,
  UnknownDecision,
  UploadCompany,
  UploadListFilter,
  UploadQueue,
  UploadSettings,
} from './types.ts';
export {
  checkCustomization,
  checkFile,
  checkUploadCif,
  CIUS_RO_CUSTOMIZATION_ID,
} from './checks.ts';
export { stoppingProblem } from './submission.ts';
