import { request, type Dispatcher } from 'undici';
import { describeError } from '../log/logger.ts';
import { authFailure } from './errors.ts';

/** The largest IdP response read; token responses are a few kilobytes. */
const MAX_BODY_BYTES = 256 * 1024;
const TIMEOUT_MS = 30_000;

export interface IdpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * Builds the `Authorization: Basic` header that ANAF's procedure requires. The id and
 * secret are joined as they are, the way Postman sends them in ANAF's
 * example, without RFC 6749's form-encoding.
 */
export function basicAuthorization(credentials: ClientCredentials): string {
  const pair = `${credentials.clientId}:${credentials.clientSecret}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}

/**
 * Sends a form POST to the identity provider and reads the whole response.
 * Redirects are not followed. A connection failure becomes `auth.network`.
 */
export async function postForm(
  url: string,
  form: Record<string, string>,
  credentials: ClientCredentials,
  dispatcher: Dispatcher,
): Promise<IdpResponse> {
  try {
    const response = await request(url, {
      method: 'POST',
      dispatcher,
      headers: {
        authorization: basicAuthorization(credentials),
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams(form).toString(),
      headersTimeout: TIMEOUT_MS,
      bodyTimeout: TIMEOUT_MS,
    });
    const text = await readLimited(response.body);
    return { status: response.statusCode, headers: response.headers, text };
  } catch (error) {
    throw networkFailure(url, error);
  }
}

/** Builds `auth.network` for a failed connection, naming the origin. */
export function networkFailure(url: string, error: unknown) {
  const origin = new URL(url).origin;
  return authFailure('auth.network', {
    detail: `Connecting to ${origin} failed: ${describeError(error)}.`,
  });
}

async function readLimited(body: Dispatcher.ResponseData['body']) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      body.destroy();
      throw new Error(`the response exceeded ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
