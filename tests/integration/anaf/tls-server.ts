// A small HTTPS server on 127.0.0.1 with a CA and certificates made by
// node-forge, for transport tests that need real TLS but not the sandbox.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';

export interface Pem {
  cert: string;
  key: string;
}

function serialNumber(): string {
  return forge.util
    .bytesToHex(forge.random.getBytesSync(8))
    .replace(/^[89a-f]/, '1');
}

function makeCertificate(
  subject: string,
  issuer: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } | null,
  extensions: object[],
): { pem: Pem; cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  cert.setSubject([{ name: 'commonName', value: subject }]);
  cert.setIssuer(
    issuer
      ? issuer.cert.subject.attributes
      : [{ name: 'commonName', value: subject }],
  );
  cert.setExtensions(extensions);
  cert.sign(issuer ? issuer.key : keys.privateKey, forge.md.sha256.create());
  return {
    pem: {
      cert: forge.pki.certificateToPem(cert),
      key: forge.pki.privateKeyToPem(keys.privateKey),
    },
    cert,
    key: keys.privateKey,
  };
}

export interface TestPki {
  ca: Pem;
  server: Pem;
  client: Pem;
}

/** Creates a CA, a server certificate for 127.0.0.1 and a client certificate. */
export function createTestPki(name = 'Transport Test CA'): TestPki {
  const ca = makeCertificate(name, null, [
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true },
  ]);
  const server = makeCertificate('127.0.0.1', ca, [
    { name: 'basicConstraints', cA: false },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
  ]);
  const client = makeCertificate('Test Representative', ca, [
    { name: 'basicConstraints', cA: false },
    { name: 'extKeyUsage', clientAuth: true },
  ]);
  return { ca: ca.pem, server: server.pem, client: client.pem };
}

export type Handler = (
  request: IncomingMessage,
  response: ServerResponse,
) => void;

export interface RunningServer {
  origin: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts an HTTPS server on port 0 that requests, but does not require, a client certificate. */
export async function startTlsServer(
  pki: TestPki,
  handler: Handler,
): Promise<RunningServer> {
  const server = createServer(
    {
      cert: pki.server.cert,
      key: pki.server.key,
      ca: pki.ca.cert,
      requestCert: true,
      rejectUnauthorized: false,
    },
    handler,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
