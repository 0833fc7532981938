/** Public API of the safe ZIP readers; other modules import from here. */
export {
  DEFAULT_ZIP_LIMITS,
  looksLikeZip,
  readZip,
  type ReadZipOptions,
  type ZipContents,
  type ZipEntryInfo,
  type ZipLimits,
  type ZipProblem,
} from './zip-reader.ts';
export { entryNameProblem } from './entry-names.ts';
export { readAnafMessageZip, type AnafMessageZip } from './anaf-message-zip.ts';
