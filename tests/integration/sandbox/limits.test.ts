import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_DAILY_LIMITS,
  SANDBOX_DEFAULTS,
} from '../../../electron/sandbox/index.ts';
import {
  download,
  finishProcessing,
  startTestSandbox,
  status,
  upload,
  type TestSandbox,
} from './harness.ts';
import { ublInvoice } from './invoices.ts';

let t: TestSandbox | null = null;

afterEach(async () => {
  await t?.close();
  t = null;
});

/** Returns a clock that starts at `start` and runs with the wall clock. */
function clockFrom(start: string): () => Date {
  const base = Date.parse(start);
  const began = Date.now();
  return () => new Date(base + (Date.now() - began));
}

describe('defaults', () => {
  it("match ANAF's documented limits", () => {
    expect(SANDBOX_DEFAULTS.rateLimit).toBe(100);
    expect(DEFAULT_DAILY_LIMITS).toEqual({
      stareMesajPerMessage: 100,
      descarcarePerMessage: 10,
      simpleListPerCif: 1500,
      pagedListPerCif: 100_000,
      raspUploadsPerCif: 1000,
      etransportStatusPerMessage: 100,
      etransportListPerUser: 1000,
    });
  });
});

describe('per-minute limit', () => {
  it('answers 429 beyond N calls in 60 seconds', async () => {
    t = await startTestSandbox({ rateLimit: 5 });
    const { access_token: token } = await t.login(0);
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await t.call('GET', '/TestOauth/jaxrs/hello?name=x', { token }))
          .status,
      ).toBe(200);
    }
    expect(
      (await t.call('GET', '/TestOauth/jaxrs/hello?name=x', { token })).status,
    ).toBe(429);
    await t.advance(60_001);
    expect(
      (await t.call('GET', '/TestOauth/jaxrs/hello?name=x', { token })).status,
    ).toBe(200);
  });

  it('records nothing for a refused upload', async () => {
    t = await startTestSandbox({ rateLimit: 1 });
    const { access_token: token } = await t.login(0);
    const A = t.info.certificates[0]?.cifs[0] ?? '';
    await t.call('GET', '/TestOauth/jaxrs/hello?name=x', { token });
    const outcome = await upload(
      t,
      token,
      ublInvoice({ sellerCif: A, buyerCif: A }),
      { standard: 'UBL', cif: A },
    );
    expect(outcome.result.status).toBe(429);
    const admin = await t.admin<{
      uploads: unknown[];
      counters: {
        endpoints: Record<string, { rateLimited: number; injected429: number }>;
      };
    }>('GET', '/state');
    expect(admin.uploads).toEqual([]);
    expect(admin.counters.endpoints.upload?.rateLimited).toBe(1);
    expect(admin.counters.endpoints.upload?.injected429).toBe(0);
  });

  it('does not count the IdP, public or admin paths', async () => {
    t = await startTestSandbox({ rateLimit: 1 });
    const { access_token: token } = await t.login(0);
    await t.login(0);
    await t.call('POST', `${t.info.publicUrl}/prod/FCTEL/rest/validare/FACT1`, {
      body: '<x/>',
    });
    await t.admin('GET', '/state');
    expect(
      (await t.call('GET', '/TestOauth/jaxrs/hello?name=x', { token })).status,
    ).toBe(200);
    expect(
      (await t.call('GET', '/TestOauth/jaxrs/hello?name=x', { token })).status,
    ).toBe(429);
  });

  it('counts calls refused by the gateway', async () => {
    t = await startTestSandbox({ rateLimit: 1 });
    expect((await t.call('GET', '/TestOauth/jaxrs/hello?name=x')).status).toBe(
      403,
    );
    expect((await t.call('GET', '/TestOauth/jaxrs/hello?name=x')).status).toBe(
      429,
    );
  });
});

describe('daily limits', () => {
  async function setUp(
    start?: string,
  ): Promise<{ token: string; A: string; index: string; downloadId: string }> {
    t = await startTestSandbox({
      dailyLimits: {
        stareMesajPerMessage: 2,
        descarcarePerMessage: 2,
        simpleListPerCif: 2,
        pagedListPerCif: 2,
        raspUploadsPerCif: 1,
      },
      ...(start ? { now: clockFrom(start) } : {}),
    });
    const token = (await t.login(0)).access_token;
    const A = t.info.certificates[0]?.cifs[0] ?? '';
    const B = t.info.certificates[0]?.cifs[1] ?? '';
    const outcome = await upload(
      t,
      token,
      ublInvoice({ sellerCif: A, buyerCif: B }),
      { standard: 'UBL', cif: A },
    );
    await finishProcessing(t);
    const done = await status(t, token, outcome.index ?? '');
    return {
      token,
      A,
      index: outcome.index ?? '',
      downloadId: done.downloadId ?? '',
    };
  }

  it('limits stareMesaj per message', async () => {
    const { token, index } = await setUp();
    expect((await status(t!, token, index)).stare).toBe('ok');
    const third = await status(t!, token, index);
    expect(third.result.status).toBe(200);
    expect(third.stare).toBeNull();
    expect(third.errors[0]).toMatch(/^S-au facut deja 2 .* in cursul zilei$/);
  });

  it('limits descarcare per message', async () => {
    const { token, downloadId } = await setUp();
    expect(
      (await download(t!, token, downloadId)).headers['content-type'],
    ).toBe('application/zip');
    expect(
      (await download(t!, token, downloadId)).headers['content-type'],
    ).toBe('application/zip');
    const third = await download(t!, token, downloadId);
    expect(third.json().eroare).toBe(
      `S-au facut deja 2 descarcari la mesajul cu id_descarcare=${downloadId} in cursul zilei`,
    );
  });

  it('limits the simple list per CIF', async () => {
    const { token, A } = await setUp();
    const path = `/test/FCTEL/rest/listaMesajeFactura?zile=1&cif=${A}`;
    await t!.call('GET', path, { token });
    await t!.call('GET', path, { token });
    const third = await t!.call('GET', path, { token });
    expect(third.json().eroare).toMatch(
      /^S-au facut deja 2 de interogari de tip lista mesaje .* de catre CUI= \d+ in cursul zilei$/,
    );
  });

  it('limits the paged list per CIF', async () => {
    const { token, A } = await setUp();
    const now = t!.sandbox.now().getTime();
    const path = `/test/FCTEL/rest/listaMesajePaginatieFactura?startTime=${now - 3_600_000}&endTime=${now - 1000}&cif=${A}&pagina=1`;
    await t!.call('GET', path, { token });
    await t!.call('GET', path, { token });
    const third = await t!.call('GET', path, { token });
    expect(third.json().eroare).toMatch(
      /^S-au facut deja 2 de interogari .* de catre CUI= \d+ in cursul zilei$/,
    );
  });

  it('limits RASP uploads per CIF', async () => {
    const { token, A, index } = await setUp();
    const rasp = Buffer.from(
      `<header xmlns="mfp:anaf:dgti:spv:reqMesaj:v1" index_incarcare="${index}" message="ok"/>`,
    );
    expect(
      (await upload(t!, token, rasp, { standard: 'RASP', cif: A }))
        .executionStatus,
    ).toBe('0');
    const second = await upload(t!, token, rasp, { standard: 'RASP', cif: A });
    expect(second.errors).toEqual([
      `S-au incarcat deja 1 de mesaje de tip RASP pentru cui=${A} in cursul zilei`,
    ]);
  });

  it('resets at midnight in Bucharest', async () => {
    // 23:59:00 in Bucharest (UTC+2 in winter).
    const { token, index } = await setUp('2026-01-15T21:59:00Z');
    await status(t!, token, index);
    expect((await status(t!, token, index)).errors.length).toBe(1);
    await t!.advance(120_000);
    expect((await status(t!, token, index)).stare).toBe('ok');
  });

  it('does not reset at midnight UTC', async () => {
    // 01:59:00 in Bucharest; UTC midnight passes, Romania's day does not.
    const { token, index } = await setUp('2026-01-15T23:59:00Z');
    await status(t!, token, index);
    expect((await status(t!, token, index)).errors.length).toBe(1);
    await t!.advance(120_000);
    expect((await status(t!, token, index)).errors.length).toBe(1);
  });
});

describe('e-Transport daily limits', () => {
  const declaration = (cif: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<eTransport xmlns="mfp:anaf:dgti:eTransport:declaratie:v2" codDeclarant="${cif}">` +
    '<notificare codTipOperatiune="30">' +
    '<bunuriTransportate codScopOperatiune="101" denumireMarfa="Făină" cantitate="10" codUnitateMasura="KGM" greutateBruta="10"/>' +
    '<partenerComercial codTara="RO" denumire="Client SRL"/>' +
    '<dateTransport nrVehicul="B100XYZ" codTaraOrgTransport="RO" denumireOrgTransport="Trans SRL" dataTransport="2026-11-03"/>' +
    '<locStartTraseuRutier><locatie codJudet="40" denumireLocalitate="Bucureşti" denumireStrada="Str. A"/></locStartTraseuRutier>' +
    '<locFinalTraseuRutier><locatie codJudet="12" denumireLocalitate="Cluj-Napoca" denumireStrada="Str. B"/></locFinalTraseuRutier>' +
    '<documenteTransport tipDocument="30" dataDocument="2026-11-03"/>' +
    '</notificare></eTransport>\n';

  it('limits status checks per declaration and lists per user', async () => {
    t = await startTestSandbox({
      dailyLimits: { etransportStatusPerMessage: 1, etransportListPerUser: 1 },
    });
    const { access_token: token } = await t.login(0);
    const A = t.info.certificates[0]?.cifs[0] ?? '';
    const uploaded = await t.call(
      'POST',
      `/prod/ETRANSPORT/ws/v1/upload/ETRANSP/${A}/2`,
      {
        token,
        body: declaration(A),
        headers: { 'content-type': 'application/xml' },
      },
    );
    const index = uploaded.json<{ index_incarcare: number }>().index_incarcare;
    const statusPath = `/prod/ETRANSPORT/ws/v1/stareMesaj/${index}`;
    expect(
      (await t.call('GET', statusPath, { token })).json().ExecutionStatus,
    ).toBe(0);
    expect((await t.call('GET', statusPath, { token })).json().Errors).toEqual([
      {
        errorMessage:
          'S-au facut deja 1 de verificari, pentru id-incarcare solicitat, in cursul zilei',
      },
    ]);

    await finishProcessing(t);
    const listPath = `/prod/ETRANSPORT/ws/v1/lista/1/${A}`;
    expect(
      (await t.call('GET', listPath, { token })).json().ExecutionStatus,
    ).toBe(0);
    expect((await t.call('GET', listPath, { token })).json().Errors).toEqual([
      {
        errorMessage:
          'S-au facut deja 1 interogari de lista mesaje de catre utilizator in cursul zilei',
      },
    ]);
  });
});
