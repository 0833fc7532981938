// Every kind of bad input ends with one line on standard error that names
// the value and the next step. The exit code is 2 when the command as typed
// cannot work, and 1 when the data folder, a file or ANAF stopped it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../shared/domain.ts';
import {
  cleanUp,
  FIXTURES,
  json,
  lastErrorLine,
  loginAndFollow,
  runCli,
  startSandbox,
  tempDir,
  type StartedSandbox,
} from './harness.ts';

const INVOICE = path.join(FIXTURES, 'cius-ro/anaf_invoice_example.xml');

/** A valid CIF (check digit 6) that no test follows. */
const UNFOLLOWED_CIF = '18654326';

let sandbox: StartedSandbox;
let dataDir: string;
let followedCif: string;

beforeAll(async () => {
  sandbox = await startSandbox(['--seed-messages', '0']);
  dataDir = tempDir('bad-input');
  const followed = await loginAndFollow(sandbox, dataDir, 1);
  followedCif = followed.cifs[0] ?? '';
});

afterAll(cleanUp);

describe('efactura usage errors', () => {
  it.each([
    ['an unknown command', ['bogus'], "unknown command 'bogus'"],
    ['an unknown option', ['list', '--colour'], "unknown option '--colour'"],
    ['a missing argument', ['upload'], "missing required argument 'files'"],
    [
      'a missing --env',
      ['login'],
      "required option '--env <env>' not specified",
    ],
    ['an invalid --env', ['login', '--env', 'test'], "'test' is invalid"],
    [
      'an invalid date',
      ['list', '--from', '2025-02-30'],
      '"2025-02-30" is not a date written YYYY-MM-DD',
    ],
    [
      'an invalid direction',
      ['list', '--direction', 'sideways'],
      "'sideways' is invalid",
    ],
    [
      'a rate limit of 0',
      ['--rate-limit', '0', 'sync'],
      'It must be 1 or more',
    ],
    [
      'a rate limit above the maximum',
      ['--rate-limit', '5000', 'sync'],
      'above the maximum of 1000',
    ],
    [
      'a non-numeric upload index',
      ['status', 'abc'],
      '"abc" is not an upload index',
    ],
    [
      'a missing export period',
      ['export', '--cif', UNFOLLOWED_CIF, '--csv', 'x.csv'],
      "required option '--from <date>'",
    ],
    [
      'two export formats',
      [
        'export',
        '--cif',
        UNFOLLOWED_CIF,
        '--from',
        '2025-01-01',
        '--to',
        '2025-01-31',
        '--csv',
        'a.csv',
        '--zip',
        'b.zip',
      ],
      'Choose one output: --csv FILE or --zip FILE',
    ],
    [
      'a reversed period',
      ['list', '--from', '2025-02-01', '--to', '2025-01-01'],
      '--from 2025-02-01 is after --to 2025-01-01',
    ],
    [
      'an invalid certificate number',
      ['login', '--env', 'sandbox', '--certificate', 'x'],
      '"x" is not a whole number',
    ],
  ])('rejects %s with exit code 2', async (_case, args, message) => {
    const run = await runCli(args, { dataDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('rejects a CIF with a bad check digit', async () => {
    const run = await runCli(['sync', '--cif', '18654327'], { dataDir });
    expect(run.code).toBe(2);
    expect(lastErrorLine(run)).toContain(
      "The CIF '18654327' is invalid: its check digit should be 6",
    );
  });
});

describe('efactura --help', () => {
  it.each([
    ['login'],
    ['accounts'],
    ['logout'],
    ['companies'],
    ['companies add'],
    ['companies list'],
    ['upload'],
    ['status'],
    ['sync'],
    ['list'],
    ['show'],
    ['export'],
  ])('describes %s', async (command) => {
    const run = await runCli([...command.split(' '), '--help'], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: efactura ${command}`);
  });

  it("shows the global options in a command's help", async () => {
    const run = await runCli(['sync', '--help'], { dataDir });
    expect(run.stdout).toContain('--insecure-storage');
  });

  it('passes --help to the sandbox', async () => {
    const run = await runCli(['sandbox', '--help'], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--processing-ms');
  });
});

describe('efactura failures', () => {
  it('names a company that is not followed', async () => {
    const run = await runCli(['list', '--cif', UNFOLLOWED_CIF], { dataDir });
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toContain(
      `The company with CIF ${UNFOLLOWED_CIF} is not followed. Add it first: \`efactura companies add ${UNFOLLOWED_CIF}\``,
    );
  });

  it('prints the failure as JSON with --json', async () => {
    const run = await runCli(['--json', 'sync', '--cif', UNFOLLOWED_CIF], {
      dataDir,
    });
    expect(run.code).toBe(1);
    expect(json<{ error: { code: string } }>(run).error.code).toBe(
      'input.invalid',
    );
  });

  it('needs a company to sync', async () => {
    const emptyDir = tempDir('no-company');
    const run = await runCli(['sync'], { dataDir: emptyDir });
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toContain(
      'No company is followed. Add one first',
    );
  });

  it('reports each unreadable upload file', async () => {
    const missing = path.join(tempDir('missing'), 'invoice.xml');
    const run = await runCli(['--json', 'upload', missing], { dataDir });
    expect(run.code).toBe(1);
    const [outcome] = json<
      Array<{
        file: string;
        status: string;
        errors: Array<{ code: string; message: string }>;
      }>
    >(run);
    expect(outcome?.status).toBe('rejected');
    expect(outcome?.errors[0]?.message).toContain(
      `Cannot read ${missing} (ENOENT)`,
    );
  });

  it('finds no upload with an unknown index', async () => {
    const run = await runCli(['status', '987654321'], { dataDir });
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toContain(
      `ANAF has no upload with index 987654321 for CIF ${followedCif}`,
    );
  });
});

describe('efactura with the data folder locked', () => {
  let lockedDir: string;

  beforeAll(async () => {
    lockedDir = tempDir('locked');
    await loginAndFollow(sandbox, lockedDir, 1);
    // This test process runs on this host, so the lock is not stale.
    const owner = {
      pid: process.pid,
      host: os.hostname(),
      startedAt: new Date().toISOString(),
      program: 'e-Factura Desktop',
    };
    fs.writeFileSync(
      path.join(lockedDir, 'efactura.lock'),
      JSON.stringify(owner),
    );
  });

  it('refuses to sync', async () => {
    const run = await runCli(['sync'], { dataDir: lockedDir });
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toContain(
      `The data folder is in use by e-Factura Desktop (PID ${process.pid}`,
    );
  });

  it('refuses to upload', async () => {
    const run = await runCli(['upload', path.join(lockedDir, 'any.xml')], {
      dataDir: lockedDir,
    });
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toContain(
      'The data folder is in use by e-Factura Desktop',
    );
  });

  it('refuses to ask ANAF for a status', async () => {
    const run = await runCli(['status', '12345'], { dataDir: lockedDir });
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toContain('Asking ANAF needs the data folder');
  });

  it('refuses to log in', async () => {
    const run = await runCli(
      [
        'login',
        '--env',
        'sandbox',
        '--sandbox-config',
        sandbox.configFile,
        '--certificate',
        '0',
      ],
      { dataDir: lockedDir },
    );
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toContain(
      'The data folder is in use by e-Factura Desktop',
    );
  });

  it('still lists the companies', async () => {
    const run = await runCli(['companies', 'list'], { dataDir: lockedDir });
    expect(run.code).toBe(0);
  });

  it('leaves the lock of the other process', async () => {
    await runCli(['sync'], { dataDir: lockedDir });
    const lock = JSON.parse(
      fs.readFileSync(path.join(lockedDir, 'efactura.lock'), 'utf8'),
    ) as { pid: number };
    expect(lock.pid).toBe(process.pid);
  });
});

describe('efactura with an expired login', () => {
  let expiredDir: string;

  beforeAll(async () => {
    const shortLived = await startSandbox([
      '--seed-messages',
      '0',
      '--access-token-lifetime',
      '1',
      '--refresh-token-lifetime',
      '2',
    ]);
    expiredDir = tempDir('expired');
    await loginAndFollow(shortLived, expiredDir, 1);
    await waitUntilExpired(expiredDir);
  });

  it('shows the account as expired', async () => {
    const accounts = json<AccountSummary[]>(
      await runCli(['--json', 'accounts'], { dataDir: expiredDir }),
    );
    expect(accounts.map((account) => account.status)).toEqual(['expired']);
  });

  it.each([[['sync']], [['status', '12345']], [['upload', INVOICE]]])(
    'stops %j with the login command',
    async (args) => {
      const run = await runCli(args, { dataDir: expiredDir });
      expect(run.code).toBe(1);
      expect(lastErrorLine(run)).toContain('expired');
      expect(lastErrorLine(run)).toContain(
        'Log in again with `efactura login --env sandbox',
      );
    },
  );
});

/** Waits (a few seconds at most) until the refresh token's lifetime has passed. */
async function waitUntilExpired(dataDir: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const accounts = json<AccountSummary[]>(
      await runCli(['--json', 'accounts'], { dataDir }),
    );
    if (accounts.every((account) => account.status === 'expired')) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The sandbox login did not expire');
}
