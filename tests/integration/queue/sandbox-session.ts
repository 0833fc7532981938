/**
 * A logged-in HTTPS session with a running sandbox, for the queue's
 * integration test and rate benchmark: the OAuth code flow with the first
 * representative's certificate, then calls to the token smoke test
 * (`/TestOauth/jaxrs/hello`), which counts toward the per-minute limit.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import type { SandboxInfo } from '../../../electron/sandbox/index.ts';

export interface SandboxSession {
  /** Calls the hello endpoint; resolves with the HTTP status. */
  hello(signal: AbortSignal): Promise<number>;
  close(): Promise<void>;
}

interface TokenResponse {
  access_token?: unknown;
}

export async function openSandboxSession(
  info: SandboxInfo,
): Promise<SandboxSession> {
  const representative = info.certificates[0];
  if (!representative)
    throw new Error('The sandbox has no representative certificate.');

  const agent = new Agent({
    connections: 16,
    connect: {
      ca: readFileSync(info.caCertPath),
      cert: readFileSync(representative.certPath),
      key: readFileSync(representative.keyPath),
    },
  });
  const token = await accessToken(info, agent);

  return {
    hello: async (signal) => {
      const url = new URL('/TestOauth/jaxrs/hello', info.apiUrl);
      url.searchParams.set('name', 'queue');
      const response = await request(url, {
        dispatcher: agent,
        headers: { authorization: `Bearer ${token}` },
        signal,
      });
      await response.body.dump();
      return response.statusCode;
    },
    close: () => agent.close(),
  };
}

async function accessToken(info: SandboxInfo, agent: Agent): Promise<string> {
  const authorize = new URL(`${info.idpUrl}/authorize`);
  authorize.searchParams.set('response_type', 'code');
  authorize.searchParams.set('client_id', info.clientId);
  authorize.searchParams.set('redirect_uri', info.redirectUri);
  authorize.searchParams.set('state', 'queue-test');
  const redirect = await request(authorize, { dispatcher: agent });
  await redirect.body.dump();

  const location = redirect.headers.location;
  const code =
    typeof location === 'string'
      ? new URL(location).searchParams.get('code')
      : null;
  if (!code)
    throw new Error(
      `The sandbox's authorize endpoint returned no code (HTTP ${redirect.statusCode}).`,
    );

  const credentials = Buffer.from(
    `${info.clientId}:${info.clientSecret}`,
  ).toString('base64');
  const response = await request(`${info.idpUrl}/token`, {
    dispatcher: agent,
    method: 'POST',
    headers: {
      authorization: `Basic ${credentials}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: info.redirectUri,
    }).toString(),
  });
  const body = (await response.body.json()) as TokenResponse;
  if (typeof body.access_token !== 'string') {
    throw new Error(
      `The sandbox's token endpoint returned no access token (HTTP ${response.statusCode}).`,
    );
  }
  return body.access_token;
}

export interface EndpointCounters {
  /** Responses per HTTP status, without 429s. */
  statuses: Record<string, number>;
  /** 429s the sandbox sent because its per-minute limit was reached. */
  rateLimited: number;
  /** 429s sent by injected faults. */
  injected429: number;
}

/** Reads the sandbox's admin counters per endpoint (`hello`, `upload`...). */
export async function readEndpointCounters(
  info: SandboxInfo,
): Promise<Record<string, EndpointCounters>> {
  const agent = new Agent({ connect: { ca: readFileSync(info.caCertPath) } });
  try {
    const response = await request(`${info.adminUrl}/counters`, {
      dispatcher: agent,
      headers: { 'x-admin-key': info.adminKey },
    });
    const counters = (await response.body.json()) as {
      endpoints: Record<string, EndpointCounters>;
    };
    return counters.endpoints;
  } finally {
    await agent.close();
  }
}

/** Sums the 429s caused by the sandbox's per-minute limit. */
export function rateLimitedTotal(
  endpoints: Record<string, EndpointCounters>,
): number {
  return Object.values(endpoints).reduce(
    (sum, counters) => sum + counters.rateLimited,
    0,
  );
}
