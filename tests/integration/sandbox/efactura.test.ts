import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  download,
  finishProcessing,
  startTestSandbox,
  status,
  upload,
  type TestSandbox,
} from './harness.ts';
import { readErrorDocument, ublInvoice, unzip } from './invoices.ts';

let t: TestSandbox;
let token: string; // Andreea: rights on A and B
let otherToken: string; // Mihai: rights on C
let noRightsToken: string; // Elena: no rights
let A: string;
let B: string;
let C: string;
let sequence = 0;

function nextNumber(): string {
  sequence += 1;
  return `EF-${String(sequence).padStart(4, '0')}`;
}

beforeAll(async () => {
  t = await startTestSandbox();
  [A = '', B = ''] = t.info.certificates[0]?.cifs ?? [];
  [C = ''] = t.info.certificates[1]?.cifs ?? [];
  token = (await t.login(0)).access_token;
  otherToken = (await t.login(1)).access_token;
  noRightsToken = (await t.login(2)).access_token;
});

afterAll(async () => {
  await t.close();
});

describe('TestOauth hello', () => {
  it('greets with the headers', async () => {
    const result = await t.call('GET', '/TestOauth/jaxrs/hello?name=Ana', {
      token,
    });
    expect(result.status).toBe(200);
    expect(result.text().startsWith('Hello, Ana')).toBe(true);
    expect(result.text()).toContain(
      `serial_certificate: ${t.info.certificates[0]?.serial}`,
    );
  });

  it('forbids a call without a token', async () => {
    const result = await t.call('GET', '/TestOauth/jaxrs/hello?name=Ana');
    expect(result.status).toBe(403);
  });

  it('rejects an unknown token', async () => {
    const result = await t.call('GET', '/TestOauth/jaxrs/hello?name=Ana', {
      token: 'abc',
    });
    expect(result.status).toBe(401);
    expect(result.headers['www-authenticate']).toContain('invalid_token');
  });

  it('rejects a tampered JWT', async () => {
    const tampered = `${token.slice(0, -4)}AAAA`;
    const result = await t.call('GET', '/TestOauth/jaxrs/hello?name=Ana', {
      token: tampered,
    });
    expect(result.status).toBe(401);
  });

  it('forbids a path without its service prefix', async () => {
    const result = await t.call('GET', `/listaMesajeFactura?zile=1&cif=${A}`, {
      token,
    });
    expect(result.status).toBe(403);
  });
});

describe('upload parameters', () => {
  const body = (): Buffer =>
    ublInvoice({ sellerCif: A, buyerCif: B, number: nextNumber() });

  it('requires standard and cif', async () => {
    const outcome = await upload(t, token, body(), { standard: 'UBL' });
    expect(outcome.result.status).toBe(400);
    const json = outcome.result.json();
    expect(json.message).toBe('Parametrii standard si cif sunt obligatorii');
    expect(json.error).toBe('Bad Request');
    expect(json.timestamp).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
  });

  it('rejects an empty body', async () => {
    const outcome = await upload(t, token, Buffer.alloc(0), {
      standard: 'UBL',
      cif: A,
    });
    expect(outcome.result.status).toBe(400);
  });

  const cases: [string, Record<string, string>, string][] = [
    [
      'bad standard',
      { standard: 'XML' },
      'Valorile acceptate pentru parametrul standard sunt UBL, CN, CII sau RASP',
    ],
    ['non-numeric cif', { cif: '123a' }, 'CIF introdus= 123a nu este un numar'],
    [
      'bad extern',
      { extern: 'NU' },
      'Daca parametrul extern trebuie completat, valoarea acceptata este DA',
    ],
    [
      'bad autofactura',
      { autofactura: 'da' },
      'Daca parametrul autofacturare trebuie completat, valoarea acceptata este DA',
    ],
    [
      'bad executare',
      { executare: '1' },
      'Daca parametrul executare trebuie completat, valoarea acceptata este DA',
    ],
  ];
  for (const [name, params, message] of cases) {
    it(`rejects ${name}`, async () => {
      const outcome = await upload(t, token, body(), {
        standard: 'UBL',
        cif: A,
        ...params,
      });
      expect(outcome.result.status).toBe(200);
      expect(outcome.executionStatus).toBe('1');
      expect(outcome.index).toBeNull();
      expect(outcome.errors).toEqual([message]);
    });
  }

  it('rejects a certificate without rights', async () => {
    const outcome = await upload(t, noRightsToken, body(), {
      standard: 'UBL',
      cif: A,
    });
    expect(outcome.errors).toEqual([
      'Nu exista niciun CIF pentru care sa aveti drept in SPV',
    ]);
  });

  it('rejects a CIF without rights', async () => {
    const outcome = await upload(t, otherToken, body(), {
      standard: 'UBL',
      cif: A,
    });
    expect(outcome.errors).toEqual([`Nu aveti drept in SPV pentru CIF=${A}`]);
  });

  it('rejects executare outside the register', async () => {
    const outcome = await upload(t, token, body(), {
      standard: 'UBL',
      cif: A,
      executare: 'DA',
    });
    expect(outcome.errors).toEqual([
      `CIF introdus= ${A} nu este inregistrat in Registrul RO e-Factura executari silite`,
    ]);
  });

  it('accepts executare in the register', async () => {
    const invoice = ublInvoice({
      sellerCif: C,
      buyerCif: A,
      number: nextNumber(),
    });
    const outcome = await upload(t, otherToken, invoice, {
      standard: 'UBL',
      cif: C,
      executare: 'DA',
    });
    expect(outcome.executionStatus).toBe('0');
  });

  it('rejects a body over 10 MB', async () => {
    const big = Buffer.concat([body(), Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const outcome = await upload(t, token, big, { standard: 'UBL', cif: A });
    expect(outcome.errors).toEqual([
      'Marime fisier transmis mai mare de 10 MB.',
    ]);
  });
});

describe('upload processing', () => {
  it('accepts, processes and lists an invoice', async () => {
    const invoice = ublInvoice({
      sellerCif: A,
      buyerCif: C,
      number: nextNumber(),
    });
    const outcome = await upload(t, token, invoice, {
      standard: 'UBL',
      cif: A,
    });
    expect(outcome.result.headers['content-type']).toBe('application/xml');
    expect(outcome.result.text()).toContain(
      'xmlns="mfp:anaf:dgti:spv:respUploadFisier:v1"',
    );
    expect(outcome.result.text()).toMatch(/dateResponse="\d{12}"/);
    expect(outcome.executionStatus).toBe('0');
    expect(outcome.index).toMatch(/^\d{10}$/);
    const index = outcome.index ?? '';

    const pending = await status(t, token, index);
    expect(pending.stare).toBe('in prelucrare');
    expect(pending.downloadId).toBeNull();
    expect(pending.result.text()).toContain(
      'mfp:anaf:dgti:efactura:stareMesajFactura:v1',
    );

    await finishProcessing(t);
    const done = await status(t, token, index);
    expect(done.stare).toBe('ok');
    expect(done.downloadId).toMatch(/^\d{10}$/);

    const sent = await t.call(
      'GET',
      `/test/FCTEL/rest/listaMesajeFactura?zile=1&cif=${A}&filtru=T`,
      { token },
    );
    const item = sent
      .json<{ mesaje: Record<string, string>[] }>()
      .mesaje.find((entry) => entry.id_solicitare === index);
    expect(item?.tip).toBe('FACTURA TRIMISA');
    expect(item?.id).toBe(done.downloadId);
    expect(item?.detalii).toBe(
      `Factura cu id_incarcare=${index} emisa de cif_emitent=${A} pentru cif_beneficiar=${C}`,
    );
    expect(item?.data_creare).toMatch(/^\d{12}$/);

    const received = await t.call(
      'GET',
      `/test/FCTEL/rest/listaMesajeFactura?zile=1&cif=${C}&filtru=P`,
      { token: otherToken },
    );
    const receivedItem = received
      .json<{ mesaje: Record<string, string>[] }>()
      .mesaje.find((entry) => entry.id_solicitare === index);
    expect(receivedItem?.tip).toBe('FACTURA PRIMITA');
  });

  it('downloads the invoice as uploaded', async () => {
    const invoice = ublInvoice({
      sellerCif: A,
      buyerCif: B,
      number: nextNumber(),
    });
    const outcome = await upload(
      t,
      token,
      invoice,
      { standard: 'UBL', cif: A },
      { env: 'prod', endpoint: 'uploadb2c' },
    );
    await finishProcessing(t);
    const done = await status(t, token, outcome.index ?? '');
    const result = await download(t, token, done.downloadId ?? '');
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toBe('application/zip');
    expect(result.body.subarray(0, 2).toString()).toBe('PK');
    const entries = await unzip(result.body);
    expect([...entries.keys()].sort()).toEqual([
      `${outcome.index}.xml`,
      `semnatura_${outcome.index}.xml`,
    ]);
    expect(entries.get(`${outcome.index}.xml`)?.equals(invoice)).toBe(true);
  });

  it('rejects a malformed file at upload', async () => {
    const before = await t.admin<{ uploads: unknown[] }>('GET', '/uploads');
    const outcome = await upload(t, token, Buffer.from('<Invoice><cbc:ID>'), {
      standard: 'UBL',
      cif: A,
    });
    expect(outcome.executionStatus).toBe('1');
    expect(outcome.index).toBeNull();
    expect(outcome.errors[0]).toMatch(
      /^Fisierul transmis nu este valid\. org\.xml\.sax\.SAXParseException; /,
    );

    const after = await t.admin<{
      uploads: { index: string; state: string }[];
    }>('GET', '/uploads');
    expect(after.uploads.length).toBe(before.uploads.length + 1);
    const recorded = after.uploads.at(-1);
    expect(recorded?.state).toBe('XML cu erori nepreluat de sistem');
    const later = await status(t, token, recorded?.index ?? '');
    expect(later.stare).toBe('XML cu erori nepreluat de sistem');
  });

  it('rejects a root that does not match standard', async () => {
    const invoice = ublInvoice({
      sellerCif: A,
      buyerCif: B,
      number: nextNumber(),
    });
    const outcome = await upload(t, token, invoice, { standard: 'CN', cif: A });
    expect(outcome.executionStatus).toBe('1');
    expect(outcome.errors[0]).toContain('Fisierul transmis nu este valid.');
  });

  it('accepts a credit note as CN', async () => {
    const note = ublInvoice({
      sellerCif: A,
      buyerCif: B,
      number: nextNumber(),
      root: 'CreditNote',
    });
    const outcome = await upload(t, token, note, { standard: 'CN', cif: A });
    expect(outcome.executionStatus).toBe('0');
    await finishProcessing(t);
    expect((await status(t, token, outcome.index ?? '')).stare).toBe('ok');
  });
});

async function uploadAndFinish(
  body: Buffer,
  params: Record<string, string> = {},
  as = token,
): Promise<{ index: string; stare: string | null; downloadId: string | null }> {
  const outcome = await upload(t, as, body, {
    standard: 'UBL',
    cif: A,
    ...params,
  });
  if (outcome.executionStatus !== '0')
    throw new Error(`upload rejected: ${outcome.errors.join('; ')}`);
  await finishProcessing(t);
  const done = await status(t, as, outcome.index ?? '');
  return {
    index: outcome.index ?? '',
    stare: done.stare,
    downloadId: done.downloadId,
  };
}

async function errorsOf(
  downloadId: string | null,
  as = token,
): Promise<string[]> {
  const zip = await download(t, as, downloadId ?? '');
  const entries = await unzip(zip.body);
  const document = [...entries.entries()].find(
    ([name]) => !name.startsWith('semnatura_'),
  );
  return readErrorDocument(document?.[1] ?? Buffer.alloc(0)).messages;
}

describe('section 7.1 rules', () => {
  const rules: [string, Partial<Parameters<typeof ublInvoice>[0]>, RegExp][] = [
    [
      'BR-RO-001',
      {
        customizationId:
          'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.0',
      },
      /\[BR-RO-001\]/,
    ],
    ['BR-CO-15', { taxInclusive: '130.00' }, /\[BR-CO-15\]/],
    ['BR-CO-10', { lineAmount: '90.00', lineTotal: '100.00' }, /\[BR-CO-10\]/],
    ['seller county', { sellerCounty: 'Cluj' }, /\[BR-RO-110\]/],
    ['buyer county', { buyerCounty: 'RO-XX' }, /\[BR-RO-111\]/],
    [
      'Bucharest sector',
      { sellerCounty: 'RO-B', sellerCity: 'Bucuresti' },
      /SECTOR/,
    ],
  ];
  for (const [name, fields, pattern] of rules) {
    it(`fails ${name}`, async () => {
      const body = ublInvoice({
        sellerCif: A,
        buyerCif: B,
        number: nextNumber(),
        ...fields,
      });
      const done = await uploadAndFinish(body);
      expect(done.stare).toBe('nok');
      const messages = await errorsOf(done.downloadId);
      expect(messages.length).toBe(1);
      expect(messages[0]).toMatch(pattern);
    });
  }

  it('passes a Bucharest sector', async () => {
    const body = ublInvoice({
      sellerCif: A,
      buyerCif: B,
      number: nextNumber(),
      sellerCounty: 'RO-B',
      sellerCity: 'SECTOR3',
    });
    expect((await uploadAndFinish(body)).stare).toBe('ok');
  });

  it('fails R6.1 for an unknown seller', async () => {
    const body = ublInvoice({
      sellerCif: '1111111111118',
      buyerCif: B,
      number: nextNumber(),
    });
    const done = await uploadAndFinish(body);
    expect(done.stare).toBe('nok');
    const messages = await errorsOf(done.downloadId);
    expect(messages).toEqual([
      'E: validari globale\n eroare regula: R6.1: CIF-ul vanzatorului nu figureaza in baza de date:1111111111118',
    ]);
  });

  it('lists every failed rule', async () => {
    const body = ublInvoice({
      sellerCif: A,
      buyerCif: B,
      number: nextNumber(),
      taxInclusive: '1.00',
      buyerCounty: 'X',
    });
    const done = await uploadAndFinish(body);
    const messages = await errorsOf(done.downloadId);
    expect(messages.some((message) => message.includes('[BR-CO-15]'))).toBe(
      true,
    );
    expect(messages.some((message) => message.includes('[BR-RO-111]'))).toBe(
      true,
    );
  });

  it('writes the error document as ANAF does', async () => {
    const body = ublInvoice({
      sellerCif: A,
      buyerCif: B,
      number: nextNumber(),
      taxInclusive: '1.00',
    });
    const done = await uploadAndFinish(body);
    const zip = await unzip(
      (await download(t, token, done.downloadId ?? '')).body,
    );
    const document = readErrorDocument(
      zip.get(`${done.index}.xml`) ?? Buffer.alloc(0),
    );
    expect(document.namespace).toBe(
      'mfp:anaf:dgti:efactura:mesajEroriFactuta:v1',
    );
    expect(document.index).toBe(done.index);
    expect(document.cifEmitent).toBe(A);
    expect(zip.has(`semnatura_${done.index}.xml`)).toBe(true);
  });

  it('lists a nok upload as ERORI FACTURA', async () => {
    const body = ublInvoice({
      sellerCif: A,
      buyerCif: B,
      number: nextNumber(),
      taxInclusive: '1.00',
    });
    const done = await uploadAndFinish(body);
    const list = await t.call(
      'GET',
      `/test/FCTEL/rest/listaMesajeFactura?zile=1&cif=${A}&filtru=E`,
      { token },
    );
    const item = list
      .json<{ mesaje: Record<string, string>[] }>()
      .mesaje.find((entry) => entry.id_solicitare === done.index);
    expect(item?.tip).toBe('ERORI FACTURA');
    expect(item?.detalii).toBe(
      `Erori de validare identificate la factura primita cu id_incarcare=${done.index}`,
    );
  });

  it('fails a duplicate, naming the first upload', async () => {
    const number = nextNumber();
    const first = await uploadAndFinish(
      ublInvoice({ sellerCif: A, buyerCif: B, number }),
    );
    expect(first.stare).toBe('ok');
    const second = await uploadAndFinish(
      ublInvoice({ sellerCif: A, buyerCif: B, number }),
    );
    expect(second.stare).toBe('nok');
    const messages = await errorsOf(second.downloadId);
    expect(messages.length).toBe(1);
    expect(messages[0]).toContain(
      `Factura a mai fost transmisa anterior cu index=${first.index}`,
    );
  });

  it('ignores an earlier nok as duplicate', async () => {
    const number = nextNumber();
    const failed = await uploadAndFinish(
      ublInvoice({ sellerCif: A, buyerCif: B, number, taxInclusive: '1.00' }),
    );
    expect(failed.stare).toBe('nok');
    const fixed = await uploadAndFinish(
      ublInvoice({ sellerCif: A, buyerCif: B, number }),
    );
    expect(fixed.stare).toBe('ok');
  });
});

describe('upload flags', () => {
  it('lists a self-billed invoice for both parties', async () => {
    // B (the buyer) issues the invoice in the name of seller C.
    const body = ublInvoice({
      sellerCif: C,
      buyerCif: B,
      number: nextNumber(),
    });
    const done = await uploadAndFinish(body, { cif: B, autofactura: 'DA' });
    expect(done.stare).toBe('ok');
    const buyerList = await t.call(
      'GET',
      `/test/FCTEL/rest/listaMesajeFactura?zile=1&cif=${B}`,
      { token },
    );
    const sent = buyerList
      .json<{ mesaje: Record<string, string>[] }>()
      .mesaje.find((entry) => entry.id_solicitare === done.index);
    expect(sent?.tip).toBe('FACTURA TRIMISA');
    expect(sent?.detalii).toBe(
      `Factura cu id_incarcare=${done.index} transmisa de cif=${B} ca autofactura in numele cif=${C}`,
    );
    const sellerList = await t.call(
      'GET',
      `/test/FCTEL/rest/listaMesajeFactura?zile=1&cif=${C}`,
      { token: otherToken },
    );
    const received = sellerList
      .json<{ mesaje: Record<string, string>[] }>()
      .mesaje.find((entry) => entry.id_solicitare === done.index);
    expect(received?.tip).toBe('FACTURA PRIMITA');
  });

  it('gives a foreign buyer nothing with extern', async () => {
    const body = ublInvoice({
      sellerCif: A,
      buyerCif: C,
      number: nextNumber(),
      buyerCountry: 'DE',
    });
    const done = await uploadAndFinish(body, { extern: 'DA' });
    expect(done.stare).toBe('ok');
    const list = await t.call(
      'GET',
      `/test/FCTEL/rest/listaMesajeFactura?zile=1&cif=${C}`,
      { token: otherToken },
    );
    const items =
      list.json<{ mesaje?: Record<string, string>[] }>().mesaje ?? [];
    expect(items.some((entry) => entry.id_solicitare === done.index)).toBe(
      false,
    );
  });

  it('delivers a buyer message (RASP)', async () => {
    const invoice = await uploadAndFinish(
      ublInvoice({ sellerCif: A, buyerCif: C, number: nextNumber() }),
    );
    const rasp = Buffer.from(
      `<header xmlns="mfp:anaf:dgti:spv:reqMesaj:v1" index_incarcare="${invoice.index}" message="Cantitate livrată diferită"/>`,
    );
    const outcome = await upload(t, otherToken, rasp, {
      standard: 'RASP',
      cif: C,
    });
    expect(outcome.executionStatus).toBe('0');
    await finishProcessing(t);
    expect((await status(t, otherToken, outcome.index ?? '')).stare).toBe('ok');
    const sellerList = await t.call(
      'GET',
      `/test/FCTEL/rest/listaMesajeFactura?zile=1&cif=${A}&filtru=R`,
      { token },
    );
    const items = sellerList.json<{ mesaje: Record<string, string>[] }>()
      .mesaje;
    expect(items.map((entry) => entry.tip)).toContain(
      'MESAJ CUMPARATOR PRIMIT',
    );
    const zip = await unzip(
      (await download(t, token, items[0]?.id ?? '')).body,
    );
    expect(zip.get(`${outcome.index}.xml`)?.equals(rasp)).toBe(true);
  });
});

describe('stareMesaj errors', () => {
  it('requires id_incarcare', async () => {
    const result = await t.call('GET', '/test/FCTEL/rest/stareMesaj', {
      token,
    });
    expect(result.status).toBe(400);
    expect(result.json().message).toBe(
      'Parametrul id_incarcare este obligatoriu',
    );
  });

  it('rejects a non-integer id', async () => {
    expect((await status(t, token, 'aaa')).errors).toEqual([
      'Id_incarcare introdus= aaa nu este un numar intreg',
    ]);
  });

  it('reports an unknown id', async () => {
    const outcome = await status(t, token, '15000');
    expect(outcome.stare).toBeNull();
    expect(outcome.errors).toEqual([
      'Nu exista factura cu id_incarcare= 15000',
    ]);
  });

  it("refuses another company's upload", async () => {
    const done = await uploadAndFinish(
      ublInvoice({ sellerCif: A, buyerCif: B, number: nextNumber() }),
    );
    expect((await status(t, otherToken, done.index)).errors).toEqual([
      `Nu aveti dreptul de inteorgare pentru id_incarcare= ${done.index}`,
    ]);
    expect((await status(t, noRightsToken, done.index)).errors).toEqual([
      'Nu exista niciun CIF petru care sa aveti drept',
    ]);
  });
});

describe('descarcare errors', () => {
  it('requires id', async () => {
    const result = await t.call('GET', '/test/FCTEL/rest/descarcare', {
      token,
    });
    expect(result.status).toBe(400);
    expect(result.json().message).toBe('Parametrul id este obligatoriu');
  });

  const cases: [string, string, string][] = [
    [
      'non-integer id',
      '123a',
      'Id descarcare introdus= 123a nu este un numar intreg',
    ],
    ['unknown id', '21', 'Pentru id=21 nu exista inregistrata nici o factura'],
  ];
  for (const [name, id, message] of cases) {
    it(`reports ${name} as text/plain JSON`, async () => {
      const result = await download(t, token, id);
      expect(result.status).toBe(200);
      expect(result.headers['content-type']).toContain('text/plain');
      expect(result.json()).toEqual({
        eroare: message,
        titlu: 'Descarcare mesaj',
      });
    });
  }

  it("refuses another company's message", async () => {
    const done = await uploadAndFinish(
      ublInvoice({ sellerCif: A, buyerCif: B, number: nextNumber() }),
    );
    const result = await download(t, otherToken, done.downloadId ?? '');
    expect(result.json().eroare).toBe(
      'Nu aveti dreptul sa descarcati acesta factura',
    );
  });
});

describe('admin uploads', () => {
  it('records the SHA-256 of the body', async () => {
    const invoice = ublInvoice({
      sellerCif: A,
      buyerCif: B,
      number: nextNumber(),
    });
    const outcome = await upload(t, token, invoice, {
      standard: 'UBL',
      cif: A,
    });
    const { uploads } = await t.admin<{
      uploads: { index: string; sha256: string; cif: string; state: string }[];
    }>('GET', '/uploads');
    const recorded = uploads.find((entry) => entry.index === outcome.index);
    expect(recorded?.sha256).toBe(
      createHash('sha256').update(invoice).digest('hex'),
    );
    expect(recorded?.cif).toBe(A);
    expect(recorded?.state).toBe('in prelucrare');
  });
});

describe('list lag', () => {
  it('shows a message only after the lag', async () => {
    await t.admin('PATCH', '/settings', { listLagMs: 60_000 });
    try {
      const done = await uploadAndFinish(
        ublInvoice({ sellerCif: A, buyerCif: B, number: nextNumber() }),
      );
      expect(done.stare).toBe('ok');
      const listed = async (): Promise<boolean> => {
        const list = await t.call(
          'GET',
          `/test/FCTEL/rest/listaMesajeFactura?zile=1&cif=${A}`,
          { token },
        );
        const items =
          list.json<{ mesaje?: Record<string, string>[] }>().mesaje ?? [];
        return items.some((entry) => entry.id_solicitare === done.index);
      };
      expect(await listed()).toBe(false);
      const zip = await download(t, token, done.downloadId ?? '');
      expect(zip.headers['content-type']).toBe('application/zip');
      await t.advance(60_000);
      expect(await listed()).toBe(true);
    } finally {
      await t.admin('PATCH', '/settings', { listLagMs: 0 });
    }
  });
});
