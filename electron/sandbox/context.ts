// What every handler works with: the running sandbox's services and
// settings, and the call being handled.
import type { IncomingMessage } from 'node:http';
import type { ClientCertificate, SandboxCertificates } from './certificates.ts';
import type { EndpointName } from './endpoints.ts';
import type { FaultTable } from './faults.ts';
import { readBody, type ReadBody } from './http.ts';
import type { SlidingWindowLimiter } from './limits.ts';
import type {
  DailyLimits,
  RevokeMode,
  SandboxLogger,
  SignatureShape,
} from './options.ts';
import type { CompanyRegistry, Rights } from './registry.ts';
import type { SandboxStore } from './store.ts';
import type { Grant, TokenService } from './tokens.ts';
import type { AuthorizationCodes } from './codes.ts';
import type { Counters } from './counters.ts';

/**
 * The sandbox's time: the wall clock plus whatever the admin moved it by.
 * The offset is kept with the state, so that records made after a move are
 * not in the future after a restart.
 */
export class Clock {
  private readonly base: () => Date;
  private readonly onAdvance: (offsetMs: number) => void;
  private offsetMs: number;

  constructor(
    base: () => Date,
    offsetMs = 0,
    onAdvance: (offsetMs: number) => void = () => undefined,
  ) {
    this.base = base;
    this.offsetMs = offsetMs;
    this.onAdvance = onAdvance;
  }

  now(): Date {
    return new Date(this.base().getTime() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
    this.onAdvance(this.offsetMs);
  }
}

/** Settings the admin endpoint can change while the sandbox runs. */
export interface Settings {
  processingMs: number;
  listLagMs: number;
  signatureShape: SignatureShape;
  revokeMode: RevokeMode;
  oldRefreshTokenValid: boolean;
  codeLifetimeSeconds: number;
  dailyLimits: DailyLimits;
  redirectUris: string[];
}

export interface Sandbox {
  settings: Settings;
  store: SandboxStore;
  registry: CompanyRegistry;
  rights: Rights;
  tokens: TokenService;
  codes: AuthorizationCodes;
  limiter: SlidingWindowLimiter;
  faults: FaultTable;
  counters: Counters;
  clock: Clock;
  certificates: SandboxCertificates;
  clientsBySerial: Map<string, ClientCertificate>;
  enforcementCifs: Set<string>;
  logger: SandboxLogger;
  /** Aborted when the sandbox closes, to end pending delays. */
  closing: AbortSignal;
}

export class Call {
  readonly sandbox: Sandbox;
  readonly req: IncomingMessage;
  readonly url: URL;
  readonly now: Date;
  readonly endpoint: EndpointName;
  /** Captures of the route's path pattern. */
  readonly params: string[];
  /** The access token's grant, on API calls that passed the gateway. */
  grant: Grant | null = null;
  /** Set by a handler that recorded an upload, for the admin's fault log. */
  recordedUploadIndex: string | null = null;

  constructor(
    sandbox: Sandbox,
    req: IncomingMessage,
    url: URL,
    now: Date,
    endpoint: EndpointName,
    params: string[],
  ) {
    this.sandbox = sandbox;
    this.req = req;
    this.url = url;
    this.now = now;
    this.endpoint = endpoint;
    this.params = params;
  }

  query(name: string): string | null {
    return this.url.searchParams.get(name);
  }

  body(maxBytes: number): Promise<ReadBody> {
    return readBody(this.req, maxBytes);
  }

  /** Returns the grant of an API call, which every handler behind the gateway has. */
  requireGrant(): Grant {
    if (!this.grant) throw new Error(`No grant on API call ${this.endpoint}`);
    return this.grant;
  }
}
