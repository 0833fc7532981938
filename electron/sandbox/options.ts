// Everything a sandbox start can set, with ANAF's documented values as the
// defaults. Tests shorten lifetimes and lower limits; the app and the
// `efactura sandbox` command mostly keep the defaults.
import type { FaultSpec } from './faults.ts';

export type RevokeMode = 'redirect' | 'rfc7009';
export type SignatureShape = 'detached' | 'enveloped';

/** A representative's certificate and the CIFs it has SPV rights on. */
export interface CertificateRights {
  /** The person named in the certificate's CN. */
  name: string;
  cifs: string[];
}

/** ANAF's per-day limits (reset at midnight, Romania time). */
export interface DailyLimits {
  /** `stareMesaj` queries per upload index. */
  stareMesajPerMessage: number;
  /** `descarcare` downloads per download id. */
  descarcarePerMessage: number;
  /** `listaMesajeFactura` queries per CIF. */
  simpleListPerCif: number;
  /** `listaMesajePaginatieFactura` queries per CIF. */
  pagedListPerCif: number;
  /** RASP (buyer message) uploads per CIF. */
  raspUploadsPerCif: number;
  /** e-Transport `stareMesaj` queries per upload index. */
  etransportStatusPerMessage: number;
  /** e-Transport `lista` queries per user (certificate). */
  etransportListPerUser: number;
}

/** Anything that takes log lines; the app's Logger fits this shape. */
export interface SandboxLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** API calls allowed in any sliding 60-second window. */
  rateLimit?: number;
  /** Invoices to seed between registry companies on a new state. */
  seedMessages?: number;
  /** Seed text that makes the seeded invoices and ids deterministic. */
  seed?: string;
  /** Folder that keeps certificates and state across restarts. */
  stateDir?: string;
  /**
   * Folder for the certificate files, reused when they exist. Defaults to
   * `<stateDir>/certificates`, or a temporary folder removed on close.
   */
  certificatesDir?: string;
  faults?: (string | FaultSpec)[];
  /** Registered callback URLs; each must be `https://`. */
  redirectUris?: string[];
  clientId?: string;
  clientSecret?: string;
  certificates?: CertificateRights[];
  accessTokenLifetimeSeconds?: number;
  refreshTokenLifetimeSeconds?: number;
  /** How long an authorization code can be exchanged. */
  codeLifetimeSeconds?: number;
  /** Whether a refresh token keeps working after it has been rotated. */
  oldRefreshTokenValid?: boolean;
  revokeMode?: RevokeMode;
  /** How long an upload stays `in prelucrare`. */
  processingMs?: number;
  /** How long after the final state a message appears in the lists. */
  listLagMs?: number;
  signatureShape?: SignatureShape;
  dailyLimits?: Partial<DailyLimits>;
  /** CIFs in the enforcement register that `executare=DA` requires. */
  enforcementCifs?: string[];
  adminKey?: string;
  /** The wall clock; the admin endpoint can move the sandbox's time ahead. */
  now?: () => Date;
  logger?: SandboxLogger;
}

export const DEFAULT_REDIRECT_URI = 'https://localhost:9002/callback';

export const DEFAULT_DAILY_LIMITS: DailyLimits = {
  stareMesajPerMessage: 100,
  descarcarePerMessage: 10,
  simpleListPerCif: 1500,
  pagedListPerCif: 100_000,
  raspUploadsPerCif: 1000,
  etransportStatusPerMessage: 100,
  etransportListPerUser: 1000,
};

export const DEFAULTS = {
  port: 0,
  rateLimit: 100,
  seedMessages: 0,
  seed: 'efactura-sandbox',
  accessTokenLifetimeSeconds: 90 * 86_400,
  refreshTokenLifetimeSeconds: 365 * 86_400,
  codeLifetimeSeconds: 60,
  oldRefreshTokenValid: true,
  revokeMode: 'redirect' as RevokeMode,
  processingMs: 3000,
  listLagMs: 0,
  signatureShape: 'detached' as SignatureShape,
};

/** Representatives used when none are configured: two with rights, one without. */
export function defaultCertificates(seededCifs: string[]): CertificateRights[] {
  const [first, second, third] = seededCifs;
  if (first === undefined || second === undefined || third === undefined) {
    throw new Error('The sandbox needs at least three seeded companies');
  }
  return [
    { name: 'Andreea Ionescu', cifs: [first, second] },
    { name: 'Mihai Popescu', cifs: [third] },
    { name: 'Elena Dumitrescu', cifs: [] },
  ];
}

export const silentLogger: SandboxLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
