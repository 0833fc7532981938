import { FormData } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  download,
  finishProcessing,
  startTestSandbox,
  status,
  upload,
  type TestSandbox,
} from './harness.ts';
import { ublInvoice, unzip } from './invoices.ts';
import {
  signerCertificate,
  verifyDetached,
  verifyEnveloped,
} from './signature.ts';

const UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let t: TestSandbox;
let token: string;
let A: string;
let B: string;
let valid: Buffer;

beforeAll(async () => {
  t = await startTestSandbox();
  [A = '', B = ''] = t.info.certificates[0]?.cifs ?? [];
  token = (await t.login(0)).access_token;
  valid = ublInvoice({ sellerCif: A, buyerCif: B, number: 'PUB-1' });
});

afterAll(async () => {
  await t.close();
});

function publicPost(
  path: string,
  body: Buffer | string,
): ReturnType<TestSandbox['call']> {
  return t.call('POST', `${t.info.publicUrl}${path}`, {
    body,
    headers: { 'content-type': 'text/plain' },
  });
}

describe('validare', () => {
  it('answers ok with a trace id', async () => {
    const result = await publicPost('/prod/FCTEL/rest/validare/FACT1', valid);
    expect(result.status).toBe(200);
    const body = result.json<{ stare: string; trace_id: string }>();
    expect(body.stare).toBe('ok');
    expect(body.trace_id).toMatch(UUID);
  });

  it('lists the messages of an invalid invoice', async () => {
    const invalid = ublInvoice({
      sellerCif: A,
      buyerCif: B,
      taxInclusive: '1.00',
    });
    const body = (
      await publicPost('/prod/FCTEL/rest/validare/FACT1', invalid)
    ).json<{
      stare: string;
      Messages: { message: string }[];
    }>();
    expect(body.stare).toBe('nok');
    expect(
      body.Messages.some((entry) => entry.message.includes('[BR-CO-15]')),
    ).toBe(true);
  });

  it('rejects an unknown standard', async () => {
    const body = (
      await publicPost('/prod/FCTEL/rest/validare/UBL', valid)
    ).json<{ stare: string; Messages: { message: string }[] }>();
    expect(body.stare).toBe('nok');
    expect(body.Messages).toEqual([
      {
        message:
          'Valorile acceptate pentru parametrul standard sunt FACT1 si FCN',
      },
    ]);
  });

  it('rejects a body over 5 MB', async () => {
    const big = Buffer.concat([valid, Buffer.alloc(5 * 1024 * 1024, 0x20)]);
    const body = (
      await publicPost('/prod/FCTEL/rest/validare/FACT1', big)
    ).json<{ Messages: { message: string }[] }>();
    expect(body.Messages).toEqual([
      { message: 'Marime fisier transmis mai mare de 5 MB.' },
    ]);
  });

  it('answers a Spring 404 without the standard', async () => {
    const result = await publicPost('/prod/FCTEL/rest/validare/', valid);
    expect(result.status).toBe(404);
    const body = result.json();
    expect(body.error).toBe('Not Found');
    expect(body.path).toBe('/FCTEL/rest/validare/');
    expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('answers 404 on the test path', async () => {
    expect(
      (await publicPost('/test/FCTEL/rest/validare/FACT1', valid)).status,
    ).toBe(404);
  });

  it('has an OAuth twin on the production API path', async () => {
    const result = await t.call('POST', '/prod/FCTEL/rest/validare/FACT1', {
      token,
      body: valid,
    });
    expect(result.json().stare).toBe('ok');
    expect(
      (await t.call('POST', '/prod/FCTEL/rest/validare/FACT1', { body: valid }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.call('POST', '/test/FCTEL/rest/validare/FACT1', {
          token,
          body: valid,
        })
      ).status,
    ).toBe(404);
  });
});

describe('transformare', () => {
  it('renders a real PDF', async () => {
    const result = await publicPost(
      '/prod/FCTEL/rest/transformare/FACT1',
      valid,
    );
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toBe('application/pdf');
    expect(result.body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('validates first unless /DA', async () => {
    const invalid = ublInvoice({
      sellerCif: A,
      buyerCif: B,
      taxInclusive: '1.00',
    });
    const checked = await publicPost(
      '/prod/FCTEL/rest/transformare/FACT1',
      invalid,
    );
    expect(checked.json().stare).toBe('nok');
    const unchecked = await publicPost(
      '/prod/FCTEL/rest/transformare/FACT1/DA',
      invalid,
    );
    expect(unchecked.body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers 404 for a second segment other than DA', async () => {
    expect(
      (await publicPost('/prod/FCTEL/rest/transformare/FACT1/NU', valid))
        .status,
    ).toBe(404);
  });

  it('meets the firewall on a ";CP " string', async () => {
    const flagged = Buffer.from(
      valid
        .toString('utf8')
        .replace('Str. Teilor nr. 3', 'Str. Teilor;CP 400001'),
    );
    const result = await publicPost(
      '/prod/FCTEL/rest/transformare/FACT1',
      flagged,
    );
    expect(result.status).toBe(200);
    expect(result.text()).toContain('Request Rejected');
  });

  it('has an OAuth twin', async () => {
    const result = await t.call('POST', '/prod/FCTEL/rest/transformare/FACT1', {
      token,
      body: valid,
    });
    expect(result.headers['content-type']).toBe('application/pdf');
  });
});

async function downloadedZip(): Promise<{
  index: string;
  entries: Map<string, Buffer>;
}> {
  const number = `SIG-${Math.random().toString(36).slice(2, 8)}`;
  const outcome = await upload(
    t,
    token,
    ublInvoice({ sellerCif: A, buyerCif: B, number }),
    { standard: 'UBL', cif: A },
  );
  await finishProcessing(t);
  const done = await status(t, token, outcome.index ?? '');
  const zip = await download(t, token, done.downloadId ?? '');
  return { index: outcome.index ?? '', entries: await unzip(zip.body) };
}

function signatureForm(document: Buffer, signature: Buffer): FormData {
  const form = new FormData();
  form.append(
    'file',
    new Blob([new Uint8Array(document)], { type: 'text/xml' }),
    'factura.xml',
  );
  form.append(
    'signature',
    new Blob([new Uint8Array(signature)], { type: 'text/xml' }),
    'semnatura.xml',
  );
  return form;
}

describe('signature files', () => {
  it('signs detached by default', async () => {
    const { index, entries } = await downloadedZip();
    const document = entries.get(`${index}.xml`) ?? Buffer.alloc(0);
    const signature = entries.get(`semnatura_${index}.xml`) ?? Buffer.alloc(0);
    expect(
      verifyDetached(document, signature, signerCertificate(t.info.caCertPath)),
    ).toEqual([]);
  });

  it('signs enveloped on request', async () => {
    await t.admin('PATCH', '/settings', { signatureShape: 'enveloped' });
    try {
      const { index, entries } = await downloadedZip();
      const signature =
        entries.get(`semnatura_${index}.xml`) ?? Buffer.alloc(0);
      expect(
        verifyEnveloped(signature, signerCertificate(t.info.caCertPath)),
      ).toBe(true);
    } finally {
      await t.admin('PATCH', '/settings', { signatureShape: 'detached' });
    }
  });

  it('fails a tampered document in the detached check', async () => {
    const { index, entries } = await downloadedZip();
    const tampered = Buffer.from(
      (entries.get(`${index}.xml`) ?? Buffer.alloc(0))
        .toString('utf8')
        .replace('100.00', '900.00'),
    );
    const signature = entries.get(`semnatura_${index}.xml`) ?? Buffer.alloc(0);
    expect(
      verifyDetached(tampered, signature, signerCertificate(t.info.caCertPath)),
    ).toContain('digest does not match the document bytes');
  });
});

describe('signature check service', () => {
  it('confirms a downloaded pair', async () => {
    const { index, entries } = await downloadedZip();
    const form = signatureForm(
      entries.get(`${index}.xml`) ?? Buffer.alloc(0),
      entries.get(`semnatura_${index}.xml`) ?? Buffer.alloc(0),
    );
    const result = await t.call(
      'POST',
      `${t.info.publicUrl}/api/validate/signature`,
      { body: form },
    );
    expect(result.status).toBe(200);
    expect(result.json().msg).toContain('au fost validate cu succes');
  });

  it('refuses a tampered document', async () => {
    const { index, entries } = await downloadedZip();
    const tampered = Buffer.from(
      (entries.get(`${index}.xml`) ?? Buffer.alloc(0))
        .toString('utf8')
        .replace('100.00', '900.00'),
    );
    const form = signatureForm(
      tampered,
      entries.get(`semnatura_${index}.xml`) ?? Buffer.alloc(0),
    );
    const result = await t.call(
      'POST',
      `${t.info.publicUrl}/api/validate/signature`,
      { body: form },
    );
    expect(result.status).toBe(200);
    expect(result.json().msg).toContain('NU au putut fi validate cu succes');
  });

  it('answers 400 without the signature field', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(valid)]), 'factura.xml');
    const result = await t.call(
      'POST',
      `${t.info.publicUrl}/api/validate/signature`,
      { body: form },
    );
    expect(result.status).toBe(400);
    expect(result.json().msg).toMatch(/^Eroare tehnică/);
  });

  it('has an OAuth twin', async () => {
    const { index, entries } = await downloadedZip();
    const form = signatureForm(
      entries.get(`${index}.xml`) ?? Buffer.alloc(0),
      entries.get(`semnatura_${index}.xml`) ?? Buffer.alloc(0),
    );
    const result = await t.call('POST', '/api/validate/signature', {
      token,
      body: form,
    });
    expect(result.json().msg).toContain('au fost validate cu succes');
  });
});
