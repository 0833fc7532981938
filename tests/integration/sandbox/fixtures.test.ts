// ANAF's published CIUS-RO examples, uploaded as they are and with the
// seller replaced by a registry company: each must end as ANAF would end it,
// with a downloadable, correctly signed ZIP.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkStructure,
  isValidCif,
} from '../../../electron/sandbox/documents/index.ts';
import {
  download,
  finishProcessing,
  fixture,
  sharedPath,
  startTestSandbox,
  status,
  upload,
  type TestSandbox,
} from './harness.ts';
import { readErrorDocument, unzip } from './invoices.ts';
import { signerCertificate, verifyDetached } from './signature.ts';

const R61 = 'R6.1: CIF-ul vanzatorului nu figureaza in baza de date:';

/** Collects the first `count` valid CIFs from a starting number. */
function validCifs(count: number, from = 40_000_000): string[] {
  const found: string[] = [];
  for (let n = from; found.length < count; n += 1) {
    if (isValidCif(String(n))) found.push(String(n));
  }
  return found;
}

// Several published examples share an invoice number and issue date. Each
// example therefore gets its own registry seller, because the later ones
// would otherwise end `nok` as duplicates of the earlier ones.
const SELLERS = validCifs(30);
let sellerCount = 0;

let t: TestSandbox;
let token: string;
let signerPem: string;

beforeAll(async () => {
  t = await startTestSandbox({
    certificates: [{ name: 'Ioana Marinescu', cifs: SELLERS }],
  });
  token = (await t.login(0)).access_token;
  signerPem = signerCertificate(t.info.caCertPath);
});

afterAll(async () => {
  await t.close();
});

interface Outcome {
  stare: string | null;
  errors: string[];
}

function standardOf(body: Buffer, folder: string): 'UBL' | 'CN' | 'CII' {
  if (folder === 'cius-ro-cii') return 'CII';
  return body.toString('utf8').includes('<CreditNote') ? 'CN' : 'UBL';
}

/** Uploads, lets processing end, downloads and checks the ZIP. */
async function process(
  body: Buffer,
  standard: 'UBL' | 'CN' | 'CII',
  cif: string,
): Promise<Outcome> {
  const outcome = await upload(t, token, body, { standard, cif });
  expect(outcome.errors).toEqual([]);
  expect(outcome.executionStatus).toBe('0');
  const index = outcome.index ?? '';
  await finishProcessing(t);
  const done = await status(t, token, index);

  const zip = await download(t, token, done.downloadId ?? '');
  expect(zip.status).toBe(200);
  const entries = await unzip(zip.body);
  const document = entries.get(`${index}.xml`) ?? Buffer.alloc(0);
  const signature = entries.get(`semnatura_${index}.xml`) ?? Buffer.alloc(0);
  expect(verifyDetached(document, signature, signerPem)).toEqual([]);

  if (done.stare === 'ok') {
    expect(document.equals(body)).toBe(true);
    return { stare: done.stare, errors: [] };
  }
  return { stare: done.stare, errors: readErrorDocument(document).messages };
}

/**
 * Puts a registry CIF where the seller's identifier is. Foreign examples
 * write it with letters and dots (NL8200.98.395.B.01), so every text node
 * whose digits are the seller's CIF is replaced, keeping a country prefix.
 */
function replaceSeller(xml: string, sellerDigits: string, cif: string): string {
  return xml.replace(/>([^<>]+)</g, (whole, text: string) => {
    if (text.replace(/\D/g, '') !== sellerDigits) return whole;
    const prefix = /^[A-Z]{2}/.exec(text.trim())?.[0] ?? '';
    return `>${prefix === '' ? '' : 'RO'}${cif}<`;
  });
}

const folders = ['cius-ro', 'cius-ro-cii'];

for (const folder of folders) {
  describe(`published examples in ${folder}`, () => {
    const files = readdirSync(
      sharedPath('fixtures', 'invoices', folder),
    ).sort();
    for (const file of files) {
      it(`${file} ends as ANAF would end it`, async () => {
        const body = fixture(folder, file);
        const standard = standardOf(body, folder);
        const structure = checkStructure(body, standard);
        if (!structure.ok) throw new Error(structure.message);

        const seller = structure.facts.sellerCif;
        const registered = SELLERS[sellerCount] ?? '';
        sellerCount += 1;

        const asPublished = await process(body, standard, registered);
        expect(asPublished.stare).toBe('nok');
        expect(
          asPublished.errors.some((message) =>
            message.includes(`${R61}${seller ?? ''}`),
          ),
        ).toBe(true);

        // An example without a seller CIF cannot be given a registry seller.
        if (seller === null) return;
        const replaced = Buffer.from(
          replaceSeller(body.toString('utf8'), seller, registered),
          'utf8',
        );
        const withSeller = await process(replaced, standard, registered);
        const others = asPublished.errors.filter(
          (message) => !message.includes(R61),
        );
        expect(withSeller.errors).toEqual(others);
        expect(withSeller.stare).toBe(others.length === 0 ? 'ok' : 'nok');
      });
    }
  });
}
