// The ANAF client's public surface. Other modules import from here.
export { createAnafClient } from './client.ts';
export type { AnafClient, AnafClientOptions } from './client.ts';
export type { CallOptions, TokenSource } from './caller.ts';
export { createTransport } from './transport.ts';
export type {
  AnafTransport,
  ClientCertificate,
  EndpointLimits,
  TransportOptions,
} from './transport.ts';
export {
  ANAF_ENVIRONMENT,
  API_PATHS,
  environmentOrigins,
  sandboxEnvironment,
} from './environment.ts';
export type {
  AnafEnvironment,
  ApiPath,
  EnvironmentKind,
  SandboxLocation,
} from './environment.ts';
export { ENDPOINTS, isIdempotent } from './endpoints.ts';
export type { EndpointName, EndpointSpec } from './endpoints.ts';
export {
  anafFailure,
  anafFailureDetails,
  failureKindSpec,
  isRetryableFailure,
} from './errors.ts';
export type {
  AnafFailureDetails,
  AnafFailureKind,
  Delivery,
} from './errors.ts';
export { requireValidCif } from './cif.ts';
export { classifyAnafMessage } from './anaf-messages.ts';
export type { AnafMessageClass } from './anaf-messages.ts';
export { MAX_UPLOAD_BYTES } from './efactura-calls.ts';
export type {
  MessageFilter,
  MessageListRequest,
  MessagePageRequest,
  UploadRequest,
  UploadStandard,
} from './efactura-calls.ts';
export type { UploadOutcome, UploadStatus } from './parse-efactura.ts';
export type { ListedMessage, MessageList, MessagePage } from './parse-lists.ts';
export type { MessageDirection } from './message-details.ts';
export { parseMessageDetails, messageDirection } from './message-details.ts';
export type {
  DocumentRequest,
  DocumentStandard,
  PdfRequest,
  SignatureCheckRequest,
} from './public-calls.ts';
export type {
  PdfResult,
  SignatureCheckResult,
  ValidationResult,
} from './parse-public.ts';
export type { HelloResult } from './parse-hello.ts';
export type { TransportUploadRequest } from './etransport-calls.ts';
export type {
  TransportDeclaration,
  TransportStatus,
  TransportUploadOutcome,
} from './parse-etransport.ts';
export {
  END_MARGIN_MS,
  listWindow,
  RETENTION_DAYS,
  START_MARGIN_MS,
  walkMessagePages,
} from './list-window.ts';
export type { ListWindow, PageFetcher, WalkOptions } from './list-window.ts';
export { parseErrorDocument, ERROR_DOCUMENT_NS } from './error-document.ts';
export type { InvoiceErrorDocument } from './error-document.ts';
export { buildBuyerMessage } from './buyer-message.ts';
export { parseCompactTime, parseDottedTime } from '../time/romania-time.ts';
