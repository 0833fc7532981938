/**
 * The e-Transport calls on api.anaf.ro: `/{test|prod}/ETRANSPORT/ws/v1/...`.
 * Their parameters are path segments, each checked before it is encoded.
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
import {
  parseTransportListResponse,
  parseTransportStatusResponse,
  parseTransportUploadResponse,
  type TransportDeclaration,
  type TransportStatus,
  type TransportUploadOutcome,
} from './parse-etransport.ts';

/** e-Transport refuses declarations over 5 MB. */
export const MAX_TRANSPORT_BYTES = 5 * 1024 * 1024;

export interface TransportUploadRequest {
  apiPath: ApiPath;
  cif: string;
  /** The declaration XML. */
  xml: Uint8Array;
  /**
   * The `versiune` path segment (1 or 2); omitted when undefined, which
   * ANAF reads as version 1.
   */
  version?: 1 | 2;
}

function transportUrl(
  caller: Caller,
  apiPath: ApiPath,
  segments: string[],
): URL {
  if (apiPath !== 'test' && apiPath !== 'prod') {
    throw invalidInput(
      `The API path "${String(apiPath)}" is invalid: expected test or prod`,
      'apiPath',
    );
  }
  return serviceUrl(caller.environment.apiUrl, [
    apiPath,
    'ETRANSPORT',
    'ws',
    'v1',
    ...segments,
  ]);
}

/** Uploads a transport declaration (`upload/ETRANSP/{cif}[/{versiune}]`). */
export async function transportUpload(
  caller: Caller,
  request: TransportUploadRequest,
  options: CallOptions = {},
): Promise<TransportUploadOutcome> {
  // NOTE: ANAF also accepts up to 13 digits here (an individual's CNP); only
  // company CIFs with a check digit are accepted for now.
  const cif = requireValidCif(request.cif);
  if (request.xml.length === 0 || request.xml.length > MAX_TRANSPORT_BYTES) {
    throw invalidInput(
      `The declaration has ${request.xml.length} bytes; expected 1 byte to 5 MB`,
      'xml',
    );
  }
  if (
    request.version !== undefined &&
    request.version !== 1 &&
    request.version !== 2
  ) {
    throw invalidInput(
      `The version ${String(request.version)} is invalid: expected 1 or 2`,
      'version',
    );
  }
  const segments = ['upload', 'ETRANSP', cif];
  if (request.version !== undefined) segments.push(String(request.version));
  const spec: CallSpec = {
    endpoint: 'transportUpload',
    url: transportUrl(caller, request.apiPath, segments),
    headers: { 'content-type': 'application/xml' },
    body: request.xml,
    authenticated: true,
    logFields: { cif, bytes: request.xml.length },
    ...options,
  };
  return runCall(caller, spec, (response) =>
    parseTransportUploadResponse('transportUpload', response),
  );
}

/** Asks for the state of a transport declaration (`stareMesaj/{id}`). */
export async function transportStatus(
  caller: Caller,
  request: { apiPath: ApiPath; uploadIndex: string },
  options: CallOptions = {},
): Promise<TransportStatus> {
  const uploadIndex = requireNumericId(request.uploadIndex, 'upload index');
  const spec: CallSpec = {
    endpoint: 'transportStatus',
    url: transportUrl(caller, request.apiPath, ['stareMesaj', uploadIndex]),
    authenticated: true,
    logFields: { uploadIndex },
    ...options,
  };
  return runCall(caller, spec, (response) =>
    parseTransportStatusResponse('transportStatus', response),
  );
}

/** Lists a CIF's declarations of the last 1 to 60 days (`lista/{zile}/{cif}`). */
export async function transportList(
  caller: Caller,
  request: { apiPath: ApiPath; cif: string; days: number },
  options: CallOptions = {},
): Promise<TransportDeclaration[]> {
  const cif = requireValidCif(request.cif);
  if (
    !Number.isInteger(request.days) ||
    request.days < 1 ||
    request.days > 60
  ) {
    throw invalidInput(
      `The number of days ${request.days} is invalid: expected a whole number from 1 to 60`,
      'days',
    );
  }
  const spec: CallSpec = {
    endpoint: 'transportList',
    url: transportUrl(caller, request.apiPath, [
      'lista',
      String(request.days),
      cif,
    ]),
    authenticated: true,
    logFields: { cif, days: request.days },
    ...options,
  };
  return runCall(caller, spec, (response) =>
    parseTransportListResponse('transportList', response),
  );
}
