// The whole core behind the IPC contract, as both shells serve it: the
// embedded sandbox over HTTPS, real SQLite and files, a login, a company and
// an upload followed to ANAF's verdict, all through `dispatch`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../electron/core/app/app-core.ts';
import type { SettingsStore } from '../../../electron/core/app/settings-service.ts';
import { createDispatcher, type Dispatch } from '../../../electron/core/ipc/dispatcher.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { MemoryVault } from '../../../electron/core/vault/index.ts';
import type { AccountSummary, InvoiceDocument, InvoicePage, SyncProgress, UploadRecord } from '../../../shared/domain.ts';
import type { EventName } from '../../../shared/ipc/contract.ts';
import { replaceSellerCif } from '../../helpers/replace-seller.ts';

const fixtures = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'invoices', 'cius-ro');
const context = { shell: 'browser' as const, sender: 'test' };

let dataDir: string;
let core: AppCore;
let dispatch: Dispatch;
const events: Array<{ event: EventName; payload: unknown }> = [];

function memorySettings(): SettingsStore {
  let stored: Record<string, unknown> = { rateLimitPerMinute: 1000 };
  return { read: () => ({ ...stored }), write: (settings) => (stored = { ...settings }) };
}

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await dispatch(channel, input, context);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

function waitForUpload(predicate: (upload: UploadRecord) => boolean, timeoutMs = 20_000): Promise<UploadRecord> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching upload event')), timeoutMs);
    const check = setInterval(() => {
      const found = events.find((entry) => entry.event === 'uploads.changed' && predicate(entry.payload as UploadRecord));
      if (found) {
        clearTimeout(timer);
        clearInterval(check);
        resolve(found.payload as UploadRecord);
      }
    }, 50);
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-flow-'));
  const { logger } = createMemoryLogger();
  core = createAppCore({
    shell: 'browser',
    version: '0.0.0-test',
    dataDir,
    logger,
    settingsStore: memorySettings(),
    vault: new MemoryVault(),
    login: { openLoginUrl: async () => undefined },
    openExternal: async () => undefined,
    emit: (event, payload) => events.push({ event, payload }),
    sandbox: { processingMs: 50, rateLimit: 3000, seedMessages: 30, seed: 'app-core-flow' },
    startSyncAtLaunch: false,
  });
  dispatch = createDispatcher(core.handlers, logger);
}, 120_000);

afterAll(async () => {
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('app core over the contract', () => {
  let account: AccountSummary;
  let cif: string;

  it('logs in with a sandbox certificate', async () => {
    const certificates = await call<Array<{ index: number; cifs: string[] }>>('accounts.sandboxCertificates');
    const withRights = certificates.find((certificate) => certificate.cifs.length > 0);
    expect(withRights).toBeDefined();
    account = await call<AccountSummary>('accounts.loginSandbox', { certificateIndex: withRights?.index });
    cif = withRights?.cifs[0] ?? '';
    expect(account.status).toBe('ok');
    expect(account.provider).toBe('sandbox');
  });

  it('answers the connection test', async () => {
    const { answer } = await call<{ answer: string }>('accounts.testConnection', { accountId: account.id });
    expect(answer).toMatch(/^Hello/);
  });

  it('follows a company', async () => {
    await call('companies.add', { cif, accountId: account.id, name: 'Firma de test' });
    const companies = await call<Array<{ cif: string }>>('companies.list');
    expect(companies.map((company) => company.cif)).toEqual([cif]);
  });

  it('files an invoice and follows it to ok', async () => {
    const xml = replaceSellerCif(fs.readFileSync(path.join(fixtures, 'ubl_b2g_example0.xml')), cif);
    const [record] = await call<UploadRecord[]>('uploads.submit', {
      cif,
      files: [{ name: 'example0.xml', base64: xml.toString('base64') }],
      acceptWarnings: false,
      allowDuplicate: false,
    });
    const accepted = await waitForUpload((upload) => upload.id === record?.id && upload.state === 'accepted');
    expect(accepted.uploadIndex).toMatch(/^\d+$/);
  });

  // The list window ends a minute in the past (against ANAF's clock), so
  // the sync finds the sandbox's seeded messages, not the invoice just filed.
  it('syncs the seeded messages into the archive', async () => {
    const [progress] = await call<SyncProgress[]>('sync.run', { cif });
    expect(progress?.error).toBeNull();
    expect(progress?.listed).toBeGreaterThan(0);
    expect(progress?.downloaded).toBe(progress?.listed);
  });

  it('lists the archived invoices with totals', async () => {
    const page = await call<InvoicePage>('invoices.query', { cif });
    expect(page.total).toBeGreaterThan(0);
    expect(page.totals?.length).toBeGreaterThan(0);
  });

  it('opens an archived invoice as a document', async () => {
    const page = await call<InvoicePage>('invoices.query', { cif, direction: 'received' });
    const row = page.rows[0] ?? (await call<InvoicePage>('invoices.query', { cif })).rows[0];
    const document = await call<InvoiceDocument>('invoices.document', { cif, messageId: row?.messageId });
    expect(document.invoice?.number).toBe(row?.number);
    expect(document.signature?.digestMatches).toBe(true);
  });

  it('saves an invoice as PDF into the exports folder', async () => {
    const page = await call<InvoicePage>('invoices.query', { cif });
    const saved = await call<{ savedTo: string }>('invoices.save', { cif, messageId: page.rows[0]?.messageId, format: 'pdf' });
    expect(saved.savedTo.startsWith(path.join(dataDir, 'exports'))).toBe(true);
    expect(fs.readFileSync(saved.savedTo).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('moves the archive to a folder set in the settings', async () => {
    const target = path.join(dataDir, 'moved-archive');
    await call('settings.set', { archiveDir: target });
    const zips = fs.readdirSync(path.join(target, cif), { recursive: true }).filter((name) => String(name).endsWith('.zip'));
    expect(zips.length).toBeGreaterThan(0);
    const page = await call<InvoicePage>('invoices.query', { cif });
    const document = await call<InvoiceDocument>('invoices.document', { cif, messageId: page.rows[0]?.messageId });
    expect(document.problem).toBeNull();
  });

  it('refuses a relative archive folder', async () => {
    const result = await dispatch('settings.set', { archiveDir: 'relative/folder' }, context);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('input.invalid');
  });

  it('a second sync downloads nothing', async () => {
    const [progress] = await call<SyncProgress[]>('sync.run', { cif });
    expect(progress?.downloaded).toBe(0);
  });

  it('refuses the same bytes a second time', async () => {
    const xml = replaceSellerCif(fs.readFileSync(path.join(fixtures, 'ubl_b2g_example0.xml')), cif);
    const result = await dispatch(
      'uploads.submit',
      { cif, files: [{ name: 'again.xml', base64: xml.toString('base64') }], acceptWarnings: false, allowDuplicate: false },
      context,
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('upload.duplicate');
  });

  it('names an unknown company when uploading', async () => {
    const result = await dispatch(
      'uploads.check',
      { cif: '18547290', files: [{ name: 'a.xml', base64: Buffer.from('<Invoice/>').toString('base64') }] },
      context,
    );
    const problems = result.ok ? (result.value as Array<{ problems: Array<{ message: string }> }>)[0]?.problems : [];
    expect(problems?.some((problem) => problem.message.includes('18547290'))).toBe(true);
  });
});
