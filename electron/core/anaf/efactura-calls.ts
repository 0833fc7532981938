/**
 * The e-Factura calls on api.anaf.ro: `/{test|prod}/FCTEL/rest/...`. Each
 * checks its parameters before sending (CIF check digit, numeric ids,
 * ranges), so that no user text reaches a URL unchecked.
 */
import { requireValidCif } from './cif.ts';
import {
  runCall,
  serviceUrl,
  type Caller,
  type CallOptions,
  type CallSpec,
} from './caller.ts';
import type { ApiPath } from './environment.ts';
import { invalidInput } from './errors.ts';
import { requireNumericId } from './ids.ts';
import type { ListWindow } from './list-window.ts';
import {
  parseDownloadResponse,
  parseStatusResponse,
  parseUploadResponse,
  type UploadOutcome,
  type UploadStatus,
} from './parse-efactura.ts';
import {
  parseMessageListResponse,
  parseMessagePageResponse,
  type MessageList,
  type MessagePage,
} from './parse-lists.ts';

export type UploadStandard = 'UBL' | 'CN' | 'CII' | 'RASP';
const UPLOAD_STANDARDS: readonly UploadStandard[] = [
  'UBL',
  'CN',
  'CII',
  'RASP',
];

/** `filtru`: E errors, T sent, P received, R buyer messages. */
export type MessageFilter = 'E' | 'T' | 'P' | 'R';
const MESSAGE_FILTERS: readonly MessageFilter[] = ['E', 'T', 'P', 'R'];

/** ANAF refuses uploads over 10 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface UploadRequest {
  apiPath: ApiPath;
  /** The CIF that receives the error message if the seller is unknown. */
  cif: string;
  standard: UploadStandard;
  /** The XML exactly as it is to be filed. */
  body: Uint8Array;
  /** `uploadb2c` instead of `upload` (invoices to consumers). */
  b2c?: boolean;
  /** `extern=DA`: the buyer is outside Romania. */
  foreignBuyer?: boolean;
  /** `autofactura=DA`: the buyer issues the invoice for the seller. */
  selfBilled?: boolean;
  /** `executare=DA`: an enforcement body files for the debtor. */
  enforcement?: boolean;
}

export interface MessageListRequest {
  apiPath: ApiPath;
  cif: string;
  /** 1 to 60. */
  days: number;
  filter?: MessageFilter;
}

export interface MessagePageRequest {
  apiPath: ApiPath;
  cif: string;
  window: ListWindow;
  /** From 1. */
  page: number;
  filter?: MessageFilter;
}

function restUrl(
  caller: Caller,
  apiPath: ApiPath,
  method: string,
  query: Record<string, string | undefined>,
): URL {
  if (apiPath !== 'test' && apiPath !== 'prod') {
    throw invalidInput(
      `The API path "${String(apiPath)}" is invalid: expected test or prod`,
      'apiPath',
    );
  }
  return serviceUrl(
    caller.environment.apiUrl,
    [apiPath, 'FCTEL', 'rest', method],
    query,
  );
}

function requireInteger(
  value: number,
  field: string,
  min: number,
  max: number,
): string {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidInput(
      `The ${field} ${value} is invalid: expected a whole number from ${min} to ${max}`,
      field,
    );
  }
  return String(value);
}

function checkFilter(
  filter: MessageFilter | undefined,
): MessageFilter | undefined {
  if (filter !== undefined && !MESSAGE_FILTERS.includes(filter)) {
    throw invalidInput(
      `The filter "${String(filter)}" is invalid: expected E, T, P or R`,
      'filter',
    );
  }
  return filter;
}

function checkUpload(request: UploadRequest): void {
  if (!UPLOAD_STANDARDS.includes(request.standard)) {
    throw invalidInput(
      `The standard "${String(request.standard)}" is invalid: expected UBL, CN, CII or RASP`,
      'standard',
    );
  }
  if (request.body.length === 0) {
    throw invalidInput('The file to upload is empty', 'body');
  }
  if (request.body.length > MAX_UPLOAD_BYTES) {
    throw invalidInput(
      `The file to upload has ${request.body.length} bytes; ANAF accepts at most 10 MB`,
      'body',
    );
  }
}

/** Uploads an invoice, credit note or buyer message (`upload`, `uploadb2c`). */
export async function upload(
  caller: Caller,
  request: UploadRequest,
  options: CallOptions = {},
): Promise<UploadOutcome> {
  checkUpload(request);
  const cif = requireValidCif(request.cif);
  const endpoint = request.b2c ? 'uploadB2c' : 'upload';
  const url = restUrl(
    caller,
    request.apiPath,
    request.b2c ? 'uploadb2c' : 'upload',
    {
      standard: request.standard,
      cif,
      extern: request.foreignBuyer ? 'DA' : undefined,
      autofactura: request.selfBilled ? 'DA' : undefined,
      executare: request.enforcement ? 'DA' : undefined,
    },
  );
  const spec: CallSpec = {
    endpoint,
    url,
    headers: { 'content-type': 'application/xml' },
    body: request.body,
    authenticated: true,
    logFields: { cif, standard: request.standard, bytes: request.body.length },
    ...options,
  };
  return runCall(caller, spec, (response) =>
    parseUploadResponse(endpoint, response),
  );
}

/** Asks for the state of an upload (`stareMesaj`). */
export async function status(
  caller: Caller,
  request: { apiPath: ApiPath; uploadIndex: string },
  options: CallOptions = {},
): Promise<UploadStatus> {
  const uploadIndex = requireNumericId(request.uploadIndex, 'upload index');
  const spec: CallSpec = {
    endpoint: 'status',
    url: restUrl(caller, request.apiPath, 'stareMesaj', {
      id_incarcare: uploadIndex,
    }),
    authenticated: true,
    logFields: { uploadIndex },
    ...options,
  };
  return runCall(caller, spec, (response) =>
    parseStatusResponse('status', response),
  );
}

/** Lists the messages of the last 1 to 60 days (`listaMesajeFactura`). */
export async function listMessages(
  caller: Caller,
  request: MessageListRequest,
  options: CallOptions = {},
): Promise<MessageList> {
  const cif = requireValidCif(request.cif);
  const spec: CallSpec = {
    endpoint: 'messageList',
    url: restUrl(caller, request.apiPath, 'listaMesajeFactura', {
      zile: requireInteger(request.days, 'number of days', 1, 60),
      cif,
      filtru: checkFilter(request.filter),
    }),
    authenticated: true,
    logFields: { cif, days: request.days },
    ...options,
  };
  return runCall(caller, spec, (response) =>
    parseMessageListResponse('messageList', response),
  );
}

function windowMs(window: ListWindow): { start: string; end: string } {
  const start = window.startTime.getTime();
  const end = window.endTime.getTime();
  if (
    !Number.isSafeInteger(start) ||
    !Number.isSafeInteger(end) ||
    end <= start
  ) {
    throw invalidInput(
      'The list window is invalid: its end must be after its start',
      'window',
    );
  }
  return { start: String(start), end: String(end) };
}

/** Fetches one page of a time window (`listaMesajePaginatieFactura`). */
export async function listMessagePage(
  caller: Caller,
  request: MessagePageRequest,
  options: CallOptions = {},
): Promise<MessagePage> {
  const cif = requireValidCif(request.cif);
  const { start, end } = windowMs(request.window);
  const page = requireInteger(request.page, 'page', 1, 1_000_000);
  const spec: CallSpec = {
    endpoint: 'messagePage',
    url: restUrl(caller, request.apiPath, 'listaMesajePaginatieFactura', {
      startTime: start,
      endTime: end,
      cif,
      pagina: page,
      filtru: checkFilter(request.filter),
    }),
    authenticated: true,
    logFields: { cif, page: request.page },
    ...options,
  };
  return runCall(caller, spec, (response) =>
    parseMessagePageResponse('messagePage', response, request.page),
  );
}

/** Downloads a message's ZIP (`descarcare`); returns its bytes unchanged. */
export async function download(
  caller: Caller,
  request: { apiPath: ApiPath; downloadId: string },
  options: CallOptions = {},
): Promise<Uint8Array> {
  const downloadId = requireNumericId(request.downloadId, 'download id');
  const spec: CallSpec = {
    endpoint: 'download',
    url: restUrl(caller, request.apiPath, 'descarcare', { id: downloadId }),
    authenticated: true,
    logFields: { downloadId },
    ...options,
  };
  return runCall(caller, spec, (response) =>
    parseDownloadResponse('download', response),
  );
}
