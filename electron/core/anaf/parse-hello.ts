/**
 * Parser for `TestOauth/jaxrs/hello`, the token smoke test. ANAF answers
 * plain text that starts with "Hello, <name>" and goes on to dump the
 * request headers, `Authorization` included; only the first line is kept,
 * so the token never travels further than this function.
 */
import { badResponse, checkAnswer } from './answer.ts';
import { bodyText } from './body.ts';
import type { TransportResponse } from './transport.ts';

export interface HelloResult {
  /** The first line of the answer, such as "Hello, efactura". */
  greeting: string;
}

export function parseHelloAnswer(
  endpoint: string,
  response: TransportResponse,
): HelloResult {
  const kind = checkAnswer(endpoint, response);
  const text = bodyText(response.body).trimStart();
  if (kind !== 'text' || !/^hello\b/i.test(text)) {
    throw badResponse(endpoint, response, 'plain text starting with "Hello"');
  }
  const greeting = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
  return { greeting };
}
