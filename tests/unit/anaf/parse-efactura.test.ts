import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import {
  hasZipEndRecord,
  parseDownloadResponse,
  parseStatusResponse,
  parseUploadResponse,
} from '../../../electron/core/anaf/parse-efactura.ts';
import { fakeResponse, failureOf } from './helpers.ts';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const UPLOAD_NS = 'mfp:anaf:dgti:spv:respUploadFisier:v1';
const STATUS_NS = 'mfp:anaf:dgti:efactura:stareMesajFactura:v1';

function uploadRejection(...messages: string[]): string {
  const errors = messages
    .map((text) => `    <Errors errorMessage="${text}"/>`)
    .join('\n');
  return `${XML_HEAD}<header xmlns="${UPLOAD_NS}" dateResponse="202501151031" ExecutionStatus="1">\n${errors}\n</header>`;
}

describe('parseUploadResponse', () => {
  it('reads an accepted upload', () => {
    const body = `${XML_HEAD}<header xmlns="${UPLOAD_NS}" dateResponse="202501151030" ExecutionStatus="0" index_incarcare="5009871234"/>`;
    expect(parseUploadResponse('upload', fakeResponse(body))).toEqual({
      accepted: true,
      uploadIndex: '5009871234',
      respondedAt: new Date('2025-01-15T08:30:00Z'),
    });
  });

  it('matches the namespace, not the prefix', () => {
    const body = `<r:header xmlns:r="${UPLOAD_NS}" ExecutionStatus="0" index_incarcare="18"/>`;
    const outcome = parseUploadResponse(
      'upload',
      fakeResponse(body, 200, { 'content-type': 'text/plain' }),
    );
    expect(outcome.accepted).toBe(true);
  });

  it('keeps every rejection message', () => {
    const body = uploadRejection(
      'Fisierul transmis nu este valid. org.xml.sax.SAXParseException; cvc-complex-type.2.4.a',
      'Marime fisier transmis mai mare de 10 MB.',
    );
    const outcome = parseUploadResponse('upload', fakeResponse(body));
    expect(outcome).toEqual({
      accepted: false,
      messages: [
        'Fisierul transmis nu este valid. org.xml.sax.SAXParseException; cvc-complex-type.2.4.a',
        'Marime fisier transmis mai mare de 10 MB.',
      ],
      respondedAt: new Date('2025-01-15T08:31:00Z'),
    });
  });

  it.each([
    [
      'Valorile acceptate pentru parametrul standard sunt UBL, CN, CII sau RASP',
    ],
    ['CIF introdus= 123a nu este un numar'],
    [
      'Daca parametrul autofactura trebuie completat, valoarea acceptata este DA',
    ],
    [
      'CIF introdus= 1234 nu este inregistrat in Registrul RO e-Factura executari silite',
    ],
    ['A aparut o eroare tehnica. Cod: 1814'],
  ])('returns "%s" as a rejection', (text) => {
    const outcome = parseUploadResponse(
      'upload',
      fakeResponse(uploadRejection(text)),
    );
    expect(outcome).toMatchObject({ accepted: false, messages: [text] });
  });

  it('throws a missing right as noRight', () => {
    const body = uploadRejection('Nu aveti drept in SPV pentru CIF=11112222');
    expect(
      failureOf(() => parseUploadResponse('upload', fakeResponse(body))).code,
    ).toBe('anaf.noRight');
  });

  it('throws no CIF with rights as noRight', () => {
    const body = uploadRejection(
      'Nu exista niciun CIF pentru care sa aveti drept in SPV',
    );
    expect(
      failureOf(() => parseUploadResponse('upload', fakeResponse(body))).code,
    ).toBe('anaf.noRight');
  });

  it('throws the RASP limit as dailyLimit', () => {
    const body = uploadRejection(
      'S-au incarcat deja 1000 de mesaje de tip RASP pentru cui=1234 in cursul zilei',
    );
    expect(
      failureOf(() => parseUploadResponse('upload', fakeResponse(body))).code,
    ).toBe('anaf.dailyLimit');
  });

  it('rejects acceptance without index', () => {
    const body = `<header xmlns="${UPLOAD_NS}" ExecutionStatus="0"/>`;
    expect(
      failureOf(() => parseUploadResponse('upload', fakeResponse(body))).code,
    ).toBe('anaf.badResponse');
  });

  it('rejects a refusal without messages', () => {
    const body = `<header xmlns="${UPLOAD_NS}" ExecutionStatus="1"/>`;
    expect(
      failureOf(() => parseUploadResponse('upload', fakeResponse(body))).code,
    ).toBe('anaf.badResponse');
  });

  it('rejects another namespace', () => {
    const body = `<header xmlns="urn:other" ExecutionStatus="0" index_incarcare="1"/>`;
    expect(
      failureOf(() => parseUploadResponse('upload', fakeResponse(body))).code,
    ).toBe('anaf.badResponse');
  });

  it('rejects a DOCTYPE', () => {
    const body = `<!DOCTYPE header [<!ENTITY x "y">]><header xmlns="${UPLOAD_NS}" ExecutionStatus="0" index_incarcare="1"/>`;
    expect(
      failureOf(() => parseUploadResponse('upload', fakeResponse(body)))
        .message,
    ).toContain('DOCTYPE');
  });

  it('rejects truncated XML', () => {
    const body = `${XML_HEAD}<header xmlns="${UPLOAD_NS}" ExecutionStatus="1"><Errors errorMes`;
    expect(
      failureOf(() => parseUploadResponse('upload', fakeResponse(body))).code,
    ).toBe('anaf.badResponse');
  });

  it('rejects an empty body', () => {
    const failure = failureOf(() =>
      parseUploadResponse('upload', fakeResponse('')),
    );
    expect(failure.message).toContain('an empty body');
  });

  it('rejects a JSON body', () => {
    const body = '{"ExecutionStatus":0}';
    const failure = failureOf(() =>
      parseUploadResponse(
        'upload',
        fakeResponse(body, 200, { 'content-type': 'application/xml' }),
      ),
    );
    expect(failure.code).toBe('anaf.badResponse');
  });
});

function statusBody(attributes: string, children = ''): string {
  return `${XML_HEAD}<header xmlns="${STATUS_NS}" ${attributes}>${children}</header>`;
}

describe('parseStatusResponse', () => {
  it('reads ok with its download id', () => {
    const body = statusBody('stare="ok" id_descarcare="3007654321"');
    expect(parseStatusResponse('status', fakeResponse(body))).toEqual({
      state: 'ok',
      downloadId: '3007654321',
    });
  });

  it('reads nok with its download id', () => {
    const body = statusBody('stare="nok" id_descarcare="123"');
    expect(parseStatusResponse('status', fakeResponse(body))).toEqual({
      state: 'nok',
      downloadId: '123',
    });
  });

  it('reads in prelucrare', () => {
    const body = statusBody('stare="in prelucrare"');
    expect(parseStatusResponse('status', fakeResponse(body))).toEqual({
      state: 'processing',
    });
  });

  it('reads the rejected-at-upload state', () => {
    const body = statusBody('stare="XML cu erori nepreluat de sistem"');
    expect(parseStatusResponse('status', fakeResponse(body))).toEqual({
      state: 'rejectedAtUpload',
    });
  });

  it('rejects ok without download id', () => {
    const body = statusBody('stare="ok"');
    expect(
      failureOf(() => parseStatusResponse('status', fakeResponse(body))).code,
    ).toBe('anaf.badResponse');
  });

  it('rejects an unknown state', () => {
    const body = statusBody('stare="archived"');
    expect(
      failureOf(() => parseStatusResponse('status', fakeResponse(body)))
        .message,
    ).toContain('archived');
  });

  it.each([
    ['Nu exista factura cu id_incarcare= 5000000001', 'anaf.notFound'],
    ['Nu aveti dreptul de inteorgare pentru id_incarcare= 18', 'anaf.noRight'],
    ['Nu exista niciun CIF petru care sa aveti drept', 'anaf.noRight'],
    [
      'S-au facut deja 20 descarcari de mesaj in cursul zilei',
      'anaf.dailyLimit',
    ],
    ['Id_incarcare introdus= aaa nu este un numar intreg', 'anaf.rejected'],
  ])('throws query error "%s"', (text, code) => {
    const body = statusBody('', `<Errors errorMessage="${text}"/>`);
    expect(
      failureOf(() => parseStatusResponse('status', fakeResponse(body))).code,
    ).toBe(code);
  });

  it('keeps the query error text', () => {
    const text = 'Nu exista factura cu id_incarcare= 5000000001';
    const body = statusBody('', `<Errors errorMessage="${text}"/>`);
    expect(
      failureOf(() => parseStatusResponse('status', fakeResponse(body)))
        .anafMessage,
    ).toBe(text);
  });

  it('rejects a header without stare or errors', () => {
    const body = statusBody('');
    expect(
      failureOf(() => parseStatusResponse('status', fakeResponse(body))).code,
    ).toBe('anaf.badResponse');
  });

  it('reports the 400 for a missing parameter', () => {
    const body =
      '{"timestamp":"15-01-2025 10:30:00","status":400,"error":"Bad Request","message":"Parametrul id_incarcare este obligatoriu"}';
    expect(
      failureOf(() => parseStatusResponse('status', fakeResponse(body, 400)))
        .kind,
    ).toBe('invalidRequest');
  });
});

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(files))
    zip.addBuffer(Buffer.from(text), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

describe('parseDownloadResponse', () => {
  it('returns the ZIP bytes unchanged', async () => {
    const zip = await zipOf({
      '5009871234.xml': '<Invoice/>',
      'semnatura_5009871234.xml': '<Signature/>',
    });
    const bytes = parseDownloadResponse(
      'download',
      fakeResponse(zip, 200, { 'content-type': 'application/octet-stream' }),
    );
    expect(Buffer.from(bytes).equals(Buffer.from(zip))).toBe(true);
  });

  it('rejects a truncated ZIP', async () => {
    const zip = await zipOf({ '1.xml': '<Invoice/>'.repeat(50) });
    const cut = zip.subarray(0, zip.length - 30);
    expect(
      failureOf(() => parseDownloadResponse('download', fakeResponse(cut)))
        .message,
    ).toContain('no end record');
  });

  it.each([
    [
      'S-au facut deja 10 descarcari de mesaj in cursul zilei',
      'anaf.dailyLimit',
    ],
    [
      'S-au facut deja 10 descarcari la mesajul cu id_descarcare=3007654321 in cursul zilei',
      'anaf.dailyLimit',
    ],
    [
      'Fisierul nu mai poate fi descarcat pentru ca a trecut perioada de 60 de zile in care este disponibil',
      'anaf.expired',
    ],
    ['Nu aveti dreptul sa descarcati acesta factura', 'anaf.noRight'],
    ['Pentru id=21 nu exista inregistrata nici o factura', 'anaf.notFound'],
    ['Id descarcare introdus= 123a nu este un numar intreg', 'anaf.rejected'],
  ])('throws "%s"', (text, code) => {
    const body = JSON.stringify({ eroare: text, titlu: 'Descarcare mesaj' });
    expect(
      failureOf(() => parseDownloadResponse('download', fakeResponse(body)))
        .code,
    ).toBe(code);
  });

  it('reads JSON sent as text/plain', () => {
    const body =
      '{"eroare":"Nu aveti dreptul sa descarcati acesta factura","titlu":"Descarcare mesaj"}';
    const failure = failureOf(() =>
      parseDownloadResponse(
        'download',
        fakeResponse(body, 200, { 'content-type': 'text/plain' }),
      ),
    );
    expect(failure.code).toBe('anaf.noRight');
  });

  it('reads the swagger limit example', () => {
    const body =
      '{"eroare":"S-au facut deja 10 descarcari de mesaj in cursul zilei","titlu":"Descarcare mesaj"}}';
    expect(
      failureOf(() => parseDownloadResponse('download', fakeResponse(body)))
        .code,
    ).toBe('anaf.dailyLimit');
  });

  it('rejects truncated JSON', () => {
    const body = '{"eroare":"S-au facut deja 10 desc';
    const failure = failureOf(() =>
      parseDownloadResponse('download', fakeResponse(body)),
    );
    expect(failure.message).toContain('truncated');
  });

  it('rejects an empty 204', () => {
    const failure = failureOf(() =>
      parseDownloadResponse('download', fakeResponse('', 204)),
    );
    expect(failure.message).toContain('HTTP 204 with an empty body');
  });

  it('rejects JSON without eroare', () => {
    const failure = failureOf(() =>
      parseDownloadResponse('download', fakeResponse('{"titlu":"x"}')),
    );
    expect(failure.code).toBe('anaf.badResponse');
  });

  it('accepts a ZIP labelled as JSON', async () => {
    const zip = await zipOf({ 'a.xml': '<a/>' });
    const bytes = parseDownloadResponse(
      'download',
      fakeResponse(zip, 200, { 'content-type': 'application/json' }),
    );
    expect(bytes.length).toBe(zip.length);
  });
});

describe('hasZipEndRecord', () => {
  it('finds the record of an empty archive', () => {
    const empty = new Uint8Array(22);
    empty.set([0x50, 0x4b, 0x05, 0x06]);
    expect(hasZipEndRecord(empty)).toBe(true);
  });

  it('misses it in a short body', () => {
    expect(hasZipEndRecord(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe(
      false,
    );
  });
});
