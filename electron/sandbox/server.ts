// Starting and stopping the sandbox: one HTTPS port on 127.0.0.1 whose TLS
// handshake requests (but does not require) a client certificate. So
// `authorize` can identify who is logging in, and every other path works
// without a certificate.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PATH } from './admin.ts';
import { loadOrCreateCertificates } from './certificates.ts';
import { AuthorizationCodes } from './codes.ts';
import { Clock, type Sandbox, type Settings } from './context.ts';
import { Counters } from './counters.ts';
import { SEEDED_COMPANIES } from './documents/index.ts';
import { FaultTable, toFaultSpec } from './faults.ts';
import { SlidingWindowLimiter } from './limits.ts';
import {
  DEFAULT_DAILY_LIMITS,
  DEFAULT_REDIRECT_URI,
  DEFAULTS,
  defaultCertificates,
  silentLogger,
  type CertificateRights,
  type SandboxOptions,
} from './options.ts';
import { handleRequest } from './pipeline.ts';
import { checkCertificateRights, CompanyRegistry, Rights } from './registry.ts';
import { IDP_PATH, PUBLIC_PATH } from './routes.ts';
import { seedInvoices } from './seed.ts';
import { SandboxStore } from './store.ts';
import { TokenService } from './tokens.ts';

/** A representative's certificate files and rights, as printed at start-up. */
export interface SandboxCertificateInfo {
  name: string;
  subject: string;
  serial: string;
  certPath: string;
  keyPath: string;
  pfxPath: string;
  passphrase: string;
  cifs: string[];
}

/** Connection details for a client, printed as the start-up JSON line. */
export interface SandboxInfo {
  /** Base of authorize, token and revoke (logincert.anaf.ro/anaf-oauth2/v1). */
  idpUrl: string;
  /** Stands for https://api.anaf.ro. */
  apiUrl: string;
  /** Stands for https://webservicesp.anaf.ro. */
  publicUrl: string;
  adminUrl: string;
  adminKey: string;
  caCertPath: string;
  clientId: string;
  clientSecret: string;
  /** The first registered callback URL. */
  redirectUri: string;
  redirectUris: string[];
  certificates: SandboxCertificateInfo[];
}

export interface RunningSandbox {
  info: SandboxInfo;
  port: number;
  /** The sandbox's current time (the wall clock plus any admin offset). */
  now(): Date;
  /** Moves the sandbox's clock ahead, as the admin endpoint does. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

function seedNumber(seed: string, modulo: number): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) % modulo;
}

function checkRedirectUris(uris: string[]): void {
  if (uris.length === 0)
    throw new Error('At least one redirect URI must be registered');
  for (const uri of uris) {
    if (!uri.startsWith('https://')) {
      throw new Error(
        `Invalid redirect URI ${uri}: ANAF registers only https:// callbacks`,
      );
    }
    new URL(uri);
  }
}

function settingsFrom(
  options: SandboxOptions,
  redirectUris: string[],
): Settings {
  return {
    processingMs: options.processingMs ?? DEFAULTS.processingMs,
    listLagMs: options.listLagMs ?? DEFAULTS.listLagMs,
    signatureShape: options.signatureShape ?? DEFAULTS.signatureShape,
    revokeMode: options.revokeMode ?? DEFAULTS.revokeMode,
    oldRefreshTokenValid:
      options.oldRefreshTokenValid ?? DEFAULTS.oldRefreshTokenValid,
    codeLifetimeSeconds:
      options.codeLifetimeSeconds ?? DEFAULTS.codeLifetimeSeconds,
    dailyLimits: { ...DEFAULT_DAILY_LIMITS, ...options.dailyLimits },
    redirectUris,
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts a sandbox; resolves once it listens. */
export async function startSandbox(
  options: SandboxOptions = {},
): Promise<RunningSandbox> {
  const logger = options.logger ?? silentLogger;
  const seed = options.seed ?? DEFAULTS.seed;
  const representatives: CertificateRights[] =
    options.certificates ??
    defaultCertificates(SEEDED_COMPANIES.map((company) => company.cif));
  checkCertificateRights(representatives);
  const redirectUris = options.redirectUris ?? [DEFAULT_REDIRECT_URI];
  checkRedirectUris(redirectUris);

  const stateDir = options.stateDir ?? null;
  if (stateDir) mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const temporaryDir =
    stateDir || options.certificatesDir
      ? null
      : mkdtempSync(join(tmpdir(), 'efactura-sandbox-'));
  const certificates = loadOrCreateCertificates(
    options.certificatesDir ??
      join(stateDir ?? temporaryDir ?? '.', 'certificates'),
    representatives.map((representative) => representative.name),
  );

  const offset = seedNumber(seed, 100_000) * 10;
  const store = new SandboxStore(stateDir, {
    clientId: randomBytes(16).toString('hex'),
    clientSecret: randomBytes(24).toString('base64url'),
    firstUploadIndex: 5_001_000_000 + offset,
    firstDownloadId: 3_001_000_000 + offset,
    firstEtransportIndex: 4_100_000_000 + offset,
  });
  if (options.clientId !== undefined || options.clientSecret !== undefined) {
    store.setClient(
      options.clientId ?? store.clientId,
      options.clientSecret ?? store.clientSecret,
    );
  }

  const rights = new Rights();
  const clientsBySerial = new Map(
    certificates.clients.map((client) => [client.serial, client]),
  );
  certificates.clients.forEach((client, i) =>
    rights.set(client.serial, representatives[i]?.cifs ?? []),
  );
  const enforcementCifs =
    options.enforcementCifs ?? representatives[1]?.cifs.slice(0, 1) ?? [];

  const server = createServer({
    key: certificates.server.keyPem,
    cert: certificates.server.certPem,
    ca: [certificates.ca.certPem],
    requestCert: true,
    rejectUnauthorized: false,
  });
  const port = await listen(server, options.port ?? DEFAULTS.port);
  const origin = `https://127.0.0.1:${port}`;
  const closing = new AbortController();
  const adminKey = options.adminKey ?? randomBytes(24).toString('base64url');

  const sandbox: Sandbox = {
    settings: settingsFrom(options, redirectUris),
    store,
    registry: new CompanyRegistry(
      representatives.flatMap((representative) => representative.cifs),
    ),
    rights,
    tokens: new TokenService(store, certificates.idpKeyPem, origin, {
      accessSeconds:
        options.accessTokenLifetimeSeconds ??
        DEFAULTS.accessTokenLifetimeSeconds,
      refreshSeconds:
        options.refreshTokenLifetimeSeconds ??
        DEFAULTS.refreshTokenLifetimeSeconds,
    }),
    codes: new AuthorizationCodes(),
    limiter: new SlidingWindowLimiter(options.rateLimit ?? DEFAULTS.rateLimit),
    faults: new FaultTable((options.faults ?? []).map(toFaultSpec)),
    counters: new Counters(),
    clock: new Clock(
      options.now ?? (() => new Date()),
      store.clockOffsetMs,
      (offsetMs) => store.setClockOffset(offsetMs),
    ),
    certificates,
    clientsBySerial,
    enforcementCifs: new Set(enforcementCifs),
    logger,
    closing: closing.signal,
  };

  const seedCount = options.seedMessages ?? DEFAULTS.seedMessages;
  if (seedCount > 0 && !store.seeded) {
    const recorded = seedInvoices(
      sandbox,
      seed,
      seedCount,
      sandbox.clock.now(),
    );
    logger.info('invoices seeded', { count: recorded });
  }

  server.on('request', (req, res) => {
    void handleRequest(sandbox, adminKey, req, res);
  });
  logger.info('listening', { origin, stateDir });

  const info: SandboxInfo = {
    idpUrl: `${origin}${IDP_PATH}`,
    apiUrl: origin,
    publicUrl: `${origin}${PUBLIC_PATH}`,
    adminUrl: `${origin}${ADMIN_PATH}`,
    adminKey,
    caCertPath: certificates.caCertPath,
    clientId: store.clientId,
    clientSecret: store.clientSecret,
    redirectUri: redirectUris[0] ?? DEFAULT_REDIRECT_URI,
    redirectUris,
    certificates: certificates.clients.map((client, i) => ({
      ...client,
      cifs: representatives[i]?.cifs ?? [],
    })),
  };

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      closing.abort();
      server.close(() => resolve());
      server.closeAllConnections();
    }).then(() => {
      store.flush();
      if (temporaryDir) rmSync(temporaryDir, { recursive: true, force: true });
      logger.info('stopped', { origin });
    });
    return closed;
  };

  return {
    info,
    port,
    now: () => sandbox.clock.now(),
    advanceClock: (ms) => sandbox.clock.advance(ms),
    close,
  };
}
