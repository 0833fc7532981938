/**
 * A seeded sandbox and an ANAF client logged in to it, for the sync tests.
 * The first representative's certificate goes through the core's sandbox
 * login (PKCS#12 at `authorize`, then the code exchange). The client then
 * talks to the sandbox over HTTPS as it would to ANAF.
 */
import { readFile } from 'node:fs/promises';

import { Agent, request } from 'undici';

import {
  createAnafClient,
  createTransport,
  listWindow,
  sandboxEnvironment,
  type AnafClient,
  type AnafTransport,
  type ListedMessage,
  type TokenSource,
} from '../../../electron/core/anaf/index.ts';
import { runLogin } from '../../../electron/core/auth/login.ts';
import { createSandboxTransport } from '../../../electron/core/auth/sandbox-login.ts';
import { TokenClient } from '../../../electron/core/auth/token-client.ts';
import type { Logger } from '../../../electron/core/log/logger.ts';
import {
  startSandbox,
  type RunningSandbox,
  type SandboxInfo,
  type SandboxOptions,
} from '../../../electron/sandbox/index.ts';

/**
 * The sandbox's seed text and invoice count: with the sandbox's generator
 * at the time of writing they give the first company 300 messages.
 */
export const SEED = 'archive-sync';
export const SEEDED_INVOICES = 1205;

export interface SyncSandbox {
  sandbox: RunningSandbox;
  info: SandboxInfo;
  accessToken: string;
  client: AnafClient;
  /** The company the tests sync: the first representative's first CIF. */
  cif: string;
  /** Calls the admin endpoint and returns its JSON response. */
  admin(method: string, subpath: string, body?: unknown): Promise<unknown>;
  /** Counts the downloads the sandbox has served with HTTP 200 so far. */
  downloadsServed(): Promise<number>;
  close(): Promise<void>;
}

/** Returns a token source for a token that stays valid for the whole test. */
export function fixedTokens(accessToken: string): TokenSource {
  return {
    accessToken: async () => accessToken,
    refreshAfterRejection: async () => null,
  };
}

export async function loginToSandbox(
  info: SandboxInfo,
  logger: Logger,
): Promise<string> {
  const certificate = info.certificates[0];
  if (!certificate) throw new Error('The sandbox has no certificate.');
  const idp = {
    provider: 'sandbox' as const,
    baseUrl: info.idpUrl,
    caCert: await readFile(info.caCertPath, 'utf8'),
  };
  const client = new TokenClient({ idp, logger });
  const outcome = await runLogin({
    idp,
    client,
    credentials: { clientId: info.clientId, clientSecret: info.clientSecret },
    redirectUri: info.redirectUri,
    transport: createSandboxTransport({ idp, certificate, logger }),
    logger,
  });
  return outcome.tokens.accessToken;
}

export async function startSyncSandbox(
  options: SandboxOptions,
  logger: Logger,
): Promise<SyncSandbox> {
  const sandbox = await startSandbox({ rateLimit: 1000, ...options });
  const { info } = sandbox;
  const cif = info.certificates[0]?.cifs[0];
  if (cif === undefined) throw new Error('The first certificate has no CIF.');

  const accessToken = await loginToSandbox(info, logger);
  const transport: AnafTransport = createTransport(
    await sandboxEnvironment(info),
  );
  const client = createAnafClient({
    transport,
    tokens: fixedTokens(accessToken),
    logger,
  });

  const adminAgent = new Agent({
    connect: { ca: await readFile(info.caCertPath, 'utf8') },
  });
  const admin = async (method: string, subpath: string, body?: unknown) => {
    const response = await request(`${info.adminUrl}${subpath}`, {
      method: method as 'GET',
      dispatcher: adminAgent,
      headers: {
        'x-admin-key': info.adminKey,
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return response.body.json();
  };

  return {
    sandbox,
    info,
    accessToken,
    client,
    cif,
    admin,
    downloadsServed: async () => {
      const counters = (await admin('GET', '/counters')) as {
        endpoints: Record<string, { statuses: Record<string, number> }>;
      };
      return counters.endpoints.descarcare?.statuses['200'] ?? 0;
    },
    close: async () => {
      await transport.close();
      await adminAgent.close();
      await sandbox.close();
    },
  };
}

/**
 * Lists every message the sandbox serves for a CIF now, straight from the
 * client without the archive or the queue: the truth the archive is
 * compared with.
 */
export async function listAllMessages(
  client: AnafClient,
  cif: string,
  now: Date,
): Promise<ListedMessage[]> {
  const window = listWindow(now);
  if (!window) return [];
  const messages: ListedMessage[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await client.listMessagePage({
      apiPath: 'test',
      cif,
      window,
      page,
    });
    messages.push(...answer.messages);
    if (page >= answer.totalPages) return messages;
  }
}
