// Starts the ANAF sandbox for the auth tests and reads its admin endpoint.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { Agent, request } from 'undici';
import type { IdpConfig } from '../../../electron/core/auth/idp.ts';
import {
  startSandbox,
  type RunningSandbox,
} from '../../../electron/sandbox/server.ts';
import type { SandboxOptions } from '../../../electron/sandbox/options.ts';

export interface AuthSandbox {
  sandbox: RunningSandbox;
  idp: IdpConfig;
  /** Calls the admin endpoint and resolves with the parsed JSON response. */
  admin(method: string, subpath: string, body?: unknown): Promise<unknown>;
  /** Counts the token endpoint's responses so far, by HTTP status. */
  tokenStatuses(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export async function startAuthSandbox(
  options: SandboxOptions = {},
): Promise<AuthSandbox> {
  const sandbox = await startSandbox({ rateLimit: 1000, ...options });
  const caCert = await readFile(sandbox.info.caCertPath, 'utf8');
  const adminAgent = new Agent({ connect: { ca: caCert } });

  const admin = async (method: string, subpath: string, body?: unknown) => {
    const response = await request(`${sandbox.info.adminUrl}${subpath}`, {
      method: method as 'GET',
      dispatcher: adminAgent,
      headers: {
        'x-admin-key': sandbox.info.adminKey,
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return response.body.json();
  };

  const tokenStatuses = async () => {
    const counters = (await admin('GET', '/counters')) as {
      endpoints: Record<string, { statuses: Record<string, number> }>;
    };
    return counters.endpoints.token?.statuses ?? {};
  };

  return {
    sandbox,
    idp: { provider: 'sandbox', baseUrl: sandbox.info.idpUrl, caCert },
    admin,
    tokenStatuses,
    close: async () => {
      await adminAgent.close();
      await sandbox.close();
    },
  };
}

/** A TCP port that was free a moment ago, for a callback URL. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error('No TCP port was assigned');
  }
  return address.port;
}
