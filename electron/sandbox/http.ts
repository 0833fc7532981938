// Replies as values: handlers build a Reply and the server writes it, so that
// a fault can spoil a response after the handler has recorded the call.
import type { IncomingMessage } from 'node:http';
import { formatDayFirst } from './time.ts';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const XML_DECLARATION =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function reply(
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { 'content-type': contentType, ...headers },
    body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  };
}

/** Wraps an XML document with the declaration ANAF's services put first. */
export function xmlReply(xml: string, status = 200): Reply {
  return reply(status, 'application/xml', XML_DECLARATION + xml);
}

export function jsonReply(
  value: unknown,
  status = 200,
  contentType = 'application/json',
): Reply {
  return reply(status, contentType, JSON.stringify(value));
}

export function textReply(text: string, status = 200): Reply {
  return reply(status, 'text/plain; charset=utf-8', text);
}

export function redirectReply(location: string): Reply {
  return reply(302, 'text/plain; charset=utf-8', '', { location });
}

/**
 * ANAF's CustomErrorMessage for missing parameters: HTTP 400 with a
 * `dd-MM-yyyy HH:mm:ss` timestamp (unlike the ISO one of a Spring 404).
 */
export function badRequestReply(message: string, now: Date): Reply {
  return jsonReply(
    {
      timestamp: formatDayFirst(now),
      status: 400,
      error: 'Bad Request',
      message,
    },
    400,
  );
}

/** The Spring error body a Java service returns for an unmapped path. */
export function springErrorReply(
  status: 404 | 405,
  path: string,
  now: Date,
): Reply {
  return jsonReply(
    {
      timestamp: now.toISOString().replace('Z', '+00:00'),
      status,
      error: status === 404 ? 'Not Found' : 'Method Not Allowed',
      path,
    },
    status,
  );
}

/** Escapes text for an XML attribute value in double quotes. */
export function xmlAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll('\n', '&#10;');
}

export interface ReadBody {
  bytes: Buffer;
  /** True when the body was longer than the cap; `bytes` is then cut. */
  tooLarge: boolean;
}

/** Reads a request body up to `maxBytes`, draining (not keeping) the rest. */
export async function readBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<ReadBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      tooLarge = true;
      continue;
    }
    chunks.push(buffer);
  }
  return { bytes: Buffer.concat(chunks), tooLarge };
}
