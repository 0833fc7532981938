// The canary run against the real browser shell and its embedded sandbox.
// It logs in twice: once through the browser with a client certificate,
// which shows the authorization code, and once with the certificate
// presented by the core. A connection test makes the sandbox echo the token,
// and every screen of the renderer is opened in Chromium.
//
// Then each secret value (tokens, the authorization code, the client secret,
// the certificate passphrases) is searched for in every WebSocket message,
// the renderer's DOM, storage and request URLs, the shell's output and the
// log files. The search also covers every file of the data folder outside
// the vault and the sandbox's own folder. None may appear.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  connectContract,
  launchShell,
  valueOf,
  waitForSandbox,
  walkFiles,
  type ContractClient,
  type RunningShell,
} from './security-shell.ts';

/** A recognisable client secret that no other value contains by chance. */
const CANARY_CLIENT_SECRET = `CANARY-client-secret-${Date.now().toString(36)}-7f3a9c`;
const CALLBACK_PREFIX = 'https://localhost:9002/callback';

interface SandboxCertificate {
  index: number;
  subject: string;
  serial: string;
  cifs: string[];
}

interface Account {
  id: string;
}

/**
 * Starts the shell once so the sandbox creates its state, then replaces the
 * generated client secret with the canary. The sandbox keeps its client
 * credentials in its state file across restarts.
 */
async function plantClientSecret(dataDir: string): Promise<void> {
  const shell = await launchShell(dataDir);
  const client = await connectContract(shell);
  await waitForSandbox(client);
  client.close();
  await shell.stop();
  const stateFile = path.join(dataDir, 'sandbox', 'state.json');
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as {
    clientSecret: string;
  };
  state.clientSecret = CANARY_CLIENT_SECRET;
  fs.writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
}

/** Finds the PKCS#12 file and passphrase of a sandbox certificate by its serial. */
function certificateFiles(
  dataDir: string,
  serial: string,
): { pfxPath: string; passphrase: string } {
  const folder = path.join(dataDir, 'sandbox', 'certificates');
  const passphrases = JSON.parse(
    fs.readFileSync(path.join(folder, 'passphrases.json'), 'utf8'),
  ) as Record<string, string>;
  for (const [stem, passphrase] of Object.entries(passphrases)) {
    const pem = fs.readFileSync(path.join(folder, `${stem}.pem`));
    if (
      new X509Certificate(pem).serialNumber.toLowerCase() ===
      serial.toLowerCase()
    ) {
      return { pfxPath: path.join(folder, `${stem}.p12`), passphrase };
    }
  }
  throw new Error(`No sandbox certificate file has the serial ${serial}.`);
}

/**
 * Logs in through the browser path: the shell emits the authorize URL, a
 * Chromium tab that presents the certificate follows it, and the sandbox
 * redirects to the callback listener. Returns the code seen in that redirect.
 */
async function loginThroughBrowser(
  browser: Browser,
  client: ContractClient,
  sandboxOrigin: string,
  certificate: SandboxCertificate,
  files: { pfxPath: string; passphrase: string },
): Promise<string> {
  const openUrl = client.nextEvent<{ url: string }>('login.openUrl');
  const login = client.call<Account>('accounts.loginSandbox', {
    certificateIndex: certificate.index,
    viaBrowser: true,
  });
  const { url } = await openUrl;

  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    clientCertificates: [
      {
        origin: sandboxOrigin,
        pfxPath: files.pfxPath,
        passphrase: files.passphrase,
      },
    ],
  });
  const codes: string[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(CALLBACK_PREFIX)) return;
    const code = new URL(request.url()).searchParams.get('code');
    if (code) codes.push(code);
  });
  const tab = await context.newPage();
  await tab.goto(url);
  valueOf(await login);
  await context.close();
  const [code] = codes;
  if (!code)
    throw new Error('The callback redirect carried no authorization code.');
  return code;
}

/** Reads localStorage, sessionStorage, IndexedDB, cookies and Cache Storage. */
function dumpStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: Record<string, unknown> = { cookies: document.cookie };
    const readStorage = (storage: Storage) =>
      Object.fromEntries(
        Array.from(
          { length: storage.length },
          (_, i) => storage.key(i) ?? '',
        ).map((key) => [key, storage.getItem(key)]),
      );
    dump.local = readStorage(localStorage);
    dump.session = readStorage(sessionStorage);
    const databases: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        databases[`${info.name}/${store}`] = await new Promise((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
        });
      }
      db.close();
    }
    dump.indexedDb = databases;
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys())
        cached.push(
          `${request.url} ${await (await cache.match(request))?.text()}`,
        );
    }
    dump.caches = cached;
    return JSON.stringify(dump);
  });
}

/**
 * Uses the renderer: changes one setting, reloads, then opens every screen
 * of the navigation. Returns the DOM of each screen, joined.
 */
async function useRenderer(page: Page, shell: RunningShell): Promise<string> {
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Setări' }).click();
  const rateLimit = page.getByLabel('Apeluri ANAF pe minut');
  await rateLimit.fill('300');
  await rateLimit.blur();
  await expect(page.getByText('Setarea a fost salvată.')).toBeVisible();
  await page.reload();
  const entries = page.locator('nav button');
  await entries.first().waitFor();
  const screens: string[] = [];
  for (let index = 0; index < (await entries.count()); index += 1) {
    await entries.nth(index).click();
    // The screens load their data over the WebSocket, which Playwright's
    // load states do not wait for.
    await page.waitForTimeout(750);
    screens.push(await page.content());
  }
  return screens.join('\n');
}

/** Collects the run's secrets: every vault value, and the payload and signature of each JWT. */
function secretsFromVault(dataDir: string): string[] {
  const vault = JSON.parse(
    fs.readFileSync(path.join(dataDir, 'vault', 'secrets.json'), 'utf8'),
  ) as { secrets: Record<string, string> };
  const secrets: string[] = [];
  for (const value of Object.values(vault.secrets)) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(value);
    } catch {
      // A plain value, such as the client secret.
    }
    if (parsed && typeof parsed === 'object') {
      for (const field of Object.values(parsed))
        if (typeof field === 'string' && field.length >= 16)
          secrets.push(field);
    } else {
      secrets.push(value);
    }
  }
  const parts = secrets.flatMap((secret) =>
    secret.split('.').length === 3 ? secret.split('.').slice(1) : [],
  );
  return [...secrets, ...parts];
}

/** Returns the secrets found in a text, each shortened for the report. */
function leaks(text: string, secrets: readonly string[]): string[] {
  return secrets
    .filter((secret) => text.includes(secret))
    .map((secret) => `${secret.slice(0, 12)}...`);
}

test('no secret leaves the vault', async ({ browser, page }) => {
  test.setTimeout(240_000);
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-canary-'));
  const dataDir = path.join(parent, 'data');
  await plantClientSecret(dataDir);

  const shell = await launchShell(dataDir);
  const frames: string[] = [];
  const requestUrls: string[] = [];
  let code: string;
  let dom: string;
  let storage: string;
  let client: ContractClient | null = null;
  try {
    client = await connectContract(shell);
    const sandboxOrigin = new URL(await waitForSandbox(client)).origin;
    const certificates = valueOf(
      await client.call<SandboxCertificate[]>('accounts.sandboxCertificates'),
    );
    const [first, second] = certificates;
    if (!first || !second)
      throw new Error('The sandbox offers fewer than two certificates.');

    code = await loginThroughBrowser(
      browser,
      client,
      sandboxOrigin,
      first,
      certificateFiles(dataDir, first.serial),
    );
    const account = valueOf(
      await client.call<Account>('accounts.loginSandbox', {
        certificateIndex: second.index,
      }),
    );
    valueOf(
      await client.call('accounts.testConnection', { accountId: account.id }),
    );
    valueOf(
      await client.call('companies.add', {
        cif: second.cifs[0],
        accountId: account.id,
      }),
    );
    valueOf(await client.call('accounts.list'));

    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => frames.push(String(frame.payload)));
      socket.on('framereceived', (frame) => frames.push(String(frame.payload)));
    });
    page.on('request', (request) => requestUrls.push(request.url()));
    dom = await useRenderer(page, shell);
    storage = await dumpStorage(page);
  } finally {
    client?.close();
    await shell.stop();
  }

  const passphrases = Object.values(
    JSON.parse(
      fs.readFileSync(
        path.join(dataDir, 'sandbox', 'certificates', 'passphrases.json'),
        'utf8',
      ),
    ) as Record<string, string>,
  );
  const vaultSecrets = secretsFromVault(dataDir);
  const secrets = [...vaultSecrets, code, CANARY_CLIENT_SECRET, ...passphrases];

  // The run must have produced what it searches for.
  expect(vaultSecrets).toContain(CANARY_CLIENT_SECRET);
  expect(
    vaultSecrets.filter((secret) => secret.startsWith('eyJ')).length,
  ).toBeGreaterThanOrEqual(4);
  expect(code.length).toBeGreaterThanOrEqual(16);
  expect(frames.length).toBeGreaterThan(0);
  const sandboxState = fs.readFileSync(
    path.join(dataDir, 'sandbox', 'state.json'),
    'latin1',
  );
  expect(
    leaks(sandboxState, [CANARY_CLIENT_SECRET]),
    'the search itself',
  ).toHaveLength(1);

  expect(
    leaks(frames.join('\n'), secrets),
    'renderer WebSocket messages',
  ).toEqual([]);
  expect(
    leaks(client?.messages.join('\n') ?? '', secrets),
    'contract messages',
  ).toEqual([]);
  expect(leaks(dom, secrets), 'renderer DOM').toEqual([]);
  expect(leaks(storage, secrets), 'renderer storage').toEqual([]);
  expect(
    leaks(requestUrls.join('\n'), secrets),
    'renderer request URLs',
  ).toEqual([]);
  expect(leaks(shell.output(), secrets), 'shell output').toEqual([]);

  const searched = walkFiles(dataDir).filter((file) => {
    const top = file.split(path.sep)[0];
    return (
      top !== 'vault' &&
      top !== 'sandbox' &&
      fs.statSync(path.join(dataDir, file)).isFile()
    );
  });
  expect(searched).toContain(path.join('logs', 'browser-shell.log'));
  for (const file of searched) {
    const text = fs.readFileSync(path.join(dataDir, file)).toString('latin1');
    expect(leaks(text, secrets), file).toEqual([]);
  }
  fs.rmSync(parent, { recursive: true, force: true });
});
