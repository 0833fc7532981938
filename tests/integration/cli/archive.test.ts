// The command line's upload, status, sync, list, show and export against a
// sandbox process. The CIUS-RO fixtures, with a sandbox company as seller,
// are uploaded with --wait. Then the company is synced into the archive,
// and the archive is listed, shown and exported.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceSellerCif } from '../../helpers/replace-seller.ts';
import type { Invoice } from '../../../shared/invoice.ts';
import {
  cleanUp,
  FIXTURES,
  json,
  lastErrorLine,
  loginAndFollow,
  runCli,
  startSandbox,
  tempDir,
  type CliRun,
  type StartedSandbox,
} from './harness.ts';

interface Outcome {
  file: string;
  status: string;
  uploadIndex: string | null;
  messageId: string | null;
  errors: Array<{ code: string | null; message: string }>;
  blocked?: boolean;
}

interface SyncReport {
  listed: number;
  downloaded: number;
  alreadyArchived: number;
  expired: number;
  failed: number;
}

interface Row {
  cif: string;
  messageId: string;
  uploadIndex: string;
  direction: string;
  number: string | null;
  state: string;
}

const FIXTURE_FOLDERS = ['cius-ro', 'cius-ro-cii'];
/** A fixture that passes the sandbox's validation once its seller is a sandbox company. */
const CLEAN = 'ubl_b2g_example1.xml';
/** A fixture that declares CIUS-RO 1.0.0, which ANAF rejects with BR-RO-001. */
const OUTDATED = 'anaf_invoice_example.xml';

let sandbox: StartedSandbox;
let dataDir: string;
let invoices: string;
let cif: string;
let upload: CliRun;
let outcomes: Outcome[];
let firstSync: CliRun;
/** The time (epoch ms) by which every upload had ended. */
let uploadsEndedAt: number;

function outcomeOf(name: string): Outcome {
  const found = outcomes.find(
    (outcome) => path.basename(outcome.file) === name,
  );
  if (!found) throw new Error(`No upload outcome for ${name}`);
  return found;
}

/** Copies every CIUS-RO fixture with the seller set to `sellerCif`. */
function writeFixtures(folder: string, sellerCif: string): number {
  let count = 0;
  for (const fixtureFolder of FIXTURE_FOLDERS) {
    const source = path.join(FIXTURES, fixtureFolder);
    for (const name of fs
      .readdirSync(source)
      .filter((entry) => entry.endsWith('.xml'))) {
      fs.writeFileSync(
        path.join(folder, name),
        replaceSellerCif(fs.readFileSync(path.join(source, name)), sellerCif),
      );
      count += 1;
    }
  }
  return count;
}

beforeAll(async () => {
  sandbox = await startSandbox(['--seed-messages', '12']);
  dataDir = tempDir('archive');
  const followed = await loginAndFollow(sandbox, dataDir, 0);
  cif = followed.cifs[0] ?? '';
  invoices = tempDir('invoices');
  writeFixtures(invoices, cif);

  upload = await runCli(
    ['--json', 'upload', invoices, '--wait', '--accept-warnings'],
    { dataDir },
  );
  outcomes = json<Outcome[]>(upload);
  uploadsEndedAt = Date.now();
  firstSync = await runCli(['--json', 'sync'], { dataDir });
}, 120_000);

afterAll(cleanUp);

describe('efactura upload', () => {
  it('reports every fixture', () => {
    const expected = FIXTURE_FOLDERS.flatMap((folder) =>
      fs
        .readdirSync(path.join(FIXTURES, folder))
        .filter((name) => name.endsWith('.xml')),
    );
    expect(
      outcomes.map((outcome) => path.basename(outcome.file)).sort(),
    ).toEqual(expected.sort());
  });

  it('waits until every upload ends', () => {
    const statuses = new Set(outcomes.map((outcome) => outcome.status));
    expect(statuses.has('processing')).toBe(false);
  });

  it('accepts the clean fixture', () => {
    expect(outcomeOf(CLEAN).status).toBe('ok');
    expect(outcomeOf(CLEAN).uploadIndex).toMatch(/^\d+$/);
  });

  it('lists the rule of a rejected fixture', () => {
    expect(outcomeOf(OUTDATED).status).toBe('nok');
    expect(outcomeOf(OUTDATED).errors.map((error) => error.code)).toContain(
      'BR-RO-001',
    );
  });

  it('exits with 1 when a file is rejected', () => {
    expect(upload.code).toBe(1);
  });

  it('holds back a file sent before', async () => {
    const again = await runCli(
      ['--json', 'upload', path.join(invoices, CLEAN)],
      { dataDir },
    );
    expect(again.code).toBe(1);
    const [outcome] = json<Outcome[]>(again);
    expect(outcome?.status).toBe('duplicate');
    expect(outcome?.errors.map((error) => error.message).join(' ')).toContain(
      'pass --allow-duplicate',
    );
    expect(outcome?.errors.map((error) => error.message).join(' ')).toContain(
      `upload index ${outcomeOf(CLEAN).uploadIndex}`,
    );
  });

  it('holds back warnings without --accept-warnings', async () => {
    const copy = path.join(tempDir('warning'), OUTDATED);
    fs.copyFileSync(path.join(invoices, OUTDATED), copy);
    const rerun = await runCli(
      ['--json', 'upload', '--allow-duplicate', copy],
      { dataDir },
    );
    expect(rerun.code).toBe(1);
    const [outcome] = json<Outcome[]>(rerun);
    expect(outcome?.status).toBe('rejected');
    expect(outcome?.errors.map((error) => error.message).join(' ')).toContain(
      'pass --accept-warnings',
    );
  });

  it('rejects a file that is not an invoice', async () => {
    const file = path.join(tempDir('not-invoice'), 'order.xml');
    fs.writeFileSync(
      file,
      '<?xml version="1.0"?><Order xmlns="urn:example:order"/>',
    );
    const run = await runCli(['--json', 'upload', file], { dataDir });
    expect(run.code).toBe(1);
    const [outcome] = json<Outcome[]>(run);
    expect(outcome?.status).toBe('rejected');
    expect(outcome?.blocked).toBe(true);
    expect(outcome?.uploadIndex).toBeNull();
  });

  it('says a blocked file was not sent', async () => {
    const file = path.join(tempDir('blocked-text'), 'order.xml');
    fs.writeFileSync(
      file,
      '<?xml version="1.0"?><Order xmlns="urn:example:order"/>',
    );
    const run = await runCli(['upload', file], { dataDir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('not sent: blocked by local checks');
  });
});

describe('efactura status', () => {
  it('reports an upload of this data folder', async () => {
    const index = outcomeOf(CLEAN).uploadIndex ?? '';
    const run = await runCli(['--json', 'status', index], { dataDir });
    expect(run.code).toBe(0);
    const report = json<{ status: string; file: string; messageId: string }>(
      run,
    );
    expect(report.status).toBe('ok');
    expect(report.file).toBe(CLEAN);
    expect(report.messageId).toBe(outcomeOf(CLEAN).messageId);
  });

  it('asks ANAF about an index from elsewhere', async () => {
    const index = outcomeOf(OUTDATED).uploadIndex ?? '';
    const otherDir = tempDir('status-elsewhere');
    await loginAndFollow(sandbox, otherDir, 0, [cif]);

    const run = await runCli(['--json', 'status', index], {
      dataDir: otherDir,
    });
    expect(run.code).toBe(0);
    expect(json<{ status: string; file: string | null }>(run)).toMatchObject({
      status: 'nok',
      file: null,
    });
  });
});

describe('efactura sync', () => {
  it('downloads the listed messages', () => {
    expect(firstSync.code).toBe(0);
    const report = json<SyncReport>(firstSync);
    expect(report.listed).toBeGreaterThan(0);
    expect(report.downloaded).toBe(
      report.listed - report.alreadyArchived - report.expired,
    );
    expect(report.failed).toBe(0);
  });

  it('downloads nothing twice', async () => {
    const again = await runCli(['--json', 'sync', '--cif', cif], { dataDir });
    expect(again.code).toBe(0);
    // Every message of the first sync is listed again as already archived.
    expect(json<SyncReport>(again).alreadyArchived).toBe(
      json<SyncReport>(firstSync).listed,
    );
  });
});

describe('efactura list, show and export', () => {
  let rows: Row[];

  beforeAll(async () => {
    rows = json<Row[]>(await runCli(['--json', 'list'], { dataDir }));
  });

  it('lists the synced messages', () => {
    const listed = json<SyncReport>(firstSync).listed;
    expect(listed).toBeGreaterThan(0);
    expect(rows).toHaveLength(listed);
  });

  it('filters by direction', async () => {
    const direction = rows[0]?.direction ?? 'received';
    const filtered = json<Row[]>(
      await runCli(['--json', 'list', '--direction', direction], { dataDir }),
    );
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((row) => row.direction === direction)).toBe(true);
  });

  it('shows an archived invoice by message id', async () => {
    const invoice = rows.find((row) => row.direction !== 'errors');
    const run = await runCli(
      ['--json', 'show', invoice?.messageId ?? 'missing'],
      { dataDir },
    );
    expect(run.code).toBe(0);
    expect(json<Invoice>(run).number).toBe(invoice?.number);
  });

  it('reports an unknown message id', async () => {
    const run = await runCli(['show', '999999999999'], { dataDir });
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toContain('No message with id 999999999999');
  });

  it('exports the period as CSV', async () => {
    const target = path.join(tempDir('csv'), 'invoices.csv');
    const run = await runCli(
      [
        '--json',
        'export',
        '--cif',
        cif,
        '--from',
        '2000-01-01',
        '--to',
        '2099-12-31',
        '--csv',
        target,
      ],
      { dataDir },
    );
    expect(run.code).toBe(0);
    const lines = fs.readFileSync(target, 'utf8').trim().split('\n');
    expect(lines.length - 1).toBe(json<{ rows: number }>(run).rows);
  });

  it('exports the period as one ZIP', async () => {
    const target = path.join(tempDir('zip'), 'archive.zip');
    const run = await runCli(
      [
        '--json',
        'export',
        '--cif',
        cif,
        '--from',
        '2000-01-01',
        '--to',
        '2099-12-31',
        '--zip',
        target,
      ],
      { dataDir },
    );
    expect(run.code).toBe(0);
    expect(json<{ messages: number }>(run).messages).toBeGreaterThan(0);
    expect(fs.readFileSync(target).subarray(0, 4).toString('latin1')).toBe(
      'PK\x03\x04',
    );
  });
});

// The sync's list window ends a minute in the past, so a sync sees the
// uploads above only a minute after they ended. They are synced last.
describe('efactura sync after the uploads are listed', () => {
  let rows: Row[];

  beforeAll(async () => {
    const listedAt = uploadsEndedAt + 65_000;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, listedAt - Date.now())),
    );
    const sync = await runCli(['--json', 'sync'], { dataDir });
    if (sync.code !== 0) throw new Error(`sync failed: ${sync.stderr}`);
    rows = json<Row[]>(await runCli(['--json', 'list'], { dataDir }));
  }, 120_000);

  it('lists the accepted upload as sent', () => {
    const sent = rows.find(
      (row) => row.uploadIndex === outcomeOf(CLEAN).uploadIndex,
    );
    expect(sent?.direction).toBe('sent');
  });

  it('lists the rejected upload as an error', () => {
    const rejected = rows.find(
      (row) => row.uploadIndex === outcomeOf(OUTDATED).uploadIndex,
    );
    expect(rejected?.direction).toBe('errors');
  });

  it('shows the errors of a rejected upload', async () => {
    const rejected = rows.find(
      (row) => row.uploadIndex === outcomeOf(OUTDATED).uploadIndex,
    );
    const run = await runCli(
      ['--json', 'show', rejected?.messageId ?? 'missing'],
      { dataDir },
    );
    expect(run.code).toBe(0);
    const ruleIds = json<{ errors: Array<{ ruleId: string | null }> }>(
      run,
    ).errors.map((error) => error.ruleId);
    expect(ruleIds).toContain('BR-RO-001');
  });
});
