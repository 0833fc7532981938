// Drives a sandbox over real HTTPS with undici: client certificates from the
// sandbox's PKCS#12 files, the sandbox's CA as the only trusted root.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request, type FormData } from 'undici';
import {
  startSandbox,
  type RunningSandbox,
  type SandboxInfo,
  type SandboxOptions,
} from '../../../electron/sandbox/index.ts';

export const repoRoot = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../..',
);

export function sharedPath(...parts: string[]): string {
  return resolve(repoRoot, '../shared', ...parts);
}

export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  text(): string;
  json<T = Record<string, unknown>>(): T;
}

export interface CallOptions {
  token?: string;
  body?: string | Buffer | FormData;
  headers?: Record<string, string>;
  /** Index of the client certificate to present; null presents none. */
  certificate?: number | null;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
}

export interface TestSandbox {
  sandbox: RunningSandbox;
  info: SandboxInfo;
  call(
    method: string,
    path: string,
    options?: CallOptions,
  ): Promise<HttpResult>;
  /** Authorizes with a certificate and exchanges the code for tokens. */
  login(certificate?: number, format?: 'jwt' | 'opaque'): Promise<TokenPair>;
  authorizeCode(
    certificate: number | null,
    extra?: Record<string, string>,
  ): Promise<URL>;
  exchangeCode(
    code: string,
    fields?: Record<string, string>,
  ): Promise<HttpResult>;
  admin<T = Record<string, unknown>>(
    method: string,
    subpath: string,
    body?: unknown,
  ): Promise<T>;
  /** Moves the sandbox's clock through the admin endpoint. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

// Making RSA keys and certificates takes about a second, so the sandboxes of
// one test file share one certificate folder.
const certificatesDir = mkdtempSync(join(tmpdir(), 'sandbox-test-certs-'));
process.on('exit', () =>
  rmSync(certificatesDir, { recursive: true, force: true }),
);

/** Options for every conformance sandbox, which a test may override. */
export const TEST_DEFAULTS: SandboxOptions = {
  certificatesDir,
  // High enough that only the rate-limit tests ever meet it.
  rateLimit: 100_000,
  processingMs: 1000,
  seed: 'conformance',
};

function toResult(
  status: number,
  headers: Record<string, unknown>,
  body: Buffer,
): HttpResult {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      flat[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return {
    status,
    headers: flat,
    body,
    text: () => body.toString('utf8'),
    json: <T>() => JSON.parse(body.toString('utf8')) as T,
  };
}

export async function startTestSandbox(
  options: SandboxOptions = {},
): Promise<TestSandbox> {
  const sandbox = await startSandbox({ ...TEST_DEFAULTS, ...options });
  const { info } = sandbox;
  const ca = readFileSync(info.caCertPath, 'utf8');
  const agents = new Map<number | null, Agent>();

  const agentFor = (certificate: number | null): Agent => {
    let agent = agents.get(certificate);
    if (!agent) {
      const client =
        certificate === null ? null : info.certificates[certificate];
      if (certificate !== null && !client)
        throw new Error(`No certificate ${certificate}`);
      agent = new Agent({
        connect: client
          ? {
              ca,
              pfx: readFileSync(client.pfxPath),
              passphrase: client.passphrase,
            }
          : { ca },
      });
      agents.set(certificate, agent);
    }
    return agent;
  };

  const call = async (
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<HttpResult> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const url = path.startsWith('https://') ? path : `${info.apiUrl}${path}`;
    const response = await request(url, {
      method: method as 'GET',
      headers,
      body: options.body,
      dispatcher: agentFor(
        options.certificate === undefined ? null : options.certificate,
      ),
    });
    const body = Buffer.from(await response.body.arrayBuffer());
    return toResult(response.statusCode, response.headers, body);
  };

  const authorizeCode = async (
    certificate: number | null,
    extra: Record<string, string> = {},
  ): Promise<URL> => {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: info.clientId,
      redirect_uri: info.redirectUri,
      state: 'st-1',
      ...extra,
    });
    const result = await call('GET', `${info.idpUrl}/authorize?${query}`, {
      certificate,
    });
    if (result.status !== 302)
      throw new Error(`authorize answered ${result.status}: ${result.text()}`);
    return new URL(result.headers.location ?? '');
  };

  const basic = `Basic ${Buffer.from(`${info.clientId}:${info.clientSecret}`).toString('base64')}`;

  const exchangeCode = (
    code: string,
    fields: Record<string, string> = {},
  ): Promise<HttpResult> =>
    call('POST', `${info.idpUrl}/token`, {
      headers: {
        authorization: basic,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: info.redirectUri,
        ...fields,
      }).toString(),
    });

  const login = async (
    certificate = 0,
    format: 'jwt' | 'opaque' = 'jwt',
  ): Promise<TokenPair> => {
    const extra: Record<string, string> =
      format === 'jwt' ? { token_content_type: 'jwt' } : {};
    const location = await authorizeCode(certificate, extra);
    const code = location.searchParams.get('code');
    if (!code)
      throw new Error(`authorize gave no code: ${location.toString()}`);
    const result = await exchangeCode(code, extra);
    if (result.status !== 200)
      throw new Error(`token answered ${result.status}: ${result.text()}`);
    return result.json<TokenPair>();
  };

  const admin = async <T>(
    method: string,
    subpath: string,
    body?: unknown,
  ): Promise<T> => {
    const result = await call(method, `${info.adminUrl}${subpath}`, {
      headers: {
        'x-admin-key': info.adminKey,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (result.status !== 200)
      throw new Error(
        `admin ${subpath} answered ${result.status}: ${result.text()}`,
      );
    return result.json<T>();
  };

  const advance = async (ms: number): Promise<void> => {
    await admin('POST', '/clock', { advanceMs: ms });
  };

  const close = async (): Promise<void> => {
    await Promise.all([...agents.values()].map((agent) => agent.close()));
    await sandbox.close();
  };

  return {
    sandbox,
    info,
    call,
    login,
    authorizeCode,
    exchangeCode,
    admin,
    advance,
    close,
  };
}

/** Reads a published example invoice from the shared fixtures. */
export function fixture(...parts: string[]): Buffer {
  return readFileSync(sharedPath('fixtures', 'invoices', ...parts));
}

export interface UploadOutcome {
  result: HttpResult;
  executionStatus: string | null;
  index: string | null;
  errors: string[];
}

function attribute(xml: string, name: string): string | null {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(xml)?.[1] ?? null;
}

function errorMessages(xml: string): string[] {
  return [...xml.matchAll(/<Errors errorMessage="([^"]*)"/g)].map((match) =>
    (match[1] ?? '')
      .replaceAll('&quot;', '"')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&'),
  );
}

/** POSTs an upload and parses the XML response. */
export async function upload(
  t: TestSandbox,
  token: string,
  body: Buffer,
  params: Record<string, string>,
  options: { env?: 'test' | 'prod'; endpoint?: 'upload' | 'uploadb2c' } = {},
): Promise<UploadOutcome> {
  const query = new URLSearchParams(params);
  const path = `/${options.env ?? 'test'}/FCTEL/rest/${options.endpoint ?? 'upload'}?${query}`;
  const result = await t.call('POST', path, {
    token,
    body,
    headers: { 'content-type': 'text/plain' },
  });
  const xml = result.text();
  return {
    result,
    executionStatus: attribute(xml, 'ExecutionStatus'),
    index: attribute(xml, 'index_incarcare'),
    errors: errorMessages(xml),
  };
}

export interface StatusOutcome {
  stare: string | null;
  downloadId: string | null;
  errors: string[];
  result: HttpResult;
}

export async function status(
  t: TestSandbox,
  token: string,
  index: string,
): Promise<StatusOutcome> {
  const result = await t.call(
    'GET',
    `/test/FCTEL/rest/stareMesaj?id_incarcare=${index}`,
    { token },
  );
  const xml = result.text();
  return {
    stare: attribute(xml, 'stare'),
    downloadId: attribute(xml, 'id_descarcare'),
    errors: errorMessages(xml),
    result,
  };
}

export function download(
  t: TestSandbox,
  token: string,
  id: string,
): Promise<HttpResult> {
  return t.call('GET', `/test/FCTEL/rest/descarcare?id=${id}`, { token });
}

/** Moves the clock past the processing time so that pending uploads end. */
export async function finishProcessing(t: TestSandbox): Promise<void> {
  await t.advance((TEST_DEFAULTS.processingMs ?? 0) + 1);
}
