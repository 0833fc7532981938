/**
 * The public helpers and the token smoke test. `validare` and
 * `transformare` exist only under `/prod/` (the `/test/` paths return 404),
 * so they use the public host's prod path whatever the company's API path.
 */
import { Blob } from 'node:buffer';
import { FormData } from 'undici';
import {
  runCall,
  serviceUrl,
  type Caller,
  type CallOptions,
  type CallSpec,
} from './caller.ts';
import { invalidInput } from './errors.ts';
import { parseHelloResponse, type HelloResult } from './parse-hello.ts';
import {
  parsePdfResponse,
  parseSignatureResponse,
  parseValidationResponse,
  type PdfResult,
  type SignatureCheckResult,
  type ValidationResult,
} from './parse-public.ts';

/** `FACT1` for an invoice, `FCN` for a credit note. */
export type DocumentStandard = 'FACT1' | 'FCN';

/** `validare` and `transformare` refuse bodies over 5 MB. */
export const MAX_PUBLIC_BYTES = 5 * 1024 * 1024;

export interface DocumentRequest {
  standard: DocumentStandard;
  xml: Uint8Array;
}

export interface PdfRequest extends DocumentRequest {
  /**
   * Adds the `/DA` segment: ANAF skips validation and does not vouch for the
   * PDF. Its firewall is stricter on this path.
   */
  skipValidation?: boolean;
}

export interface SignatureCheckRequest {
  /** The invoice XML from the ZIP. */
  invoice: Uint8Array;
  /** The `semnatura_*.xml` file from the same ZIP. */
  signature: Uint8Array;
  /** Uses the OAuth twin on api.anaf.ro instead of the public host. */
  authenticated?: boolean;
}

function checkDocument(request: DocumentRequest): void {
  if (request.standard !== 'FACT1' && request.standard !== 'FCN') {
    throw invalidInput(
      `The standard "${String(request.standard)}" is invalid: expected FACT1 or FCN`,
      'standard',
    );
  }
  if (request.xml.length === 0) throw invalidInput('The XML is empty', 'xml');
  if (request.xml.length > MAX_PUBLIC_BYTES) {
    throw invalidInput(
      `The XML has ${request.xml.length} bytes; ANAF accepts at most 5 MB here`,
      'xml',
    );
  }
}

/** Validates an invoice or credit note without filing it (`validare`). */
export async function validate(
  caller: Caller,
  request: DocumentRequest,
  options: CallOptions = {},
): Promise<ValidationResult> {
  checkDocument(request);
  const spec: CallSpec = {
    endpoint: 'validate',
    url: serviceUrl(caller.environment.publicUrl, [
      'prod',
      'FCTEL',
      'rest',
      'validare',
      request.standard,
    ]),
    headers: { 'content-type': 'text/plain' },
    body: request.xml,
    authenticated: false,
    logFields: { standard: request.standard, bytes: request.xml.length },
    ...options,
  };
  return runCall(caller, spec, (response) =>
    parseValidationResponse('validate', response),
  );
}

/** Renders an invoice or credit note as PDF (`transformare`). */
export async function convertToPdf(
  caller: Caller,
  request: PdfRequest,
  options: CallOptions = {},
): Promise<PdfResult> {
  checkDocument(request);
  const segments = ['prod', 'FCTEL', 'rest', 'transformare', request.standard];
  if (request.skipValidation) segments.push('DA');
  const spec: CallSpec = {
    endpoint: 'toPdf',
    url: serviceUrl(caller.environment.publicUrl, segments),
    headers: { 'content-type': 'text/plain' },
    body: request.xml,
    authenticated: false,
    logFields: { standard: request.standard, bytes: request.xml.length },
    ...options,
  };
  return runCall(caller, spec, (response) =>
    parsePdfResponse('toPdf', response),
  );
}

/** Checks the Ministry of Finance signature of a downloaded invoice. */
export async function checkSignature(
  caller: Caller,
  request: SignatureCheckRequest,
  options: CallOptions = {},
): Promise<SignatureCheckResult> {
  if (request.invoice.length === 0 || request.signature.length === 0) {
    throw invalidInput(
      'The invoice and its signature file must both be present',
      'files',
    );
  }
  const form = new FormData();
  form.append(
    'file',
    new Blob([request.invoice], { type: 'text/xml' }),
    'factura.xml',
  );
  form.append(
    'signature',
    new Blob([request.signature], { type: 'text/xml' }),
    'semnatura.xml',
  );
  const endpoint = request.authenticated
    ? 'signatureCheckOAuth'
    : 'signatureCheck';
  const base = request.authenticated
    ? caller.environment.apiUrl
    : caller.environment.publicUrl;
  const spec: CallSpec = {
    endpoint,
    url: serviceUrl(base, ['api', 'validate', 'signature']),
    body: form,
    authenticated: request.authenticated === true,
    ...options,
  };
  return runCall(caller, spec, (response) =>
    parseSignatureResponse(endpoint, response),
  );
}

/** Calls `TestOauth/jaxrs/hello`, which any valid token reaches. */
export async function hello(
  caller: Caller,
  name = 'efactura',
  options: CallOptions = {},
): Promise<HelloResult> {
  if (!/^[A-Za-z0-9 ._-]{1,64}$/.test(name)) {
    throw invalidInput(
      'The hello name is invalid: use 1 to 64 letters, digits, spaces, dots, dashes or underscores',
      'name',
    );
  }
  const spec: CallSpec = {
    endpoint: 'hello',
    url: serviceUrl(
      caller.environment.apiUrl,
      ['TestOauth', 'jaxrs', 'hello'],
      { name },
    ),
    authenticated: true,
    ...options,
  };
  return runCall(caller, spec, (response) =>
    parseHelloResponse('hello', response),
  );
}
