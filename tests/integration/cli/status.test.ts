// `efactura status` against a sandbox process. Every run queries ANAF
// (stareMesaj) with the account of the upload's company, whether this data
// folder made the upload or not. ANAF's query errors end with one line that
// names the index and the next step.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceSellerCif } from '../../helpers/replace-seller.ts';
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

interface Outcome {
  file: string;
  uploadIndex: string | null;
  status: string;
  state: string | null;
  messageId: string | null;
}

interface StatusReport {
  uploadIndex: string;
  cif: string;
  status: string;
  messageId: string | null;
  file: string | null;
  state: string | null;
  errors: Array<{ code: string | null; message: string }>;
}

/** The companies of sandbox certificate 0; certificate 1 has rights on neither. */
const CIF = '18654326';
const OTHER_CIF = '24019370';
/** A fixture that passes the sandbox's validation once its seller is a sandbox company. */
const CLEAN = 'ubl_b2g_example1.xml';
/** A fixture that declares CIUS-RO 1.0.0, which ANAF rejects with BR-RO-001. */
const OUTDATED = 'anaf_invoice_example.xml';
/** An index that no upload has. */
const UNKNOWN_INDEX = '987654321';

let sandbox: StartedSandbox;
/** Uploaded everything; follows both companies of certificate 0. */
let uploaderDir: string;
/** Certificate 0 too, following one company; made no upload. */
let elsewhereDir: string;
/** Certificate 1, which has no right on the uploads' companies. */
let strangerDir: string;
let accepted: Outcome;
let rejected: Outcome;
/** Sent without --wait, so its record is still `processing`. */
let pending: Outcome;

function writeInvoice(
  folder: string,
  source: string,
  name: string,
  change: (xml: string) => string = (xml) => xml,
): string {
  const file = path.join(folder, name);
  const xml = replaceSellerCif(
    fs.readFileSync(path.join(FIXTURES, 'cius-ro', source)),
    CIF,
  ).toString();
  fs.writeFileSync(file, change(xml));
  return file;
}

async function uploadOne(file: string, args: string[]): Promise<Outcome> {
  const run = await runCli(['--json', 'upload', file, ...args], {
    dataDir: uploaderDir,
  });
  const [outcome] = json<Outcome[]>(run);
  if (!outcome) throw new Error(`upload printed no outcome: ${run.stderr}`);
  return outcome;
}

function status(dataDir: string, args: string[]) {
  return runCli(['--json', 'status', ...args], { dataDir });
}

beforeAll(async () => {
  sandbox = await startSandbox(['--seed-messages', '0']);
  uploaderDir = tempDir('status-uploader');
  elsewhereDir = tempDir('status-elsewhere');
  strangerDir = tempDir('status-stranger');
  await loginAndFollow(sandbox, uploaderDir, 0, [CIF, OTHER_CIF]);
  await loginAndFollow(sandbox, elsewhereDir, 0, [CIF]);
  await loginAndFollow(sandbox, strangerDir, 1);

  const invoices = tempDir('status-invoices');
  accepted = await uploadOne(writeInvoice(invoices, CLEAN, 'clean.xml'), [
    '--wait',
  ]);
  rejected = await uploadOne(writeInvoice(invoices, OUTDATED, 'outdated.xml'), [
    '--wait',
    '--accept-warnings',
  ]);
  // Another invoice number, so that ANAF does not take it for a duplicate.
  const second = writeInvoice(invoices, CLEAN, 'second.xml', (xml) =>
    xml.replace('<cbc:ID>12115118</cbc:ID>', '<cbc:ID>12115119</cbc:ID>'),
  );
  pending = await uploadOne(second, []);
}, 120_000);

afterAll(cleanUp);

describe('efactura upload without --wait', () => {
  it('sends the file before it exits', () => {
    expect(pending.uploadIndex).toMatch(/^\d+$/);
    expect(pending.state).toBe('processing');
  });
});

describe('efactura status of an upload of this data folder', () => {
  it('reports an accepted upload', async () => {
    const run = await status(uploaderDir, [accepted.uploadIndex ?? '']);
    expect(run.code).toBe(0);
    const report = json<StatusReport>(run);
    expect(report.status).toBe('ok');
    expect(report.cif).toBe(CIF);
    expect(report.file).toBe('clean.xml');
    expect(report.state).toBe('accepted');
    expect(report.messageId).toBe(accepted.messageId);
  });

  it('reports the errors of a rejected upload', async () => {
    const run = await status(uploaderDir, [rejected.uploadIndex ?? '']);
    expect(run.code).toBe(0);
    const report = json<StatusReport>(run);
    expect(report.status).toBe('nok');
    expect(report.state).toBe('rejected');
    expect(report.errors.map((error) => error.code)).toContain('BR-RO-001');
  });

  it('moves a processing record on with the answer', async () => {
    const run = await status(uploaderDir, [pending.uploadIndex ?? '']);
    expect(run.code).toBe(0);
    const report = json<StatusReport>(run);
    expect(report.status).toBe('ok');
    expect(report.state).toBe('accepted');
    expect(report.messageId).toMatch(/^\d+$/);
  });

  it('prints text for a person', async () => {
    const run = await runCli(['status', rejected.uploadIndex ?? ''], {
      dataDir: uploaderDir,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Upload ${rejected.uploadIndex} (CIF ${CIF}): nok`,
    );
    expect(run.stdout).toContain('File: outdated.xml');
    expect(run.stdout).toContain('Local record: rejected');
    expect(run.stdout).toContain('[BR-RO-001]');
  });
});

describe('efactura status of an index from elsewhere', () => {
  it('asks ANAF with the only company', async () => {
    const run = await status(elsewhereDir, [accepted.uploadIndex ?? '']);
    expect(run.code).toBe(0);
    const report = json<StatusReport>(run);
    expect(report.status).toBe('ok');
    expect(report.file).toBeNull();
    expect(report.state).toBeNull();
    expect(report.messageId).toBe(accepted.messageId);
  });

  it('points to the error list of a rejection', async () => {
    const run = await runCli(['status', rejected.uploadIndex ?? ''], {
      dataDir: elsewhereDir,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`efactura sync --cif ${CIF}`);
    expect(run.stdout).toContain(`efactura show ${rejected.messageId}`);
  });

  it('needs --cif among several companies', async () => {
    const run = await status(uploaderDir, [UNKNOWN_INDEX]);
    expect(run.code).toBe(2);
    expect(lastErrorLine(run)).toContain(
      `Several companies are followed (${CIF}, ${OTHER_CIF}); name the upload's company with --cif CIF.`,
    );
  });

  it('asks ANAF for the company of --cif', async () => {
    const run = await status(uploaderDir, [UNKNOWN_INDEX, '--cif', OTHER_CIF]);
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toContain(
      `ANAF has no upload with index ${UNKNOWN_INDEX} for CIF ${OTHER_CIF}`,
    );
  });

  it('reports an account without the right', async () => {
    const run = await status(strangerDir, [accepted.uploadIndex ?? '']);
    expect(run.code).toBe(1);
    expect(json<{ error: { code: string } }>(run).error.code).toBe(
      'anaf.noRight',
    );
    expect(lastErrorLine(run)).toContain(
      `the right to see upload ${accepted.uploadIndex}`,
    );
    expect(lastErrorLine(run)).toContain('pass --account ID');
  });

  it('rejects an unknown --account', async () => {
    const run = await runCli(
      ['--account', 'no-such-account', 'status', UNKNOWN_INDEX, '--cif', CIF],
      { dataDir: elsewhereDir },
    );
    expect(run.code).toBe(2);
    expect(lastErrorLine(run)).toContain(
      'No account has the id no-such-account',
    );
  });
});
