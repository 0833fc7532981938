/**
 * Parsers for the public helpers: `validare` (XML validation),
 * `transformare` (XML to PDF) and the signature check. They need no token;
 * the F5 firewall in front of them may respond with an HTML page, which
 * `checkResponse` turns into `anaf.firewall`.
 */
import {
  badResponse,
  checkResponse,
  readJsonObject,
} from './response-checks.ts';
import { bodyText } from './body.ts';
import { foldMessage } from './anaf-messages.ts';
import type { TransportResponse } from './transport.ts';

export type ValidationResult =
  | { valid: true; traceId: string | null }
  | { valid: false; messages: string[]; traceId: string | null };

export type PdfResult =
  | { valid: true; pdf: Uint8Array }
  | { valid: false; messages: string[]; traceId: string | null };

export interface SignatureCheckResult {
  valid: boolean;
  /** ANAF's sentence, unchanged. */
  message: string;
}

function traceIdOf(json: Record<string, unknown>): string | null {
  return typeof json.trace_id === 'string' ? json.trace_id : null;
}

/** Reads `Messages: [{message}]`, skipping entries without text. */
function validationMessages(json: Record<string, unknown>): string[] {
  const list = Array.isArray(json.Messages) ? json.Messages : [];
  const messages: string[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const text = (entry as Record<string, unknown>).message;
    if (typeof text === 'string' && text.trim() !== '')
      messages.push(text.trim());
  }
  return messages;
}

function readValidationJson(
  endpoint: string,
  response: TransportResponse,
): ValidationResult {
  const json = readJsonObject(endpoint, response);
  const stare =
    typeof json.stare === 'string' ? json.stare.trim().toLowerCase() : '';
  const traceId = traceIdOf(json);
  if (stare === 'ok') return { valid: true, traceId };
  if (stare === 'nok') {
    return { valid: false, messages: validationMessages(json), traceId };
  }
  throw badResponse(endpoint, response, 'JSON with stare ok or nok');
}

/** Parses the response to `validare`. */
export function parseValidationResponse(
  endpoint: string,
  response: TransportResponse,
): ValidationResult {
  if (checkResponse(endpoint, response) !== 'json') {
    throw badResponse(endpoint, response, 'a JSON validation response');
  }
  return readValidationJson(endpoint, response);
}

/** Checks whether a PDF has its `%%EOF` marker near the end, which a cut body lacks. */
function hasPdfEnd(bytes: Uint8Array): boolean {
  const tail = bodyText(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return tail.includes('%%EOF');
}

/** Parses the response to `transformare`: PDF bytes or validation errors. */
export function parsePdfResponse(
  endpoint: string,
  response: TransportResponse,
): PdfResult {
  const kind = checkResponse(endpoint, response);
  if (kind === 'pdf') {
    if (!hasPdfEnd(response.body)) {
      throw badResponse(endpoint, response, 'a complete PDF (no %%EOF)');
    }
    return { valid: true, pdf: response.body };
  }
  if (kind === 'json') {
    const result = readValidationJson(endpoint, response);
    if (!result.valid) return result;
  }
  throw badResponse(endpoint, response, 'a PDF or JSON validation errors');
}

/**
 * Parses the response to the signature check. ANAF returns both outcomes as
 * `{"msg": ...}` and only the wording distinguishes them: "... NU au putut fi
 * validate cu succes ..." or "... au fost validate cu succes ...".
 */
export function parseSignatureResponse(
  endpoint: string,
  response: TransportResponse,
): SignatureCheckResult {
  if (checkResponse(endpoint, response) !== 'json') {
    throw badResponse(endpoint, response, 'a JSON msg');
  }
  const json = readJsonObject(endpoint, response);
  const message = typeof json.msg === 'string' ? json.msg.trim() : '';
  const folded = foldMessage(message);
  if (/\bnu au putut fi validate\b/.test(folded))
    return { valid: false, message };
  if (/\bau fost validate cu succes\b/.test(folded))
    return { valid: true, message };
  throw badResponse(
    endpoint,
    response,
    'a msg saying whether the signature is valid',
  );
}
