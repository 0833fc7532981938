/**
 * The ANAF client: one object per account that speaks every endpoint the app
 * uses and returns typed values or throws typed failures (see errors.ts).
 * It sends each call once, apart from the single retry after a rejected
 * token; rate limits, budgets and other retries belong to the request queue.
 */
import type { Logger } from '../log/logger.ts';
import { createCaller, type CallOptions, type TokenSource } from './caller.ts';
import * as efactura from './efactura-calls.ts';
import type { EndpointName } from './endpoints.ts';
import type { AnafEnvironment, ApiPath } from './environment.ts';
import * as etransport from './etransport-calls.ts';
import type { UploadOutcome, UploadStatus } from './parse-efactura.ts';
import type {
  TransportDeclaration,
  TransportStatus,
  TransportUploadOutcome,
} from './parse-etransport.ts';
import type { HelloResult } from './parse-hello.ts';
import type { MessageList, MessagePage } from './parse-lists.ts';
import type {
  PdfResult,
  SignatureCheckResult,
  ValidationResult,
} from './parse-public.ts';
import * as publicCalls from './public-calls.ts';
import type { AnafTransport, EndpointLimits } from './transport.ts';

export interface AnafClientOptions {
  /** The environment's transport, shared by every client of that environment. */
  transport: AnafTransport;
  tokens: TokenSource;
  logger: Logger;
  /** Overrides of the per-endpoint timeouts and size caps. */
  limits?: Partial<Record<EndpointName, Partial<EndpointLimits>>>;
}

export interface AnafClient {
  readonly environment: AnafEnvironment;
  hello(name?: string, options?: CallOptions): Promise<HelloResult>;
  upload(
    request: efactura.UploadRequest,
    options?: CallOptions,
  ): Promise<UploadOutcome>;
  status(
    request: { apiPath: ApiPath; uploadIndex: string },
    options?: CallOptions,
  ): Promise<UploadStatus>;
  listMessages(
    request: efactura.MessageListRequest,
    options?: CallOptions,
  ): Promise<MessageList>;
  listMessagePage(
    request: efactura.MessagePageRequest,
    options?: CallOptions,
  ): Promise<MessagePage>;
  download(
    request: { apiPath: ApiPath; downloadId: string },
    options?: CallOptions,
  ): Promise<Uint8Array>;
  validate(
    request: publicCalls.DocumentRequest,
    options?: CallOptions,
  ): Promise<ValidationResult>;
  convertToPdf(
    request: publicCalls.PdfRequest,
    options?: CallOptions,
  ): Promise<PdfResult>;
  checkSignature(
    request: publicCalls.SignatureCheckRequest,
    options?: CallOptions,
  ): Promise<SignatureCheckResult>;
  transportUpload(
    request: etransport.TransportUploadRequest,
    options?: CallOptions,
  ): Promise<TransportUploadOutcome>;
  transportStatus(
    request: { apiPath: ApiPath; uploadIndex: string },
    options?: CallOptions,
  ): Promise<TransportStatus>;
  transportList(
    request: { apiPath: ApiPath; cif: string; days: number },
    options?: CallOptions,
  ): Promise<TransportDeclaration[]>;
}

export function createAnafClient(options: AnafClientOptions): AnafClient {
  const caller = createCaller({
    transport: options.transport,
    tokens: options.tokens,
    logger: options.logger.child('anaf'),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  return {
    environment: caller.environment,
    hello: (name, callOptions) => publicCalls.hello(caller, name, callOptions),
    upload: (request, callOptions) =>
      efactura.upload(caller, request, callOptions),
    status: (request, callOptions) =>
      efactura.status(caller, request, callOptions),
    listMessages: (request, callOptions) =>
      efactura.listMessages(caller, request, callOptions),
    listMessagePage: (request, callOptions) =>
      efactura.listMessagePage(caller, request, callOptions),
    download: (request, callOptions) =>
      efactura.download(caller, request, callOptions),
    validate: (request, callOptions) =>
      publicCalls.validate(caller, request, callOptions),
    convertToPdf: (request, callOptions) =>
      publicCalls.convertToPdf(caller, request, callOptions),
    checkSignature: (request, callOptions) =>
      publicCalls.checkSignature(caller, request, callOptions),
    transportUpload: (request, callOptions) =>
      etransport.transportUpload(caller, request, callOptions),
    transportStatus: (request, callOptions) =>
      etransport.transportStatus(caller, request, callOptions),
    transportList: (request, callOptions) =>
      etransport.transportList(caller, request, callOptions),
  };
}
