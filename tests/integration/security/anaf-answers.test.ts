// The hostile ANAF responses of tests/fixtures/anaf-answers, fed to the real
// ANAF client over real TLS. A small HTTPS server on 127.0.0.1 responds to
// every request with the current case. Each client method must end in the
// typed error the corpus names, with a message that names what was wrong and
// never contains the access token.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAnafClient,
  createTransport,
  ENDPOINTS,
  listWindow,
  type AnafClient,
  type AnafTransport,
  type EndpointName,
} from '../../../electron/core/anaf/index.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { AppFailure } from '../../../shared/result.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../fixtures/anaf-answers');

/** The token the client sends; hello-unexpected-echo.txt echoes it back. */
const ACCESS_TOKEN =
  '9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f1a';
const CIF = '18654326';
const XML = new TextEncoder().encode(
  '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>',
);

interface Expectation {
  ok?: boolean;
  code?: string;
  mentions?: string[];
  retryable?: boolean;
  retryAfterMs?: number;
}

interface CorpusCase {
  name: string;
  response: {
    status: number;
    contentType: string;
    file?: string;
    generate?: 'enormous-chunked' | 'enormous-declared';
    headers?: Record<string, string>;
  };
  expect: Record<string, Expectation>;
}

interface Corpus {
  endpoints: ClientEndpoint[];
  cases: CorpusCase[];
}

type ClientEndpoint = Extract<
  EndpointName,
  | 'hello'
  | 'upload'
  | 'status'
  | 'messageList'
  | 'messagePage'
  | 'download'
  | 'validate'
  | 'toPdf'
  | 'signatureCheck'
  | 'transportUpload'
  | 'transportStatus'
  | 'transportList'
>;

const corpus = JSON.parse(
  fs.readFileSync(path.join(CORPUS, 'cases.json'), 'utf8'),
) as Corpus;

/** Calls one client method with a request its own checks accept. */
const CALLS: Record<ClientEndpoint, (client: AnafClient) => Promise<unknown>> =
  {
    hello: (client) => client.hello(),
    upload: (client) =>
      client.upload({ apiPath: 'test', cif: CIF, standard: 'UBL', body: XML }),
    status: (client) =>
      client.status({ apiPath: 'test', uploadIndex: '5001000001' }),
    messageList: (client) =>
      client.listMessages({ apiPath: 'test', cif: CIF, days: 10 }),
    messagePage: (client) =>
      client.listMessagePage({
        apiPath: 'test',
        cif: CIF,
        window: listWindow(new Date())!,
        page: 1,
      }),
    download: (client) =>
      client.download({ apiPath: 'test', downloadId: '3001000001' }),
    validate: (client) => client.validate({ standard: 'FACT1', xml: XML }),
    toPdf: (client) => client.convertToPdf({ standard: 'FACT1', xml: XML }),
    signatureCheck: (client) =>
      client.checkSignature({ invoice: XML, signature: XML }),
    transportUpload: (client) =>
      client.transportUpload({ apiPath: 'test', cif: CIF, xml: XML }),
    transportStatus: (client) =>
      client.transportStatus({ apiPath: 'test', uploadIndex: '4100000001' }),
    transportList: (client) =>
      client.transportList({ apiPath: 'test', cif: CIF, days: 10 }),
  };

/** Creates a self-signed certificate for 127.0.0.1 with node-forge. */
function selfSignedCertificate(): { cert: string; key: string } {
  // Node makes the key because node-forge's RSA in JavaScript takes seconds.
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = pair.privateKey
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const publicPem = pair.publicKey
    .export({ type: 'spki', format: 'pem' })
    .toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const subject = [{ name: 'commonName', value: '127.0.0.1' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keyPem };
}

/** The case the server responds with, and the call it is served to. */
const current: { case: CorpusCase | null; endpoint: ClientEndpoint } = {
  case: null,
  endpoint: 'hello',
};

/** Streams past the endpoint's size cap until the client hangs up. */
function streamEnormous(response: ServerResponse, declared: boolean): void {
  const cap = ENDPOINTS[current.endpoint].limits.maxResponseBytes;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  if (declared)
    response.setHeader('content-length', String(1024 * 1024 * 1024));
  let sent = 0;
  const pump = (): void => {
    while (sent <= cap + 4 * chunk.length && !response.destroyed) {
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    if (!response.destroyed && !declared) response.end();
  };
  pump();
}

function respond(request: IncomingMessage, response: ServerResponse): void {
  request.resume();
  const corpusCase = current.case;
  if (!corpusCase) {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('Hello, efactura');
    return;
  }
  const { status, contentType, file, generate, headers } = corpusCase.response;
  response.statusCode = status;
  response.setHeader('content-type', contentType);
  for (const [name, value] of Object.entries(headers ?? {}))
    response.setHeader(name, value);
  response.on('error', () => undefined);
  if (generate) {
    streamEnormous(response, generate === 'enormous-declared');
    return;
  }
  response.end(fs.readFileSync(path.join(CORPUS, file ?? '')));
}

let server: Server;
let transport: AnafTransport;
let client: AnafClient;

beforeAll(async () => {
  const pem = selfSignedCertificate();
  server = createServer({ cert: pem.cert, key: pem.key }, respond);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  transport = createTransport({
    kind: 'sandbox',
    idpUrl: `${origin}/anaf-oauth2/v1`,
    apiUrl: origin,
    publicUrl: `${origin}/public`,
    caCertificate: pem.cert,
  });
  client = createAnafClient({
    transport,
    tokens: {
      accessToken: async () => ACCESS_TOKEN,
      refreshAfterRejection: async () => null,
    },
    logger: createMemoryLogger().logger,
  });
});

afterAll(async () => {
  await transport.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Runs a call and returns what it threw, or 'resolved'. */
async function outcomeOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
    return 'resolved';
  } catch (error) {
    return error;
  }
}

describe('ANAF response corpus files', () => {
  it('every case file exists', () => {
    const missing = corpus.cases
      .map((corpusCase) => corpusCase.response.file)
      .filter((file): file is string => file !== undefined)
      .filter((file) => !fs.existsSync(path.join(CORPUS, file)));
    expect(missing).toEqual([]);
  });

  it('every case has a default or every endpoint', () => {
    const incomplete = corpus.cases.filter(
      (corpusCase) =>
        !corpusCase.expect['*'] &&
        corpus.endpoints.some((name) => !corpusCase.expect[name]),
    );
    expect(incomplete.map((corpusCase) => corpusCase.name)).toEqual([]);
  });

  it('lists every client call', () => {
    expect([...corpus.endpoints].sort()).toEqual(Object.keys(CALLS).sort());
  });
});

describe.each(corpus.cases)('ANAF response: $name', (corpusCase) => {
  it.each(corpus.endpoints)('%s', async (endpoint) => {
    const expected =
      corpusCase.expect[endpoint] ?? corpusCase.expect['*'] ?? {};
    current.case = corpusCase;
    current.endpoint = endpoint;
    const outcome = await outcomeOf(() => CALLS[endpoint](client));

    if (expected.ok) {
      expect(outcome).toBe('resolved');
      return;
    }
    expect(outcome).toBeInstanceOf(AppFailure);
    const failure = outcome as AppFailure;
    expect(failure.code).toBe(expected.code);
    for (const mention of expected.mentions ?? []) {
      expect(failure.message.toLowerCase()).toContain(mention.toLowerCase());
    }
    expect(failure.message).not.toContain(ACCESS_TOKEN);
    expect(JSON.stringify(failure.details ?? {})).not.toContain(ACCESS_TOKEN);
    if (expected.retryable !== undefined) {
      expect(failure.details?.retryable).toBe(expected.retryable);
    }
    if (expected.retryAfterMs !== undefined) {
      expect(failure.details?.retryAfterMs).toBe(expected.retryAfterMs);
    }
  });
});

describe('ANAF client after the corpus', () => {
  it('still parses a normal response', async () => {
    current.case = null;
    const result = await client.hello();
    expect(result.greeting).toBe('Hello, efactura');
  });
});
