// ANAF's published CIUS-RO examples sent through the upload service: as
// published (a fictitious seller, so the seller check warns and ANAF ends
// them `nok` on R6.1) and with a registry seller swapped in. Each upload
// must end as the sandbox decided, with the sandbox's own errors.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadRecord } from '../../../shared/domain.ts';
import { replaceSellerCif } from '../../helpers/replace-seller.ts';
import {
  base64File,
  startUploadEnv,
  waitForStates,
  type SandboxUpload,
  type UploadEnv,
} from './upload-env.ts';
import type { UploadStack } from './upload-stack.ts';

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../..',
);
const examplesDir = path.resolve(
  repoRoot,
  '../shared/fixtures/invoices/cius-ro',
);
const examples = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.xml'))
  .sort();

// Several examples share a number and issue date, so each gets its own
// seller; otherwise ANAF would end the later ones as duplicates.
let env: UploadEnv;
let stack: UploadStack;
const sandboxUploads = new Map<string, SandboxUpload>();
const sent = new Map<
  string,
  { published: UploadRecord; swapped: UploadRecord }
>();

beforeAll(async () => {
  env = await startUploadEnv({ cifCount: examples.length });
  stack = await env.open(await env.newDataDir());
  stack.service.resume();

  const ids: string[] = [];
  for (const [i, name] of examples.entries()) {
    const cif = env.cifs[i] ?? '';
    const published = readFileSync(path.join(examplesDir, name));
    const [asPublished] = await stack.service.submit(
      cif,
      [base64File(name, published)],
      { acceptWarnings: true, allowDuplicate: false },
    );
    const [swapped] = await stack.service.submit(
      cif,
      [base64File(`seller-${name}`, replaceSellerCif(published, cif))],
      { acceptWarnings: true, allowDuplicate: false },
    );
    sent.set(name, { published: asPublished!, swapped: swapped! });
    ids.push(asPublished!.id, swapped!.id);
  }

  await waitForStates(stack.service, ids, ['accepted', 'rejected'], 60_000);
  for (const upload of await env.sandboxUploads()) {
    sandboxUploads.set(upload.sha256, upload);
  }
}, 90_000);

afterAll(async () => {
  await stack?.close();
  await env?.close();
});

function final(record: UploadRecord | undefined): UploadRecord | null {
  return record ? stack.service.get(record.id) : null;
}

const STATE_OF: Record<string, string> = { ok: 'accepted', nok: 'rejected' };

describe('published examples', () => {
  for (const name of examples) {
    it(`${name} as published`, () => {
      const upload = final(sent.get(name)?.published);
      const recorded = sandboxUploads.get(upload?.sha256 ?? '');

      expect(upload?.state).toBe(STATE_OF[recorded?.state ?? '']);
      expect(upload?.uploadIndex).toBe(recorded?.index);
      expect(upload?.errors.map((entry) => entry.message)).toEqual(
        recorded?.errors,
      );
      expect(upload?.errors.map((entry) => entry.ruleId)).toContain('R6.1');
    });

    it(`${name} with a registry seller`, () => {
      const upload = final(sent.get(name)?.swapped);
      const recorded = sandboxUploads.get(upload?.sha256 ?? '');

      expect(upload?.state).toBe(STATE_OF[recorded?.state ?? '']);
      expect(upload?.uploadIndex).toBe(recorded?.index);
      expect(upload?.errors.map((entry) => entry.message)).toEqual(
        recorded?.errors,
      );
      expect(upload?.errors.map((entry) => entry.ruleId)).not.toContain('R6.1');
    });
  }
});
