/**
 * Checks that apply to every ANAF response before an endpoint's own parser
 * runs: the firewall page, HTTP 429, 5xx, ANAF's 400 and 404 error bodies
 * and statuses no endpoint documents. Also the shared readers for JSON and
 * XML bodies that report a malformed body as `anaf.badResponse`.
 */
import type { Element } from '@xmldom/xmldom';
import type { AppFailure } from '../../../shared/result.ts';
import {
  bodyText,
  describeBody,
  isJsonObject,
  parseJsonLenient,
  sniffBody,
  type BodyKind,
} from './body.ts';
import { anafFailure } from './errors.ts';
import { failureFromAnafMessage } from './anaf-messages.ts';
import type { TransportResponse } from './transport.ts';
import { isElement, parseXmlDocument, XmlReadError } from './xml.ts';

/** Creates the failure for a response that matches no documented shape. */
export function badResponse(
  endpoint: string,
  response: TransportResponse,
  expected: string,
): AppFailure {
  return anafFailure(
    'badResponse',
    `ANAF's response to ${endpoint} is not a documented response: expected ${expected}, ` +
      `received HTTP ${response.status} with ${describeBody(response.body)}`,
    { endpoint, status: response.status },
  );
}

/**
 * Reads the support id from the F5 firewall's "Request Rejected" page
 * ("Your support ID is: 1234..."). Returns undefined for other HTML, and
 * null for a firewall page that shows no support id.
 */
export function firewallSupportId(html: string): string | null | undefined {
  const rejected = /request rejected|requested url was rejected/i.test(html);
  const match = /support id is:?\s*(?:<[^>]*>\s*)*([0-9A-Za-z-]+)/i.exec(html);
  if (!rejected && !match) return undefined;
  return match?.[1] ?? null;
}

function firewallFailure(
  endpoint: string,
  supportId: string | null,
): AppFailure {
  const message = supportId
    ? `ANAF rejected the request (support ID ${supportId})`
    : 'ANAF rejected the request (no support ID on the page)';
  return anafFailure('firewall', message, {
    endpoint,
    ...(supportId ? { supportId } : {}),
  });
}

/** Reads `Retry-After` as milliseconds (delta seconds or an HTTP date). */
export function retryAfterMs(
  header: string | undefined,
  now: Date = new Date(),
): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}

/** ANAF's text in a `CustomErrorMessage`, Spring error or `{msg}` body. */
function errorBodyMessage(body: Uint8Array): string | undefined {
  if (sniffBody(body) !== 'json') return undefined;
  const parsed = parseJsonLenient(bodyText(body));
  if (!parsed.ok || !isJsonObject(parsed.value)) return undefined;
  for (const key of ['message', 'msg', 'eroare', 'error']) {
    const value = parsed.value[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

function springPath(body: Uint8Array): string | undefined {
  const parsed = parseJsonLenient(bodyText(body));
  if (!parsed.ok || !isJsonObject(parsed.value)) return undefined;
  const path = parsed.value.path;
  return typeof path === 'string' ? path : undefined;
}

/**
 * Throws the typed failure for responses that mean the same on every
 * endpoint, and returns the body kind of a 2xx response otherwise.
 */
export function checkResponse(
  endpoint: string,
  response: TransportResponse,
): BodyKind {
  const kind = sniffBody(response.body);
  const { status } = response;

  if (kind === 'html') {
    const supportId = firewallSupportId(bodyText(response.body));
    if (supportId !== undefined) throw firewallFailure(endpoint, supportId);
  }
  if (status === 429) {
    const wait = retryAfterMs(response.headers['retry-after']);
    throw anafFailure(
      'rateLimited',
      `ANAF refused ${endpoint} because its per-minute request limit was exceeded (HTTP 429)`,
      {
        endpoint,
        status,
        ...(wait === undefined ? {} : { retryAfterMs: wait }),
      },
    );
  }
  if (status === 401 || status === 403)
    throw forbiddenFailure(endpoint, status);
  if (status >= 500) throw serverFailure(endpoint, response);
  if (status === 404) throw notFoundEndpoint(endpoint, response);
  if (status === 400) {
    const message = errorBodyMessage(response.body);
    if (message) throw failureFromAnafMessage(endpoint, message, status);
  }
  if (status < 200 || status > 299) {
    throw badResponse(endpoint, response, 'HTTP 200');
  }
  return kind;
}

/** Creates the failure for a token ANAF's gateway rejects (after any retry). */
export function forbiddenFailure(endpoint: string, status: number): AppFailure {
  return anafFailure(
    'forbidden',
    `ANAF refused ${endpoint} with HTTP ${status}: token not valid for this service, ` +
      'or application not enrolled for it',
    { endpoint, status },
  );
}

function serverFailure(
  endpoint: string,
  response: TransportResponse,
): AppFailure {
  const anafMessage = errorBodyMessage(response.body);
  const suffix = anafMessage ? `: "${anafMessage}"` : '';
  return anafFailure(
    'serverError',
    `ANAF failed to respond to ${endpoint} (HTTP ${response.status})${suffix}`,
    {
      endpoint,
      status: response.status,
      ...(anafMessage ? { anafMessage } : {}),
    },
  );
}

function notFoundEndpoint(
  endpoint: string,
  response: TransportResponse,
): AppFailure {
  const path = springPath(response.body);
  const where = path ? ` for ${path}` : '';
  return anafFailure(
    'endpointNotFound',
    `ANAF has no such endpoint for ${endpoint} (HTTP 404${where})`,
    { endpoint, status: response.status, ...(path ? { path } : {}) },
  );
}

/** Reads a JSON object body, reporting truncated or invalid JSON. */
export function readJsonObject(
  endpoint: string,
  response: TransportResponse,
): Record<string, unknown> {
  const parsed = parseJsonLenient(bodyText(response.body));
  if (!parsed.ok) {
    throw badResponse(
      endpoint,
      response,
      `complete JSON (the JSON is ${parsed.reason})`,
    );
  }
  if (!isJsonObject(parsed.value)) {
    throw badResponse(endpoint, response, 'a JSON object');
  }
  return parsed.value;
}

/**
 * Reads an XML body whose root must be `localName` in `namespace`; a
 * malformed document or another root is `anaf.badResponse`.
 */
export function readXmlRoot(
  endpoint: string,
  response: TransportResponse,
  namespace: string,
  localName: string,
): Element {
  let root: Element;
  try {
    root = parseXmlDocument(bodyText(response.body));
  } catch (error) {
    if (!(error instanceof XmlReadError)) throw error;
    throw badResponse(endpoint, response, `well-formed XML (${error.message})`);
  }
  if (!isElement(root, namespace, localName)) {
    const found = `{${root.namespaceURI ?? ''}}${root.localName}`;
    throw badResponse(
      endpoint,
      response,
      `a ${localName} root in ${namespace}, not ${found}`,
    );
  }
  return root;
}
