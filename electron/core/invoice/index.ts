/** Public API of the invoice readers; other modules import from here. */
export {
  detectDocument,
  parseInvoice,
  UPLOAD_MAX_BYTES,
  ZIP_DOCUMENT_MAX_BYTES,
  type ParseInvoiceOptions,
  type ParseOptions,
} from './parse-invoice.ts';
export { extractAttachment, type AttachmentContent } from './attachments.ts';
export { extractRuleId, readAnafErrorDocument } from './anaf-errors.ts';
export {
  readBuyerMessage,
  type BuyerMessageDocument,
} from './buyer-message.ts';
export {
  readSignature,
  verifyDetachedDigest,
  type DigestCheck,
} from './signature.ts';
export {
  readAnafMessage,
  type AnafMessage,
  type AnafMessageContent,
} from './anaf-message.ts';
export type { DocumentProblem } from './failure.ts';
