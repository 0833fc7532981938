// GET /TestOauth/jaxrs/hello?name=X: ANAF's token smoke test. It returns
// plain text starting "Hello, X", then the headers the gateway passed on,
// including the ones it adds for the token (issuer, certificate serial).
import { randomUUID } from 'node:crypto';
import type { Call } from './context.ts';
import { textReply, type Reply } from './http.ts';

export function handleHello(call: Call): Reply {
  const grant = call.requireGrant();
  const name = call.query('name') ?? '';
  const headers: Record<string, string> = {};
  for (const [header, value] of Object.entries(call.req.headers)) {
    if (value !== undefined)
      headers[header] = Array.isArray(value) ? value.join(', ') : value;
  }
  headers.issuer = new URL('/', call.url).toString();
  headers.serial_certificate = grant.serial;
  headers['session-id'] = randomUUID();

  const dump = Object.entries(headers)
    .map(([header, value]) => `${header}: ${value}`)
    .join('\n');
  return textReply(`Hello, ${name}\n${dump}\n`);
}
