// `efactura login`, `accounts`, `logout` and `companies` as child processes
// against a sandbox process, on temporary data folders.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountSummary, CompanySummary } from '../../../shared/domain.ts';
import {
  cleanUp,
  json,
  lastErrorLine,
  runCli,
  startSandbox,
  tempDir,
  type CliRun,
  type StartedSandbox,
} from './harness.ts';

let sandbox: StartedSandbox;

beforeAll(async () => {
  sandbox = await startSandbox(['--seed-messages', '0']);
});

afterAll(cleanUp);

function firstCif(): string {
  const cif = sandbox.info.certificates[0]?.cifs[0];
  if (!cif) throw new Error('The sandbox gave certificate 0 no CIF');
  return cif;
}

describe('efactura login and accounts', () => {
  let dataDir: string;
  let login: CliRun;
  let accounts: CliRun;

  beforeAll(async () => {
    dataDir = tempDir('login');
    login = await runCli(
      [
        '--json',
        'login',
        '--env',
        'sandbox',
        '--sandbox-config',
        sandbox.configFile,
        '--certificate',
        '1',
      ],
      { dataDir },
    );
    accounts = await runCli(['--json', 'accounts'], { dataDir });
  });

  it('logs in with a sandbox certificate', () => {
    expect(login.code).toBe(0);
    const account = json<AccountSummary>(login);
    expect(account.provider).toBe('sandbox');
    expect(account.certificateSubject).toBe(
      sandbox.info.certificates[1]?.subject,
    );
    expect(account.status).toBe('ok');
  });

  it('lists the account with its expiry', () => {
    expect(accounts.code).toBe(0);
    const listed = json<AccountSummary[]>(accounts);
    expect(listed.map((entry) => entry.id)).toEqual([
      json<AccountSummary>(login).id,
    ]);
    expect(listed[0]?.refreshExpiresAt).not.toBeNull();
  });

  it('keeps the sandbox configuration private', () => {
    const mode =
      fs.statSync(path.join(dataDir, 'cli-sandbox.json')).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('warns about insecure storage on every run', () => {
    expect(accounts.stderr).toContain(
      'warning: Tokens and the client secret are stored unencrypted',
    );
  });

  it('refuses to store tokens without a keychain', async () => {
    const dataDir = tempDir('refuse');
    const login = await runCli(
      [
        'login',
        '--env',
        'sandbox',
        '--sandbox-config',
        sandbox.configFile,
        '--certificate',
        '0',
      ],
      { dataDir, insecureStorage: false },
    );
    expect(login.code).toBe(1);
    expect(lastErrorLine(login)).toContain('pass --insecure-storage');
    expect(fs.existsSync(path.join(dataDir, 'vault'))).toBe(false);
  });

  it('asks for --certificate when several exist', async () => {
    const login = await runCli(
      ['login', '--env', 'sandbox', '--sandbox-config', sandbox.configFile],
      {
        dataDir: tempDir('choice'),
      },
    );
    expect(login.code).toBe(2);
    expect(lastErrorLine(login)).toContain('choose one with --certificate N');
    expect(lastErrorLine(login)).toContain(
      sandbox.info.certificates[0]?.subject ?? 'missing',
    );
  });

  it('rejects a certificate number out of range', async () => {
    const login = await runCli(
      [
        'login',
        '--env',
        'sandbox',
        '--sandbox-config',
        sandbox.configFile,
        '--certificate',
        '7',
      ],
      { dataDir: tempDir('range') },
    );
    expect(login.code).toBe(2);
    expect(lastErrorLine(login)).toContain('no certificate number 7');
  });

  it('reports an unreadable sandbox configuration', async () => {
    const missing = path.join(tempDir('missing'), 'nothing.json');
    const login = await runCli(
      [
        'login',
        '--env',
        'sandbox',
        '--sandbox-config',
        missing,
        '--certificate',
        '0',
      ],
      {
        dataDir: tempDir('missing-data'),
      },
    );
    expect(login.code).toBe(1);
    expect(lastErrorLine(login)).toContain(
      `Cannot read the sandbox configuration ${missing} (ENOENT)`,
    );
  });

  it('reports a file that is not a sandbox line', async () => {
    const file = path.join(tempDir('garbage'), 'garbage.json');
    fs.writeFileSync(file, 'listening on port 3000\n');
    const login = await runCli(
      [
        'login',
        '--env',
        'sandbox',
        '--sandbox-config',
        file,
        '--certificate',
        '0',
      ],
      {
        dataDir: tempDir('garbage-data'),
      },
    );
    expect(login.code).toBe(1);
    expect(lastErrorLine(login)).toContain('does not contain the JSON line');
  });

  it('names the missing ANAF login options', async () => {
    const login = await runCli(
      ['login', '--env', 'anaf', '--client-id', 'abc'],
      {
        dataDir: tempDir('anaf'),
        env: { EFACTURA_CLIENT_SECRET: '' },
      },
    );
    expect(login.code).toBe(2);
    expect(lastErrorLine(login)).toContain('--client-secret SECRET');
    expect(lastErrorLine(login)).toContain('--redirect-uri URL');
  });

  it('logs out and keeps the account', async () => {
    const dataDir = tempDir('logout');
    await runCli(
      [
        'login',
        '--env',
        'sandbox',
        '--sandbox-config',
        sandbox.configFile,
        '--certificate',
        '0',
      ],
      {
        dataDir,
      },
    );
    const logout = await runCli(['--json', 'logout'], { dataDir });
    expect(logout.code).toBe(0);
    expect(json<{ message: string }>(logout).message).not.toBe('');

    const accounts = json<AccountSummary[]>(
      await runCli(['--json', 'accounts'], { dataDir }),
    );
    expect(accounts.map((account) => account.status)).toEqual(['loggedOut']);
  });
});

describe('efactura companies', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDir('companies');
    await runCli(
      [
        'login',
        '--env',
        'sandbox',
        '--sandbox-config',
        sandbox.configFile,
        '--certificate',
        '0',
      ],
      {
        dataDir,
      },
    );
  });

  it('adds and lists a company', async () => {
    const cif = firstCif();
    const added = await runCli(
      [
        '--json',
        'companies',
        'add',
        `RO${cif}`,
        '--name',
        'Alfa SRL',
        '--api',
        'test',
      ],
      {
        dataDir,
      },
    );
    expect(added.code).toBe(0);
    expect(json<CompanySummary>(added).cif).toBe(cif);

    const listed = json<CompanySummary[]>(
      await runCli(['--json', 'companies', 'list'], { dataDir }),
    );
    expect(
      listed.map((company) => [company.cif, company.name, company.api]),
    ).toEqual([[cif, 'Alfa SRL', 'test']]);
  });

  it('lists a sandbox company as Sandbox', async () => {
    const listed = await runCli(['companies', 'list'], { dataDir });
    expect(listed.stdout).toContain('Sandbox');
    expect(listed.stdout).not.toContain(' test ');
  });

  it('warns about a CIF outside the certificate', async () => {
    // 18547290 has a valid check digit and is not a CIF of certificate 0.
    const outside = '18547290';
    const certificateCifs = sandbox.info.certificates[0]?.cifs ?? [];
    expect(certificateCifs).not.toContain(outside);
    const added = await runCli(['companies', 'add', outside], { dataDir });
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Sandbox');
    expect(added.stderr).toContain(`warning: the certificate`);
    expect(added.stderr).toContain(outside);
    expect(added.stderr).toContain(certificateCifs.join(', '));
    await runCli(['companies', 'remove', outside], { dataDir });
  });

  it('adds a certificate CIF without a warning', async () => {
    const cif = sandbox.info.certificates[0]?.cifs[1] ?? '';
    const added = await runCli(['companies', 'add', cif], { dataDir });
    expect(added.code).toBe(0);
    expect(added.stderr).not.toContain('warning: the certificate');
    await runCli(['companies', 'remove', cif], { dataDir });
  });

  it('rejects a bad check digit', async () => {
    const cif = firstCif();
    const wrong = `${cif.slice(0, -1)}${(Number(cif.slice(-1)) + 1) % 10}`;
    const added = await runCli(['companies', 'add', wrong], { dataDir });
    expect(added.code).toBe(2);
    expect(lastErrorLine(added)).toContain(
      `The CIF '${wrong}' is invalid: its check digit should be`,
    );
  });

  it('rejects a company followed twice', async () => {
    const cif = sandbox.info.certificates[0]?.cifs[1] ?? '';
    await runCli(['companies', 'add', cif], { dataDir });
    const again = await runCli(['companies', 'add', cif], { dataDir });
    expect(again.code).toBe(1);
    expect(lastErrorLine(again)).toContain(`CIF ${cif} is already followed`);
  });

  it('needs an account to add a company', async () => {
    const added = await runCli(['companies', 'add', firstCif()], {
      dataDir: tempDir('no-account'),
    });
    expect(added.code).toBe(1);
    expect(lastErrorLine(added)).toContain(
      'No account is logged in from the command line',
    );
  });

  it('rejects an unknown --account', async () => {
    const added = await runCli(
      ['--account', 'nobody', 'companies', 'add', firstCif()],
      { dataDir },
    );
    expect(added.code).toBe(2);
    expect(lastErrorLine(added)).toContain('No account has the id nobody');
  });

  it('removes a company', async () => {
    const cif = sandbox.info.certificates[0]?.cifs[1] ?? '';
    const removed = await runCli(['companies', 'remove', cif], { dataDir });
    expect(removed.code).toBe(0);
    const listed = json<CompanySummary[]>(
      await runCli(['--json', 'companies', 'list'], { dataDir }),
    );
    expect(listed.map((company) => company.cif)).not.toContain(cif);
  });
});
