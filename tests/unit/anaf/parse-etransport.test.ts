import { describe, expect, it } from 'vitest';
import {
  parseTransportListResponse,
  parseTransportStatusResponse,
  parseTransportUploadResponse,
} from '../../../electron/core/anaf/parse-etransport.ts';
import { fakeResponse, failureOf } from './helpers.ts';

describe('parseTransportUploadResponse', () => {
  it('reads an accepted declaration', () => {
    const body =
      '{"dateResponse":"202501151100","ExecutionStatus":0,"index_incarcare":4100123456,"UIT":"7XK2M9Q4R8T1W6Y3","trace_id":"2a1b","ref_declarant":"LIV-0042"}';
    expect(
      parseTransportUploadResponse('transportUpload', fakeResponse(body)),
    ).toEqual({
      accepted: true,
      uploadIndex: '4100123456',
      uit: '7XK2M9Q4R8T1W6Y3',
      declarantRef: 'LIV-0042',
      notice: null,
      traceId: '2a1b',
      respondedAt: new Date('2025-01-15T09:00:00Z'),
    });
  });

  it('keeps the atentie advisory', () => {
    const body =
      '{"ExecutionStatus":0,"index_incarcare":1,"UIT":"A0001","ref_declarant":"","atentie":"UIT valid doar dupa stare ok"}';
    const outcome = parseTransportUploadResponse(
      'transportUpload',
      fakeResponse(body),
    );
    expect(outcome).toMatchObject({
      notice: 'UIT valid doar dupa stare ok',
      declarantRef: null,
    });
  });

  it('returns a refused declaration', () => {
    const body =
      '{"dateResponse":"202212231130","ExecutionStatus":1,"Errors":[{"errorMessage":"Valoarea acceptata pentru parametrul standard este ETRANSP"}],"trace_id":"t"}';
    expect(
      parseTransportUploadResponse('transportUpload', fakeResponse(body)),
    ).toMatchObject({
      accepted: false,
      messages: ['Valoarea acceptata pentru parametrul standard este ETRANSP'],
    });
  });

  it('throws a missing right', () => {
    const body =
      '{"ExecutionStatus":1,"Errors":[{"errorMessage":"Nu aveti drept in SPV pentru CIF=11112222"}]}';
    expect(
      failureOf(() =>
        parseTransportUploadResponse('transportUpload', fakeResponse(body)),
      ).code,
    ).toBe('anaf.noRight');
  });

  it('rejects acceptance without UIT', () => {
    const body = '{"ExecutionStatus":0,"index_incarcare":1}';
    expect(
      failureOf(() =>
        parseTransportUploadResponse('transportUpload', fakeResponse(body)),
      ).code,
    ).toBe('anaf.badResponse');
  });
});

describe('parseTransportStatusResponse', () => {
  it('reads ok', () => {
    const body =
      '{"stare":"ok","dateResponse":"202501151102","ExecutionStatus":0,"trace_id":"t"}';
    expect(
      parseTransportStatusResponse('transportStatus', fakeResponse(body)),
    ).toEqual({
      state: 'ok',
      messages: [],
      traceId: 't',
      respondedAt: new Date('2025-01-15T09:02:00Z'),
    });
  });

  it('reads nok with its errors', () => {
    const body =
      '{"stare":"nok","Errors":[{"errorMessage":"UIT-ul nu poate fi identificat."}],"dateResponse":"202501151102","ExecutionStatus":1,"trace_id":"3b2c"}';
    expect(
      parseTransportStatusResponse('transportStatus', fakeResponse(body)),
    ).toMatchObject({
      state: 'nok',
      messages: ['UIT-ul nu poate fi identificat.'],
    });
  });

  it.each([
    ['in prelucrare', 'processing'],
    ['XML cu erori nepreluat de sistem', 'rejectedAtUpload'],
  ])('reads %s', (stare, state) => {
    const body = JSON.stringify({ stare, ExecutionStatus: 0 });
    expect(
      parseTransportStatusResponse('transportStatus', fakeResponse(body)).state,
    ).toBe(state);
  });

  it('throws the daily limit', () => {
    const body =
      '{"ExecutionStatus":1,"Errors":[{"errorMessage":"S-au facut deja 100 de verificari, pentru id-incarcare solicitat, in cursul zilei"}]}';
    expect(
      failureOf(() =>
        parseTransportStatusResponse('transportStatus', fakeResponse(body)),
      ).code,
    ).toBe('anaf.dailyLimit');
  });

  it('rejects an unknown stare', () => {
    const body = '{"stare":"pending"}';
    expect(
      failureOf(() =>
        parseTransportStatusResponse('transportStatus', fakeResponse(body)),
      ).code,
    ).toBe('anaf.badResponse');
  });
});

describe('parseTransportListResponse', () => {
  it('maps a declaration', () => {
    const body = JSON.stringify({
      mesaje: [
        {
          uit: '7XK2M9Q4R8T1W6Y3',
          cod_decl: '11112222',
          ref_decl: 'LIV-0042',
          sursa: 'A',
          id_incarcare: '4100123456',
          data_creare: '20250115110012',
          tip_op: '30',
          data_transp: '2025-01-16',
        },
      ],
      serial: 's',
      cui: '11112222',
      titlu: 'Lista',
      ExecutionStatus: 0,
    });
    const [declaration] = parseTransportListResponse(
      'transportList',
      fakeResponse(body),
    );
    expect(declaration).toMatchObject({
      uploadIndex: '4100123456',
      uit: '7XK2M9Q4R8T1W6Y3',
      createdAt: new Date('2025-01-15T09:00:12Z'),
      declarantCode: '11112222',
      declarantRef: 'LIV-0042',
      source: 'A',
      operationType: '30',
      transportDate: '2025-01-16',
    });
  });

  it('reads notes of a declaration', () => {
    const body = JSON.stringify({
      mesaje: [
        {
          id_incarcare: 5,
          mesaje: [{ tip: 'ERR', mesaj: 'Cod tarifar invalid' }],
        },
      ],
    });
    const [declaration] = parseTransportListResponse(
      'transportList',
      fakeResponse(body),
    );
    expect(declaration?.notes).toEqual([
      { level: 'ERR', text: 'Cod tarifar invalid' },
    ]);
  });

  it('returns no messages as empty', () => {
    const body =
      '{"Errors":[{"errorMessage":"Nu exista mesaje in ultimele 60 zile"}],"ExecutionStatus":1}';
    expect(
      parseTransportListResponse('transportList', fakeResponse(body)),
    ).toEqual([]);
  });

  it('throws the list limit', () => {
    const body =
      '{"Errors":[{"errorMessage":"S-au facut deja 1000 interogari de lista mesaje de catre utilizator in cursul zilei"}],"ExecutionStatus":1}';
    expect(
      failureOf(() =>
        parseTransportListResponse('transportList', fakeResponse(body)),
      ).code,
    ).toBe('anaf.dailyLimit');
  });

  it('rejects an entry without index', () => {
    const body = '{"mesaje":[{"uit":"x"}]}';
    expect(
      failureOf(() =>
        parseTransportListResponse('transportList', fakeResponse(body)),
      ).code,
    ).toBe('anaf.badResponse');
  });
});
