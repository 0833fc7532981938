/**
 * Every ANAF endpoint the client calls, with what the request queue needs to
 * know about it: whether a repeat is harmless, whether it counts toward the
 * per-minute limit of api.anaf.ro, and its timeouts and response size cap.
 */
import type { EndpointLimits } from './transport.ts';

export interface EndpointSpec {
  /** ANAF's name of the method, as its documentation writes it. */
  anafName: string;
  /** `api` is api.anaf.ro (Bearer token); `public` needs no token. */
  host: 'api' | 'public';
  method: 'GET' | 'POST';
  /**
   * Whether sending the call twice has the same effect as once. Uploads are
   * not: a repeat files the document again.
   */
  idempotent: boolean;
  /**
   * Whether ANAF counts the call toward its per-minute limit: every call to
   * api.anaf.ro does, the public services do not.
   */
  countsTowardRateLimit: boolean;
  limits: EndpointLimits;
}

const KIB = 1024;
const MIB = 1024 * KIB;

function limits(
  headersTimeoutMs: number,
  bodyTimeoutMs: number,
  maxResponseBytes: number,
): EndpointLimits {
  return { headersTimeoutMs, bodyTimeoutMs, maxResponseBytes };
}

function apiCall(
  anafName: string,
  method: 'GET' | 'POST',
  idempotent: boolean,
  endpointLimits: EndpointLimits,
): EndpointSpec {
  return {
    anafName,
    host: 'api',
    method,
    idempotent,
    countsTowardRateLimit: true,
    limits: endpointLimits,
  };
}

function publicCall(
  anafName: string,
  endpointLimits: EndpointLimits,
): EndpointSpec {
  return {
    anafName,
    host: 'public',
    method: 'POST',
    idempotent: true,
    countsTowardRateLimit: false,
    limits: endpointLimits,
  };
}

// NOTE: ANAF documents no response times. The timeouts below are estimates:
// uploads wait longer because ANAF checks the XML schema of up to 10 MB
// before it responds, and downloads and lists may be large.
export const ENDPOINTS = {
  hello: apiCall(
    'TestOauth/jaxrs/hello',
    'GET',
    true,
    limits(15_000, 15_000, 64 * KIB),
  ),
  upload: apiCall('upload', 'POST', false, limits(120_000, 30_000, MIB)),
  uploadB2c: apiCall('uploadb2c', 'POST', false, limits(120_000, 30_000, MIB)),
  status: apiCall('stareMesaj', 'GET', true, limits(30_000, 30_000, 64 * KIB)),
  messageList: apiCall(
    'listaMesajeFactura',
    'GET',
    true,
    limits(60_000, 60_000, 8 * MIB),
  ),
  messagePage: apiCall(
    'listaMesajePaginatieFactura',
    'GET',
    true,
    limits(60_000, 60_000, 8 * MIB),
  ),
  download: apiCall(
    'descarcare',
    'GET',
    true,
    limits(60_000, 120_000, 32 * MIB),
  ),
  validate: publicCall('validare', limits(120_000, 60_000, 4 * MIB)),
  toPdf: publicCall('transformare', limits(120_000, 120_000, 32 * MIB)),
  signatureCheck: publicCall(
    'api/validate/signature',
    limits(60_000, 30_000, 64 * KIB),
  ),
  signatureCheckOAuth: apiCall(
    'api/validate/signature',
    'POST',
    true,
    limits(60_000, 30_000, 64 * KIB),
  ),
  transportUpload: apiCall(
    'ETRANSPORT upload',
    'POST',
    false,
    limits(120_000, 30_000, MIB),
  ),
  transportStatus: apiCall(
    'ETRANSPORT stareMesaj',
    'GET',
    true,
    limits(30_000, 30_000, 64 * KIB),
  ),
  transportList: apiCall(
    'ETRANSPORT lista',
    'GET',
    true,
    limits(60_000, 60_000, 32 * MIB),
  ),
} as const satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof ENDPOINTS;

/** Checks whether repeating a call of this endpoint cannot file anything twice. */
export function isIdempotent(endpoint: EndpointName): boolean {
  return ENDPOINTS[endpoint].idempotent;
}
