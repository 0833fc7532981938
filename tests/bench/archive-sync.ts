// Benchmark, not a test: how many ANAF calls one sync spends per invoice it
// downloads. Runs the whole core against the embedded sandbox seeded with
// several hundred messages, syncs every company the certificate has rights
// on, then reads the sandbox's own counters of list and download calls.
// Prints one JSON object. Run: node tests/bench/archive-sync.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Agent, fetch } from 'undici';
import { createAppCore } from '../../electron/core/app/app-core.ts';
import type { SettingsStore } from '../../electron/core/app/settings-service.ts';
import { createDispatcher } from '../../electron/core/ipc/dispatcher.ts';
import { createMemoryLogger } from '../../electron/core/log/logger.ts';
import { MemoryVault } from '../../electron/core/vault/index.ts';
import type { SyncProgress } from '../../shared/domain.ts';

const SEED_MESSAGES = Number(process.env.BENCH_SEED_MESSAGES ?? 600);
const API_ENDPOINTS = ['listaMesajePaginatieFactura', 'listaMesajeFactura', 'descarcare'];

interface EndpointCounts {
  statuses: Record<string, number>;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-bench-sync-'));
  let stored: Record<string, unknown> = { rateLimitPerMinute: 1000 };
  const settingsStore: SettingsStore = { read: () => ({ ...stored }), write: (settings) => (stored = { ...settings }) };
  const { logger } = createMemoryLogger();
  const core = createAppCore({
    shell: 'browser',
    version: 'bench',
    dataDir,
    logger,
    settingsStore,
    vault: new MemoryVault(),
    login: { openLoginUrl: async () => undefined },
    openExternal: async () => undefined,
    emit: () => undefined,
    startSyncAtLaunch: false,
    sandbox: { rateLimit: 3000, seedMessages: SEED_MESSAGES, seed: 'bench-archive-sync' },
  });
  const dispatch = createDispatcher(core.handlers, logger);
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = await dispatch(channel, input, { shell: 'browser', sender: 'bench' });
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };

  try {
    const certificates = await call<Array<{ index: number; cifs: string[] }>>('accounts.sandboxCertificates');
    const certificate = [...certificates].sort((a, b) => b.cifs.length - a.cifs.length)[0];
    if (!certificate) throw new Error('the sandbox has no certificate');
    const account = await call<{ id: string }>('accounts.loginSandbox', { certificateIndex: certificate.index });
    for (const cif of certificate.cifs) await call('companies.add', { cif, accountId: account.id });

    const started = Date.now();
    const progress = await call<SyncProgress[]>('sync.run', {});
    const seconds = (Date.now() - started) / 1000;

    const info = core.services.sandbox.info();
    if (!info) throw new Error('the sandbox is not running');
    const dispatcher = new Agent({ connect: { ca: fs.readFileSync(info.caCertPath, 'utf8') } });
    const response = await fetch(`${info.adminUrl}/counters`, { headers: { 'x-admin-key': info.adminKey }, dispatcher });
    const counters = (await response.json()) as { endpoints?: Record<string, EndpointCounts> } & Record<string, unknown>;
    const endpoints = (counters.endpoints ?? counters) as Record<string, EndpointCounts>;
    const calls = API_ENDPOINTS.reduce(
      (sum, name) => sum + Object.values(endpoints[name]?.statuses ?? {}).reduce((a, b) => a + b, 0),
      0,
    );
    const downloaded = progress.reduce((sum, company) => sum + company.downloaded, 0);
    await dispatcher.close();
    process.stdout.write(
      `${JSON.stringify({
        companies: certificate.cifs.length,
        listed: progress.reduce((sum, company) => sum + company.listed, 0),
        downloaded,
        calls,
        callsPerDownloadedInvoice: downloaded > 0 ? calls / downloaded : null,
        seconds,
      })}\n`,
    );
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`archive-sync benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
