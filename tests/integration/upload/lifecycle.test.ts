// The upload service against the sandbox over HTTPS, with real SQLite and
// real files: accepted, rejected (nok, at upload, as a duplicate), corrected
// and sent again, and a lost upload left to the user's decision.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UPLOADS_DIR } from '../../../electron/core/upload/index.ts';
import type { UploadRecord } from '../../../shared/domain.ts';
import { AppFailure } from '../../../shared/result.ts';
import { ublInvoice } from '../../unit/upload/invoice-text.ts';
import {
  base64File,
  countByHash,
  startUploadEnv,
  waitForStates,
  type UploadEnv,
} from './upload-env.ts';
import type { UploadStack } from './upload-stack.ts';

const OUTDATED =
  'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.0';

let env: UploadEnv;
let stack: UploadStack | undefined;
let nextCif = 0;

beforeAll(async () => {
  env = await startUploadEnv({ cifCount: 14 });
});

afterAll(async () => {
  await env.close();
});

afterEach(async () => {
  await env.setFaults([]);
  await stack?.close();
  stack = undefined;
});

/**
 * A stack and a CIF of its own: reconciliation reads the CIF's whole list,
 * so tests must not share a CIF.
 */
async function openWithCif(
  settings = {},
): Promise<{ stack: UploadStack; cif: string; dataDir: string }> {
  const cif = env.cifs[nextCif];
  nextCif += 1;
  if (!cif) throw new Error('The test environment has no CIF left.');
  const dataDir = await env.newDataDir();
  stack = await env.open(dataDir, { settings });
  stack.service.resume();
  return { stack, cif, dataDir };
}

function invoice(cif: string, number: string, extra = {}): string {
  return ublInvoice({ sellerVat: `RO${cif}`, number, ...extra });
}

async function failureCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return error instanceof AppFailure ? error.code : String(error);
  }
}

const STRICT = { acceptWarnings: false, allowDuplicate: false };

describe('upload service', () => {
  it('files a valid invoice', async () => {
    const { stack, cif } = await openWithCif();
    const states: string[] = [];
    stack.service.onChange((record) => states.push(record.state));

    const [queued] = await stack.service.submit(
      cif,
      [base64File('f1.xml', invoice(cif, 'LC-1'))],
      STRICT,
    );
    const [done] = await waitForStates(stack.service, [queued!.id]);

    expect(done?.state).toBe('accepted');
    expect(done?.uploadIndex).toMatch(/^\d+$/);
    expect(done?.messageId).toMatch(/^\d+$/);
    expect(states.slice(0, 3)).toEqual(['queued', 'sending', 'processing']);
    expect(states.at(-1)).toBe('accepted');
    const recorded = (await env.sandboxUploads()).filter(
      (upload) => upload.sha256 === done?.sha256,
    );
    expect(recorded.map((upload) => upload.index)).toEqual([done?.uploadIndex]);
  });

  it('keeps the file user-only', async () => {
    const { stack, cif, dataDir } = await openWithCif();
    const [queued] = await stack.service.submit(
      cif,
      [base64File('f2.xml', invoice(cif, 'LC-2'))],
      STRICT,
    );
    const file = path.join(dataDir, UPLOADS_DIR, `${queued!.id}.xml`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await waitForStates(stack.service, [queued!.id]);
    expect(await readdir(path.join(dataDir, UPLOADS_DIR))).toEqual([
      `${queued!.id}.xml`,
    ]);
  });

  it('refuses unconfirmed warnings', async () => {
    const { stack, cif } = await openWithCif();
    const other = env.cifs.at(-1) ?? '';
    const code = await failureCode(
      stack.service.submit(
        cif,
        [base64File('w.xml', invoice(other, 'LC-3'))],
        STRICT,
      ),
    );
    expect(code).toBe('upload.blocked');
    expect(stack.service.list({ cif })).toEqual([]);
  });

  it('refuses the same bytes twice', async () => {
    const { stack, cif } = await openWithCif();
    const file = base64File('d.xml', invoice(cif, 'LC-4'));
    const [first] = await stack.service.submit(cif, [file], STRICT);
    await waitForStates(stack.service, [first!.id]);

    const code = await failureCode(stack.service.submit(cif, [file], STRICT));
    expect(code).toBe('upload.duplicate');
    expect(stack.service.list({ cif })).toHaveLength(1);
  });

  it('links ANAF duplicate response', async () => {
    const { stack, cif } = await openWithCif();
    const xml = invoice(cif, 'LC-5');
    const [first] = await stack.service.submit(
      cif,
      [base64File('a.xml', xml)],
      STRICT,
    );
    await waitForStates(stack.service, [first!.id]);

    // Other bytes, same seller, number and issue date.
    const [second] = await stack.service.submit(
      cif,
      [base64File('b.xml', `${xml}\n<!-- exported again -->\n`)],
      STRICT,
    );
    const [done] = await waitForStates(stack.service, [second!.id]);

    expect(done?.state).toBe('rejected');
    expect(done?.duplicateOf).toBe(first!.id);
    expect(done?.errors.map((entry) => entry.message).join(' ')).toContain(
      'a mai fost transmisa anterior',
    );
    const [filed] = stack.service
      .list({ cif })
      .filter((r) => r.id === first!.id);
    expect(done?.noteParts).toEqual([
      {
        kind: 'alreadyFiled',
        values: { earlierIndex: filed?.uploadIndex, earlierFileName: 'a.xml' },
      },
    ]);
  });

  it('keeps every error of a nok', async () => {
    const { stack, cif } = await openWithCif();
    const [queued] = await stack.service.submit(
      cif,
      [
        base64File(
          'old.xml',
          invoice(cif, 'LC-6', { customizationId: OUTDATED }),
        ),
      ],
      { acceptWarnings: true, allowDuplicate: false },
    );
    const [done] = await waitForStates(stack.service, [queued!.id]);
    const recorded = (await env.sandboxUploads()).find(
      (upload) => upload.sha256 === done?.sha256,
    );

    expect(done?.state).toBe('rejected');
    expect(done?.errors.map((entry) => entry.message)).toEqual(
      recorded?.errors,
    );
    expect(done?.errors.map((entry) => entry.ruleId)).toContain('BR-RO-001');
  });

  it('sends a corrected file again', async () => {
    const { stack, cif } = await openWithCif();
    const [rejected] = await stack.service.submit(
      cif,
      [
        base64File(
          'v1.xml',
          invoice(cif, 'LC-7', { customizationId: OUTDATED }),
        ),
      ],
      { acceptWarnings: true, allowDuplicate: false },
    );
    await waitForStates(stack.service, [rejected!.id]);

    const [corrected] = await stack.service.submit(
      cif,
      [base64File('v2.xml', invoice(cif, 'LC-7'))],
      { ...STRICT, replaces: rejected!.id },
    );
    const [done] = await waitForStates(stack.service, [corrected!.id]);

    expect(done?.state).toBe('accepted');
    expect(done?.replaces).toBe(rejected!.id);
    const history = stack.service.list({ cif });
    expect(history.map((record) => record.state)).toEqual([
      'accepted',
      'rejected',
    ]);
  });

  it('refuses to replace an accepted upload', async () => {
    const { stack, cif } = await openWithCif();
    const [first] = await stack.service.submit(
      cif,
      [base64File('ok.xml', invoice(cif, 'LC-8'))],
      STRICT,
    );
    await waitForStates(stack.service, [first!.id]);
    const code = await failureCode(
      stack.service.submit(
        cif,
        [base64File('ok2.xml', invoice(cif, 'LC-8b'))],
        { ...STRICT, replaces: first!.id },
      ),
    );
    expect(code).toBe('input.invalid');
  });

  it('keeps every message of a refusal', async () => {
    const { stack, cif } = await openWithCif();
    const [queued] = await stack.service.submit(
      cif,
      [base64File('nocur.xml', invoice(cif, 'LC-9', { currency: null }))],
      { acceptWarnings: true, allowDuplicate: false },
    );
    const [done] = await waitForStates(stack.service, [queued!.id]);
    const recorded = (await env.sandboxUploads()).find(
      (upload) => upload.sha256 === done?.sha256,
    );

    expect(done?.state).toBe('rejected');
    expect(done?.uploadIndex).toBeNull();
    // The client trims ANAF's messages; the sandbox ends this one with a space.
    expect(done?.errors.map((entry) => entry.message)).toEqual(
      recorded?.errors.map((message) => message.trim()),
    );
  });

  it('leaves a lost upload to the user', async () => {
    const { stack, cif } = await openWithCif({ reconcileDeadlineMs: 1_500 });
    // A 5xx before ANAF recorded anything: the app cannot know that.
    await env.setFaults(['upload:error-before=503@1']);
    const file = base64File('lost.xml', invoice(cif, 'LC-10'));
    const [queued] = await stack.service.submit(cif, [file], STRICT);

    const [undecided] = await waitForStates(stack.service, [queued!.id]);
    expect(undecided?.state).toBe('needsDecision');
    expect(undecided?.note).toContain('check in SPV');
    const [deadline] = undecided?.noteParts ?? [];
    expect(deadline?.kind).toBe('outcomeUnknown');
    const times = deadline?.values as { sentAt: string; deadlineAt: string };
    // The list's end margin is 0 in these tests.
    expect(Date.parse(times.deadlineAt) - Date.parse(times.sentAt)).toBe(1_500);

    const resent = stack.service.resolveUnknown(queued!.id, 'markNotSent');
    expect(resent.state).toBe('queued');
    const [done] = await waitForStates(stack.service, [queued!.id]);
    expect(done?.state).toBe('accepted');
    const counts = countByHash(await env.sandboxUploads());
    expect(counts.get(done?.sha256 ?? '')).toBe(1);
  });

  it('refuses to resolve a known outcome', async () => {
    const { stack, cif } = await openWithCif();
    const [queued] = await stack.service.submit(
      cif,
      [base64File('k.xml', invoice(cif, 'LC-11'))],
      STRICT,
    );
    await waitForStates(stack.service, [queued!.id]);
    expect(() => stack.service.resolveUnknown(queued!.id, 'markSent')).toThrow(
      AppFailure,
    );
  });
});

export type { UploadRecord };
