import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, request } from 'undici';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
} from 'vitest';
import { FileAccountStore } from '../../../electron/core/auth/account-file-store.ts';
import { AuthService } from '../../../electron/core/auth/auth-service.ts';
import { CALLBACK_TLS_DIR } from '../../../electron/core/auth/callback-tls.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { FileVault } from '../../../electron/core/vault/file-vault.ts';
import { TOKENS } from '../../../electron/core/vault/vault.ts';
import { AppFailure } from '../../../shared/result.ts';
import {
  freePort,
  startAuthSandbox,
  type AuthSandbox,
} from './sandbox-fixture.ts';

let env: AuthSandbox;
let callbackUri: string;
let dataDir: string;
let memory: ReturnType<typeof createMemoryLogger>;

beforeAll(async () => {
  callbackUri = `https://localhost:${await freePort()}/callback`;
  env = await startAuthSandbox({
    redirectUris: [callbackUri, 'https://localhost:9002/callback'],
  });
});

afterAll(async () => {
  await env.close();
});

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'auth-login-'));
  memory = createMemoryLogger();
  await env.admin('PATCH', '/settings', { revokeMode: 'redirect' });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Opens a service over real files in the data folder, as after a restart. */
function openService(): AuthService {
  return new AuthService({
    accounts: new FileAccountStore(
      path.join(dataDir, 'accounts.json'),
      memory.logger,
    ),
    vault: new FileVault(
      path.join(dataDir, 'vault', 'secrets.json'),
      memory.logger,
    ),
    logger: memory.logger,
    idps: { sandbox: env.idp },
  });
}

async function addAccount(
  service: AuthService,
  change: { redirectUri?: string; clientSecret?: string } = {},
) {
  const { info } = env.sandbox;
  return service.addAccount({
    provider: 'sandbox',
    label: 'Sandbox',
    clientId: info.clientId,
    clientSecret: change.clientSecret ?? info.clientSecret,
    redirectUri: change.redirectUri ?? callbackUri,
  });
}

async function failureCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return error instanceof AppFailure ? error.code : String(error);
}

interface BrowserVisit {
  page: Promise<string>;
}

/**
 * Plays the browser: visits authorize, presenting the sandbox certificate
 * unless `certificate` is false, follows the redirect to the local listener
 * and returns the page it shows.
 */
function simulatedBrowser(
  options: { certificate?: boolean; state?: string } = {},
) {
  const visits: BrowserVisit[] = [];
  const openUrl = async (url: string) => {
    visits.push({ page: browse(url, options) });
  };
  return { openUrl, visits };
}

async function browse(
  authorizeUrl: string,
  options: { certificate?: boolean; state?: string },
): Promise<string> {
  const file = env.sandbox.info.certificates[0]!;
  const idpAgent = new Agent({
    connect: {
      ca: env.idp.caCert,
      ...(options.certificate === false
        ? {}
        : { pfx: await readFile(file.pfxPath), passphrase: file.passphrase }),
    },
  });
  const authorize = await request(authorizeUrl, { dispatcher: idpAgent });
  await authorize.body.dump();
  await idpAgent.close();

  const callback = new URL(String(authorize.headers.location));
  if (options.state !== undefined)
    callback.searchParams.set('state', options.state);
  const callbackCa = await readFile(
    path.join(dataDir, CALLBACK_TLS_DIR, 'callback-cert.pem'),
    'utf8',
  );
  const callbackAgent = new Agent({ connect: { ca: callbackCa } });
  const answer = await request(callback, { dispatcher: callbackAgent });
  const page = await answer.body.text();
  await callbackAgent.close();
  return page;
}

describe('sandbox login', () => {
  it('stores tokens for the account', async () => {
    const service = openService();
    const account = await addAccount(service);
    await service.loginWithSandboxCertificate(
      account.id,
      env.sandbox.info.certificates[0]!,
    );
    const [summary] = await service.listAccounts();
    expect(summary?.loggedIn).toBe(true);
  });

  it('records the certificate subject', async () => {
    const service = openService();
    const account = await addAccount(service);
    const file = env.sandbox.info.certificates[1]!;
    const loggedIn = await service.loginWithSandboxCertificate(
      account.id,
      file,
    );
    expect(loggedIn.certificate?.subject).toBe(file.subject);
  });

  it('records the certificate serial', async () => {
    const service = openService();
    const account = await addAccount(service);
    const file = env.sandbox.info.certificates[1]!;
    const loggedIn = await service.loginWithSandboxCertificate(
      account.id,
      file,
    );
    expect(loggedIn.certificate?.serial).toBe(file.serial.toLowerCase());
  });

  it('stays logged in across a restart', async () => {
    const first = openService();
    const account = await addAccount(first);
    await first.loginWithSandboxCertificate(
      account.id,
      env.sandbox.info.certificates[0]!,
    );
    const token = await first.tokenSource(account.id).accessToken();
    await first.close();
    const second = openService();
    expect(await second.tokenSource(account.id).accessToken()).toBe(token);
    await second.close();
  });

  it('keeps two accounts apart', async () => {
    const service = openService();
    const [one, two] = [await addAccount(service), await addAccount(service)];
    const files = env.sandbox.info.certificates;
    await service.loginWithSandboxCertificate(one.id, files[0]!);
    await service.loginWithSandboxCertificate(two.id, files[1]!);
    const tokens = await Promise.all([
      service.tokenSource(one.id).accessToken(),
      service.tokenSource(two.id).accessToken(),
    ]);
    expect(tokens[0]).not.toBe(tokens[1]);
  });

  it('keeps secrets out of the account file', async () => {
    const service = openService();
    const account = await addAccount(service);
    await service.loginWithSandboxCertificate(
      account.id,
      env.sandbox.info.certificates[0]!,
    );
    const token = await service.tokenSource(account.id).accessToken();
    const text = await readFile(path.join(dataDir, 'accounts.json'), 'utf8');
    expect(
      text.includes(token) || text.includes(env.sandbox.info.clientSecret),
    ).toBe(false);
  });

  it('reports unreadable tokens on the account', async () => {
    const service = openService();
    const account = await addAccount(service);
    const vault = new FileVault(
      path.join(dataDir, 'vault', 'secrets.json'),
      memory.logger,
    );
    await vault.set(account.id, TOKENS, 'not a token pair');
    const [summary] = await service.listAccounts();
    expect(summary?.storageError?.code).toBe('storage.undecryptable');
  });

  it('reports an unregistered callback URL', async () => {
    const service = openService();
    const account = await addAccount(service, {
      redirectUri: 'https://localhost:9/unregistered',
    });
    const login = service.loginWithSandboxCertificate(
      account.id,
      env.sandbox.info.certificates[0]!,
    );
    expect(await failureCode(login)).toBe('auth.redirectNotRegistered');
  });

  it('reports a wrong client secret', async () => {
    const service = openService();
    const account = await addAccount(service, {
      clientSecret: 'not-the-secret',
    });
    const login = service.loginWithSandboxCertificate(
      account.id,
      env.sandbox.info.certificates[0]!,
    );
    expect(await failureCode(login)).toBe('auth.invalidClient');
  });

  it('reports a stopped sandbox as a network failure', async () => {
    const port = await freePort();
    const service = new AuthService({
      accounts: new FileAccountStore(
        path.join(dataDir, 'accounts.json'),
        memory.logger,
      ),
      vault: new FileVault(
        path.join(dataDir, 'vault', 'secrets.json'),
        memory.logger,
      ),
      logger: memory.logger,
      idps: {
        sandbox: {
          ...env.idp,
          baseUrl: `https://127.0.0.1:${port}/anaf-oauth2/v1`,
        },
      },
    });
    const account = await addAccount(service);
    const login = service.loginWithSandboxCertificate(
      account.id,
      env.sandbox.info.certificates[0]!,
    );
    expect(await failureCode(login)).toBe('auth.network');
  });
});

describe('browser login against the sandbox', () => {
  it('logs in through the local listener', async () => {
    const service = openService();
    const account = await addAccount(service);
    const browser = simulatedBrowser();
    await service.loginWithBrowser(account.id, {
      openUrl: browser.openUrl,
      dataDir,
    });
    const [summary] = await service.listAccounts();
    expect(summary?.loggedIn).toBe(true);
  });

  it('shows the login complete page', async () => {
    const service = openService();
    const account = await addAccount(service);
    const browser = simulatedBrowser();
    await service.loginWithBrowser(account.id, {
      openUrl: browser.openUrl,
      dataDir,
    });
    expect(await browser.visits[0]?.page).toContain('Login complete');
  });

  it('reports a missing certificate', async () => {
    const service = openService();
    const account = await addAccount(service);
    const browser = simulatedBrowser({ certificate: false });
    const login = service.loginWithBrowser(account.id, {
      openUrl: browser.openUrl,
      dataDir,
    });
    expect(await failureCode(login)).toBe('auth.noCertificate');
  });

  it('shows the failure in the browser', async () => {
    const service = openService();
    const account = await addAccount(service);
    const browser = simulatedBrowser({ certificate: false });
    await service
      .loginWithBrowser(account.id, { openUrl: browser.openUrl, dataDir })
      .catch(() => undefined);
    expect(await browser.visits[0]?.page).toContain(
      'No certificate was presented',
    );
  });

  it('reports a state mismatch', async () => {
    const service = openService();
    const account = await addAccount(service);
    const browser = simulatedBrowser({ state: 'forged-state' });
    const login = service.loginWithBrowser(account.id, {
      openUrl: browser.openUrl,
      dataDir,
    });
    expect(await failureCode(login)).toBe('auth.stateMismatch');
  });

  it('cancels after the timeout', async () => {
    const service = openService();
    const account = await addAccount(service);
    const login = service.loginWithBrowser(account.id, {
      openUrl: async () => undefined,
      dataDir,
      timeoutMs: 300,
    });
    expect(await failureCode(login)).toBe('auth.cancelled');
  });

  it('cancels on abort', async () => {
    const service = openService();
    const account = await addAccount(service);
    const controller = new AbortController();
    const login = service.loginWithBrowser(account.id, {
      openUrl: async () => {
        setTimeout(() => controller.abort(), 50);
      },
      dataDir,
      signal: controller.signal,
    });
    expect(await failureCode(login)).toBe('auth.cancelled');
  });

  it('frees the callback port after a login', async () => {
    const service = openService();
    const account = await addAccount(service);
    const first = simulatedBrowser();
    await service.loginWithBrowser(account.id, {
      openUrl: first.openUrl,
      dataDir,
    });
    const second = simulatedBrowser();
    await service.loginWithBrowser(account.id, {
      openUrl: second.openUrl,
      dataDir,
    });
    expect(await second.visits[0]?.page).toContain('Login complete');
  });

  it.skipIf(process.platform === 'win32')(
    'keeps the listener key with mode 0600',
    async () => {
      const service = openService();
      const account = await addAccount(service);
      const browser = simulatedBrowser();
      await service.loginWithBrowser(account.id, {
        openUrl: browser.openUrl,
        dataDir,
      });
      const key = path.join(dataDir, CALLBACK_TLS_DIR, 'callback-key.pem');
      expect((await stat(key)).mode & 0o777).toBe(0o600);
    },
  );
});

describe('logout', () => {
  async function loggedInAccount(service: AuthService) {
    const account = await addAccount(service);
    await service.loginWithSandboxCertificate(
      account.id,
      env.sandbox.info.certificates[0]!,
    );
    return account;
  }

  it('deletes the local tokens', async () => {
    const service = openService();
    const account = await loggedInAccount(service);
    await service.logout(account.id);
    const access = service.tokenSource(account.id).accessToken();
    expect(await failureCode(access)).toBe('auth.notLoggedIn');
  });

  it('explains what stays valid when revoke redirects', async () => {
    const service = openService();
    const account = await loggedInAccount(service);
    const report = await service.logout(account.id);
    expect(report.revoke).toBe('unsupported');
    expect(report.message).toContain('Renunțare Oauth');
  });

  it('revokes under RFC 7009', async () => {
    await env.admin('PATCH', '/settings', { revokeMode: 'rfc7009' });
    const service = openService();
    const account = await loggedInAccount(service);
    const report = await service.logout(account.id);
    expect(report.revoke).toBe('revoked');
  });

  it('removes the account and its secret', async () => {
    const service = openService();
    const account = await loggedInAccount(service);
    await service.removeAccount(account.id);
    const vaultText = await readFile(
      path.join(dataDir, 'vault', 'secrets.json'),
      'utf8',
    );
    expect(vaultText).not.toContain(env.sandbox.info.clientSecret);
  });
});

describe('log lines', () => {
  it('carry no token, code or secret', async () => {
    const service = openService();
    const account = await addAccount(service);
    const browser = simulatedBrowser();
    await service.loginWithBrowser(account.id, {
      openUrl: browser.openUrl,
      dataDir,
    });
    const source = service.tokenSource(account.id);
    const token = await source.accessToken();
    const refreshed = await source.refreshAfterRejection(token);
    await service.logout(account.id);
    const text = memory.lines.join('\n');
    const secrets = [token, refreshed ?? '', env.sandbox.info.clientSecret];
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
  });
});
