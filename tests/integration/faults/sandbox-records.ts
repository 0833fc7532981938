/**
 * The sandbox's own records, which the suites compare the app with: the
 * admin endpoint (uploads with their SHA-256, counters, faults) and the
 * saved state file (list messages and daily counters), which the admin
 * endpoint does not serve.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Agent, request } from 'undici';
import type { SandboxInfo } from '../../../electron/sandbox/index.ts';
import {
  DEFAULT_DAILY_LIMITS,
  type DailyLimits,
} from '../../../electron/sandbox/options.ts';

/** One upload as the admin endpoint lists it. */
export interface SandboxUpload {
  index: string;
  cif: string;
  sha256: string;
  state: string;
  downloadId: string | null;
  /** Failed rules of a `nok` upload, or the structural error at upload. */
  errors: string[];
}

export interface EndpointCounters {
  statuses: Record<string, number>;
  rateLimited: number;
  injected429: number;
  resets: number;
}

export interface FaultEvent {
  endpoint: string;
  kind: string;
  recorded: boolean;
  uploadIndex: string | null;
}

export interface SandboxCounters {
  endpoints: Record<string, EndpointCounters>;
  faults: FaultEvent[];
}

/** A list message as the sandbox stores it; times are epoch ms. */
export interface StoredMessage {
  id: string;
  cif: string;
  uploadIndex: string;
  tip: string;
  createdAt: number;
  visibleAt: number;
}

export interface SandboxAdmin {
  uploads(): Promise<SandboxUpload[]>;
  counters(): Promise<SandboxCounters>;
  /** Replaces every fault with `specs` (`endpoint:kind[=value][@count]`). */
  setFaults(specs: readonly string[]): Promise<void>;
  faults(): Promise<string[]>;
  close(): Promise<void>;
}

export function createSandboxAdmin(info: SandboxInfo): SandboxAdmin {
  const agent = new Agent({
    connect: { ca: readFileSync(info.caCertPath, 'utf8') },
  });
  const call = async (
    method: 'GET' | 'PUT',
    subpath: string,
    body?: unknown,
  ): Promise<unknown> => {
    const response = await request(`${info.adminUrl}${subpath}`, {
      method,
      dispatcher: agent,
      headers: {
        'x-admin-key': info.adminKey,
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await response.body.json();
    if (response.statusCode !== 200) {
      throw new Error(
        `Sandbox admin ${method} ${subpath} failed with ${response.statusCode}: ${JSON.stringify(json)}`,
      );
    }
    return json;
  };

  return {
    uploads: async () =>
      ((await call('GET', '/uploads')) as { uploads: SandboxUpload[] }).uploads,
    counters: async () => (await call('GET', '/counters')) as SandboxCounters,
    setFaults: async (specs) => {
      await call('PUT', '/faults', { faults: specs });
    },
    faults: async () =>
      ((await call('GET', '/faults')) as { faults: string[] }).faults,
    close: () => agent.close(),
  };
}

/** The part of the sandbox's `state.json` the checks read. */
export interface SandboxState {
  messages: StoredMessage[];
  /** Calls counted against a daily limit, by `day|limit name|subject`. */
  daily: Record<string, number>;
}

const STATE_VERSION = 1;

/**
 * Reads the state a sandbox with a state folder saved. The sandbox writes
 * it 200 ms after a change and on close, so read it after closing.
 */
export function readSandboxState(stateDir: string): SandboxState {
  const file = path.join(stateDir, 'state.json');
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SandboxState & {
    version: number;
  };
  if (saved.version !== STATE_VERSION) {
    throw new Error(
      `The sandbox state in ${file} has version ${saved.version}; these checks read version ${STATE_VERSION}.`,
    );
  }
  return { messages: saved.messages, daily: saved.daily };
}

/** The daily limit each counter name of the sandbox is checked against. */
const DAILY_LIMIT_OF: Record<string, keyof DailyLimits> = {
  stareMesaj: 'stareMesajPerMessage',
  descarcare: 'descarcarePerMessage',
  listaMesajeFactura: 'simpleListPerCif',
  listaMesajePaginatieFactura: 'pagedListPerCif',
};

/**
 * Returns the daily counters that reached their limit. The sandbox stops
 * counting at the limit and refuses further calls, so a counter below its
 * limit proves that no call was refused for it.
 */
export function countersAtDailyLimit(
  daily: Record<string, number>,
  limits: DailyLimits = DEFAULT_DAILY_LIMITS,
): string[] {
  return Object.entries(daily)
    .filter(([key, used]) => {
      const name = key.split('|')[1] ?? '';
      const limitName = DAILY_LIMIT_OF[name];
      return limitName !== undefined && used >= limits[limitName];
    })
    .map(([key, used]) => `${key}=${used}`);
}

/** Sums the 429s the per-minute limit sent, over every endpoint. */
export function rateLimitedCount(counters: SandboxCounters): number {
  return Object.values(counters.endpoints).reduce(
    (sum, endpoint) => sum + endpoint.rateLimited,
    0,
  );
}

/** Counts the sandbox's uploads of each SHA-256. */
export function countByHash(
  uploads: readonly SandboxUpload[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const upload of uploads) {
    counts.set(upload.sha256, (counts.get(upload.sha256) ?? 0) + 1);
  }
  return counts;
}
