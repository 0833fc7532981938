import { describe, expect, it } from 'vitest';
import {
  messageDirection,
  parseMessageDetails,
} from '../../../electron/core/anaf/message-details.ts';
import {
  parseMessageListResponse,
  parseMessagePageResponse,
} from '../../../electron/core/anaf/parse-lists.ts';
import { fakeResponse, failureOf } from './helpers.ts';

const PAGE_SAMPLE = `{"mesaje":[
  {"data_creare":"202501151032","cif":"11112222","id_solicitare":"5009871234",
   "detalii":"Factura cu id_incarcare=5009871234 emisa de cif_emitent=11112222 pentru cif_beneficiar=33334444",
   "tip":"FACTURA TRIMISA","id":"3007654321"},
  {"data_creare":"202501151040","cif":"11112222","id_solicitare":"5009871240",
   "detalii":"Erori de validare identificate la factura primita cu id_incarcare=5009871240",
   "tip":"ERORI FACTURA","id":"3007654330"}],
 "numar_inregistrari_in_pagina":2,"numar_total_inregistrari_per_pagina":500,
 "numar_total_inregistrari":2,"numar_total_pagini":1,"index_pagina_curenta":1,
 "serial":"4F00AA12","cui":"11112222",
 "titlu":"Lista Mesaje disponibile din intervalul 15-01-2025 02:13:20 - 16-01-2025 03:13:20"}`;

describe('parseMessagePageResponse', () => {
  it('reads the page totals', () => {
    const page = parseMessagePageResponse(
      'messagePage',
      fakeResponse(PAGE_SAMPLE),
      1,
    );
    expect({
      page: page.page,
      totalPages: page.totalPages,
      totalRecords: page.totalRecords,
      recordsPerPage: page.recordsPerPage,
    }).toEqual({
      page: 1,
      totalPages: 1,
      totalRecords: 2,
      recordsPerPage: 500,
    });
  });

  it('maps a sent invoice entry', () => {
    const page = parseMessagePageResponse(
      'messagePage',
      fakeResponse(PAGE_SAMPLE),
      1,
    );
    expect(page.messages[0]).toEqual({
      downloadId: '3007654321',
      uploadIndex: '5009871234',
      cif: '11112222',
      createdAt: new Date('2025-01-15T08:32:00Z'),
      type: 'FACTURA TRIMISA',
      direction: 'sent',
      details:
        'Factura cu id_incarcare=5009871234 emisa de cif_emitent=11112222 pentru cif_beneficiar=33334444',
      sellerCif: '11112222',
      buyerCif: '33334444',
      selfBilled: false,
    });
  });

  it('maps an error entry', () => {
    const page = parseMessagePageResponse(
      'messagePage',
      fakeResponse(PAGE_SAMPLE),
      1,
    );
    expect(page.messages[1]?.direction).toBe('errors');
  });

  it('keeps the certificate serial', () => {
    const page = parseMessagePageResponse(
      'messagePage',
      fakeResponse(PAGE_SAMPLE),
      1,
    );
    expect(page.certificateSerial).toBe('4F00AA12');
  });

  it('returns no messages as an empty page', () => {
    const body =
      '{"eroare":"Nu exista mesaje in intervalul selectat","titlu":"Lista Mesaje"}';
    const page = parseMessagePageResponse('messagePage', fakeResponse(body), 1);
    expect(page).toMatchObject({
      messages: [],
      totalPages: 0,
      totalRecords: 0,
      page: 1,
    });
  });

  it('reads JSON sent as text/plain', () => {
    const page = parseMessagePageResponse(
      'messagePage',
      fakeResponse(PAGE_SAMPLE, 200, {
        'content-type': 'text/plain;charset=UTF-8',
      }),
      1,
    );
    expect(page.messages.length).toBe(2);
  });

  it.each([
    ['Numarul de zile trebuie sa fie intre 1 si 60', 'invalidRequest'],
    [
      'Valorile acceptate pentru parametrul filtru sunt E, T, P sau R',
      'invalidRequest',
    ],
    ['Nu aveti drept in SPV pentru CIF=8000000000', 'noRight'],
    ['Nu exista niciun CIF pentru care sa aveti drept in SPV', 'noRight'],
    [
      'S-au facut deja 1000 interogari de lista mesaje de catre utilizator in cursul zilei',
      'dailyLimit',
    ],
    [
      'Pagina solicitata 50 este mai mare decat numarul toatal de pagini 29',
      'pageOutOfRange',
    ],
    [
      'endTime = 30-07-2026 15:15:28 nu poate in viitor fata de momentul requestului = 30-07-2026 15:15:27',
      'endTimeInFuture',
    ],
    [
      'CIF introdus= aaa nu este un numar sau nu are o valoare acceptata de sistem',
      'invalidRequest',
    ],
  ])('throws "%s"', (text, kind) => {
    const body = JSON.stringify({ eroare: text, titlu: 'Lista Mesaje' });
    expect(
      failureOf(() =>
        parseMessagePageResponse('messagePage', fakeResponse(body), 1),
      ).kind,
    ).toBe(kind);
  });

  it('rejects a page without totals', () => {
    const body = '{"mesaje":[]}';
    expect(
      failureOf(() =>
        parseMessagePageResponse('messagePage', fakeResponse(body), 1),
      ).code,
    ).toBe('anaf.badResponse');
  });

  it('rejects truncated JSON', () => {
    const body = PAGE_SAMPLE.slice(0, 200);
    const failure = failureOf(() =>
      parseMessagePageResponse('messagePage', fakeResponse(body), 1),
    );
    expect(failure.message).toContain('truncated');
  });

  it('names a malformed entry', () => {
    const body = PAGE_SAMPLE.replace('"202501151040"', '"2025-01-15"');
    const failure = failureOf(() =>
      parseMessagePageResponse('messagePage', fakeResponse(body), 1),
    );
    expect(failure.message).toContain('entry 1');
  });

  it('rejects an entry without id', () => {
    const body = PAGE_SAMPLE.replace('"id":"3007654330"', '"id":"x"');
    const failure = failureOf(() =>
      parseMessagePageResponse('messagePage', fakeResponse(body), 1),
    );
    expect(failure.message).toContain('"id"');
  });

  it('rejects an XML body', () => {
    const failure = failureOf(() =>
      parseMessagePageResponse(
        'messagePage',
        fakeResponse('<?xml version="1.0"?><a/>'),
        1,
      ),
    );
    expect(failure.code).toBe('anaf.badResponse');
  });

  it('rejects an object without mesaje', () => {
    const failure = failureOf(() =>
      parseMessagePageResponse('messagePage', fakeResponse('{}'), 1),
    );
    expect(failure.code).toBe('anaf.badResponse');
  });
});

describe('parseMessageListResponse', () => {
  it('reads the simple list', () => {
    const body = JSON.stringify({
      mesaje: [
        {
          data_creare: '202501151032',
          cif: '33334444',
          id_solicitare: '5009871234',
          detalii:
            'Factura cu id_incarcare=5009871234 emisa de cif_emitent=11112222 pentru cif_beneficiar=33334444',
          tip: 'FACTURA PRIMITA',
          id: '3007654321',
        },
      ],
      serial: '4F00AA12',
      cui: '33334444',
      titlu: 'Lista Mesaje disponibile din ultimele 15 zile',
    });
    const list = parseMessageListResponse('messageList', fakeResponse(body));
    expect(list.messages[0]?.direction).toBe('received');
  });

  it('returns no messages as empty', () => {
    const body =
      '{"eroare":"Nu exista mesaje in ultimele 15 zile","titlu":"Lista Mesaje"}';
    expect(
      parseMessageListResponse('messageList', fakeResponse(body)).messages,
    ).toEqual([]);
  });

  it('throws the over-500 error', () => {
    const body = JSON.stringify({
      eroare:
        'Lista de mesaje este mai mare decat numarul de 500 elemente permise in pagina. Folositi endpoint-ul cu paginatie.',
      titlu: 'Lista Mesaje',
    });
    expect(
      failureOf(() =>
        parseMessageListResponse('messageList', fakeResponse(body)),
      ).kind,
    ).toBe('listTooLarge');
  });

  it('reports the 400 for missing parameters', () => {
    const body =
      '{"timestamp":"15-01-2025 10:30:00","status":400,"error":"Bad Request","message":"Parametrii zile si cif sunt obligatorii"}';
    expect(
      failureOf(() =>
        parseMessageListResponse('messageList', fakeResponse(body, 400)),
      ).kind,
    ).toBe('invalidRequest');
  });
});

describe('parseMessageDetails', () => {
  it('reads seller and buyer', () => {
    expect(
      parseMessageDetails(
        'Factura cu id_incarcare=5009871234 emisa de cif_emitent=11112222 pentru cif_beneficiar=33334444',
      ),
    ).toEqual({
      uploadIndex: '5009871234',
      sellerCif: '11112222',
      buyerCif: '33334444',
      selfBilled: false,
    });
  });

  it('reads a self-billed invoice', () => {
    expect(
      parseMessageDetails(
        'Factura cu id_incarcare=5009871250 transmisa de cif=33334444 ca autofactura in numele cif=11112222',
      ),
    ).toEqual({
      uploadIndex: '5009871250',
      sellerCif: '11112222',
      buyerCif: '33334444',
      selfBilled: true,
    });
  });

  it('reads the autofactutra misspelling', () => {
    const details = parseMessageDetails(
      'Factura cu id_incarcare=5009871251 transmisa de cif=33334444 ca autofactutra in numele cif=11112222',
    );
    expect(details.selfBilled).toBe(true);
  });

  it('reads the seller of a misspelled one', () => {
    const details = parseMessageDetails(
      'Factura cu id_incarcare=5009871251 transmisa de cif=33334444 ca autofactutra in numele cif=11112222',
    );
    expect(details.sellerCif).toBe('11112222');
  });

  it('reads an error entry', () => {
    expect(
      parseMessageDetails(
        'Erori de validare identificate la factura primita cu id_incarcare=5009871240',
      ),
    ).toEqual({
      uploadIndex: '5009871240',
      sellerCif: null,
      buyerCif: null,
      selfBilled: false,
    });
  });

  it('marks self-billed errors', () => {
    const details = parseMessageDetails(
      'Erori de validare identificate la factura primita cu id_incarcare=5009871240, tip declarat=AUTOFACTURA',
    );
    expect(details.selfBilled).toBe(true);
  });

  it('keeps a foreign buyer identifier', () => {
    const details = parseMessageDetails(
      'Factura cu id_incarcare=1 emisa de cif_emitent=11112222 pentru cif_beneficiar=DE123456789',
    );
    expect(details.buyerCif).toBe('DE123456789');
  });

  it('leaves an empty buyer null', () => {
    const details = parseMessageDetails(
      'Factura cu id_incarcare=1 emisa de cif_emitent=11112222 pentru cif_beneficiar=',
    );
    expect(details.buyerCif).toBeNull();
  });

  it('returns nulls for unknown text', () => {
    expect(parseMessageDetails('mesaj')).toEqual({
      uploadIndex: null,
      sellerCif: null,
      buyerCif: null,
      selfBilled: false,
    });
  });
});

describe('messageDirection', () => {
  it.each([
    ['FACTURA TRIMISA', 'sent'],
    ['FACTURA PRIMITA', 'received'],
    ['ERORI FACTURA', 'errors'],
    ['MESAJ CUMPARATOR PRIMIT / MESAJ CUMPARATOR TRANSMIS', 'buyerMessage'],
    ['MESAJ CUMPARATOR PRIMIT', 'buyerMessage'],
    ['MESAJ CUMPARATOR TRANSMIS', 'buyerMessage'],
    [' factura  trimisa ', 'sent'],
    ['NOTIFICARE', 'other'],
  ])('maps %s', (tip, direction) => {
    expect(messageDirection(tip)).toBe(direction);
  });
});
