// Starts the ANAF sandbox and connects the client to it as the app does. It
// builds the sandbox environment with its CA and one transport per
// representative's client certificate, and gets tokens from a real
// authorize-and-token exchange. The admin endpoint sets faults and settings.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import {
  createAnafClient,
  type AnafClient,
} from '../../../electron/core/anaf/client.ts';
import type { TokenSource } from '../../../electron/core/anaf/caller.ts';
import type { EndpointName } from '../../../electron/core/anaf/endpoints.ts';
import {
  sandboxEnvironment,
  type AnafEnvironment,
} from '../../../electron/core/anaf/environment.ts';
import {
  createTransport,
  type AnafTransport,
  type EndpointLimits,
} from '../../../electron/core/anaf/transport.ts';
import {
  startSandbox,
  type RunningSandbox,
  type SandboxOptions,
} from '../../../electron/sandbox/index.ts';

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../..',
);

/** Reads a file of the shared test data beside the repository. */
export function sharedFile(...parts: string[]): Buffer {
  return readFileSync(path.resolve(repoRoot, '../shared', ...parts));
}

export interface AnafSandbox {
  sandbox: RunningSandbox;
  environment: AnafEnvironment;
  /** Logs in with a representative's certificate; returns the access token. */
  login(certificate?: number): Promise<string>;
  /** A client for a representative, with a token that never needs refreshing. */
  clientFor(
    certificate?: number,
    limits?: Partial<Record<EndpointName, Partial<EndpointLimits>>>,
  ): Promise<AnafClient>;
  clientWith(tokens: TokenSource): AnafClient;
  /** Replaces the sandbox's faults with `endpoint:kind[=value][@count]` specs. */
  setFaults(specs: string[]): Promise<void>;
  /** Calls the admin endpoint, e.g. `admin('POST', '/clock', { advanceMs })`. */
  admin(
    method: string,
    subpath: string,
    body?: unknown,
  ): Promise<Record<string, unknown>>;
  adminState(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Defaults for these tests: a limit no test meets unless it means to. */
const TEST_OPTIONS: SandboxOptions = {
  rateLimit: 100_000,
  processingMs: 0,
  seed: 'anaf-client',
};

export async function startAnafSandbox(
  options: SandboxOptions = {},
): Promise<AnafSandbox> {
  const sandbox = await startSandbox({ ...TEST_OPTIONS, ...options });
  const { info } = sandbox;
  const environment = await sandboxEnvironment(info);
  const transports = new Map<number, AnafTransport>();

  const transportFor = (certificate: number): AnafTransport => {
    let transport = transports.get(certificate);
    if (!transport) {
      const client = info.certificates[certificate];
      if (!client)
        throw new Error(`The sandbox has no certificate ${certificate}`);
      transport = createTransport(environment, {
        clientCertificate: {
          pfx: readFileSync(client.pfxPath),
          passphrase: client.passphrase,
        },
      });
      transports.set(certificate, transport);
    }
    return transport;
  };

  const limits: EndpointLimits = {
    headersTimeoutMs: 10_000,
    bodyTimeoutMs: 10_000,
    maxResponseBytes: 1024 * 1024,
  };

  const login = async (certificate = 0): Promise<string> => {
    const transport = transportFor(certificate);
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: info.clientId,
      redirect_uri: info.redirectUri,
      token_content_type: 'jwt',
      state: 'anaf-client-test',
    });
    const authorize = await transport.send({
      endpoint: 'fixture',
      method: 'GET',
      url: new URL(`${info.idpUrl}/authorize?${query}`),
      limits,
    });
    const location = new URL(authorize.headers.location ?? 'https://invalid/');
    const code = location.searchParams.get('code');
    if (!code)
      throw new Error(`authorize returned no code (HTTP ${authorize.status})`);

    const basic = Buffer.from(`${info.clientId}:${info.clientSecret}`).toString(
      'base64',
    );
    const token = await transport.send({
      endpoint: 'fixture',
      method: 'POST',
      url: new URL(`${info.idpUrl}/token`),
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: info.redirectUri,
        token_content_type: 'jwt',
      }).toString(),
      limits,
    });
    if (token.status !== 200)
      throw new Error(`token returned HTTP ${token.status}`);
    const pair = JSON.parse(Buffer.from(token.body).toString('utf8')) as {
      access_token: string;
    };
    return pair.access_token;
  };

  // The admin endpoint takes PUT and DELETE, which the client's transport
  // never sends, so it gets its own dispatcher that trusts the sandbox CA.
  const adminAgent = new Agent({ connect: { ca: environment.caCertificate } });
  const admin = async (method: string, subpath: string, body?: unknown) => {
    const response = await request(`${info.adminUrl}${subpath}`, {
      method: method as 'GET',
      dispatcher: adminAgent,
      headers: {
        'x-admin-key': info.adminKey,
        'content-type': 'application/json',
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) {
      throw new Error(
        `admin ${subpath} returned HTTP ${response.statusCode}: ${text}`,
      );
    }
    return JSON.parse(text) as Record<string, unknown>;
  };

  const clientWith = (
    tokens: TokenSource,
    certificate = 0,
    endpointLimits = {},
  ): AnafClient =>
    createAnafClient({
      transport: transportFor(certificate),
      tokens,
      logger: createMemoryLogger().logger,
      limits: endpointLimits,
    });

  const clientFor = async (
    certificate = 0,
    endpointLimits = {},
  ): Promise<AnafClient> => {
    const accessToken = await login(certificate);
    const tokens: TokenSource = {
      accessToken: async () => accessToken,
      refreshAfterRejection: async () => null,
    };
    return clientWith(tokens, certificate, endpointLimits);
  };

  return {
    sandbox,
    environment,
    login,
    clientFor,
    clientWith: (tokens) => clientWith(tokens),
    setFaults: async (specs) => {
      await admin('PUT', '/faults', { faults: specs });
    },
    admin,
    adminState: () => admin('GET', '/state'),
    close: async () => {
      await Promise.all(
        [...transports.values()].map((transport) => transport.close()),
      );
      await adminAgent.close();
      await sandbox.close();
    },
  };
}
