/**
 * Parser for `TestOauth/jaxrs/hello`, the token smoke test. ANAF responds with
 * plain text that starts with "Hello, <name>" and then lists the request
 * headers, `Authorization` included. Only the first line is kept, so the
 * token goes no further than this function.
 */
import { badResponse, checkResponse } from './response-checks.ts';
import { bodyText } from './body.ts';
import type { TransportResponse } from './transport.ts';

export interface HelloResult {
  /** The first line of the response, such as "Hello, efactura". */
  greeting: string;
}

export function parseHelloResponse(
  endpoint: string,
  response: TransportResponse,
): HelloResult {
  const kind = checkResponse(endpoint, response);
  const text = bodyText(response.body).trimStart();
  if (kind !== 'text' || !/^hello\b/i.test(text)) {
    throw badResponse(endpoint, response, 'plain text starting with "Hello"');
  }
  const greeting = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
  return { greeting };
}
