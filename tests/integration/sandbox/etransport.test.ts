import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  finishProcessing,
  sharedPath,
  startTestSandbox,
  type TestSandbox,
} from './harness.ts';

const NS = 'mfp:anaf:dgti:eTransport:declaratie:v2';
const SCHEMA = sharedPath(
  'validation',
  'etransport',
  'schema_ETR_v2_20230126.xsd',
);
const UIT_PATTERN = /^[0-9ACDEFHJKLMNPQRTUVWXY]{14}[0-9]{2}$/;

function notice(cif: string, ref = 'LIV-0042'): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<eTransport xmlns="${NS}" codDeclarant="${cif}" refDeclarant="${ref}">` +
    '<notificare codTipOperatiune="30">' +
    '<bunuriTransportate codScopOperatiune="101" denumireMarfa="Cherestea de brad" cantitate="12.5" codUnitateMasura="MTQ" greutateNeta="6200" greutateBruta="6500" valoareLeiFaraTva="41000"/>' +
    '<partenerComercial codTara="RO" cod="24019370" denumire="Moara Veche SRL"/>' +
    '<dateTransport nrVehicul="CJ12ABC" codTaraOrgTransport="RO" codOrgTransport="31902844" denumireOrgTransport="Transporturi Someș SRL" dataTransport="2026-11-03"/>' +
    '<locStartTraseuRutier><locatie codJudet="12" denumireLocalitate="Cluj-Napoca" denumireStrada="Str. Fabricii"/></locStartTraseuRutier>' +
    '<locFinalTraseuRutier><locatie codJudet="22" denumireLocalitate="Iaşi" denumireStrada="Bd. Poitiers"/></locFinalTraseuRutier>' +
    '<documenteTransport tipDocument="30" numarDocument="AVZ-118" dataDocument="2026-11-03"/>' +
    '</notificare></eTransport>\n'
  );
}

function deletion(cif: string, uit: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<eTransport xmlns="${NS}" codDeclarant="${cif}"><stergere uit="${uit}"/></eTransport>\n`;
}

const scratch = mkdtempSync(join(tmpdir(), 'etransport-xsd-'));

/** Checks a declaration against ANAF's v2 schema with xmllint. */
function schemaErrors(xml: string): string {
  const file = join(scratch, 'declaration.xml');
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], {
      stdio: 'pipe',
    });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

let t: TestSandbox;
let token: string;
let otherToken: string;
let A: string;

beforeAll(async () => {
  t = await startTestSandbox();
  A = t.info.certificates[0]?.cifs[0] ?? '';
  token = (await t.login(0)).access_token;
  otherToken = (await t.login(1)).access_token;
});

afterAll(async () => {
  await t.close();
  rmSync(scratch, { recursive: true, force: true });
});

function post(
  path: string,
  body: string,
  as = token,
): ReturnType<TestSandbox['call']> {
  return t.call('POST', `/test/ETRANSPORT/ws/v1${path}`, {
    token: as,
    body,
    headers: { 'content-type': 'application/xml' },
  });
}

function get(path: string, as = token): ReturnType<TestSandbox['call']> {
  return t.call('GET', `/test/ETRANSPORT/ws/v1${path}`, { token: as });
}

describe('test declarations', () => {
  it('are valid against the v2 schema', () => {
    expect(schemaErrors(notice(A))).toBe('');
    expect(schemaErrors(deletion(A, 'ACDEFHJKLMNPQR00'))).toBe('');
  });
});

describe('e-Transport upload', () => {
  it('returns a UIT and a numeric index', async () => {
    const result = await post(`/upload/ETRANSP/${A}/2`, notice(A));
    expect(result.status).toBe(200);
    const body = result.json<Record<string, unknown>>();
    expect(body.ExecutionStatus).toBe(0);
    expect(typeof body.index_incarcare).toBe('number');
    expect(body.UIT).toMatch(UIT_PATTERN);
    expect(body.ref_declarant).toBe('LIV-0042');
    expect(body.dateResponse).toMatch(/^\d{12}$/);
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts the path without a version', async () => {
    const body = (await post(`/upload/ETRANSP/${A}`, notice(A))).json();
    expect(body.ExecutionStatus).toBe(0);
  });

  const cases: [string, string, string][] = [
    [
      'standard',
      '/upload/ETRANSPORT/CIF/2',
      'Valoarea acceptata pentru parametrul standard este ETRANSP',
    ],
    ['CIF', '/upload/ETRANSP/12ab/2', 'CIF introdus= 12ab nu este un numar'],
    [
      'rights',
      '/upload/ETRANSP/8000000000/2',
      'Nu aveti drept in SPV pentru CIF=8000000000',
    ],
  ];
  for (const [name, path, message] of cases) {
    it(`rejects a bad ${name}`, async () => {
      const body = (await post(path.replace('CIF', A), notice(A))).json<{
        ExecutionStatus: number;
        Errors: { errorMessage: string }[];
      }>();
      expect(body.ExecutionStatus).toBe(1);
      expect(body.Errors).toEqual([{ errorMessage: message }]);
    });
  }

  it('rejects a declaration that fails the schema', async () => {
    const broken = notice(A).replace(
      '<notificare codTipOperatiune="30">',
      '<notificare>',
    );
    expect(schemaErrors(broken)).not.toBe('');
    const body = (await post(`/upload/ETRANSP/${A}/2`, broken)).json<{
      ExecutionStatus: number;
      Errors: unknown[];
    }>();
    expect(body.ExecutionStatus).toBe(1);
    expect(body.Errors.length).toBeGreaterThan(0);
  });

  it('answers a Spring 404 for a short path', async () => {
    const result = await post('/upload/ETRANSP', notice(A));
    expect(result.status).toBe(404);
  });
});

describe('e-Transport status and list', () => {
  it('moves from in prelucrare to ok', async () => {
    const uploaded = (
      await post(`/upload/ETRANSP/${A}/2`, notice(A, 'ST-1'))
    ).json<{ index_incarcare: number }>();
    const pending = (
      await get(`/stareMesaj/${uploaded.index_incarcare}`)
    ).json();
    expect(pending.stare).toBe('in prelucrare');
    await finishProcessing(t);
    const done = (await get(`/stareMesaj/${uploaded.index_incarcare}`)).json();
    expect(done.stare).toBe('ok');
    expect(done.ExecutionStatus).toBe(0);
  });

  it('ends nok for an unknown UIT', async () => {
    const uploaded = (
      await post(`/upload/ETRANSP/${A}/2`, deletion(A, 'ACDEFHJKLMNPQR00'))
    ).json<{ index_incarcare: number }>();
    await finishProcessing(t);
    const done = (await get(`/stareMesaj/${uploaded.index_incarcare}`)).json();
    expect(done.stare).toBe('nok');
    expect(done.ExecutionStatus).toBe(1);
    expect(done.Errors).toEqual([
      { errorMessage: 'UIT-ul nu poate fi identificat.' },
    ]);
  });

  it('deletes a known UIT', async () => {
    const first = (
      await post(`/upload/ETRANSP/${A}/2`, notice(A, 'DEL-1'))
    ).json<{ UIT: string }>();
    await finishProcessing(t);
    const uploaded = (
      await post(`/upload/ETRANSP/${A}/2`, deletion(A, first.UIT))
    ).json<{ index_incarcare: number }>();
    await finishProcessing(t);
    expect(
      (await get(`/stareMesaj/${uploaded.index_incarcare}`)).json().stare,
    ).toBe('ok');
  });

  it('reports status errors', async () => {
    expect((await get('/stareMesaj/aaa')).json().Errors).toEqual([
      { errorMessage: 'Id_incarcare introdus= aaa nu este un numar intreg' },
    ]);
    const uploaded = (await post(`/upload/ETRANSP/${A}/2`, notice(A))).json<{
      index_incarcare: number;
    }>();
    const refused = (
      await get(`/stareMesaj/${uploaded.index_incarcare}`, otherToken)
    ).json();
    expect(refused.ExecutionStatus).toBe(1);
  });

  it('lists declarations with 14-digit dates', async () => {
    await post(`/upload/ETRANSP/${A}/2`, notice(A, 'LST-1'));
    await finishProcessing(t);
    const body = (await get(`/lista/5/${A}`)).json<{
      mesaje: Record<string, unknown>[];
      ExecutionStatus: number;
      cui: string;
    }>();
    expect(body.ExecutionStatus).toBe(0);
    expect(body.cui).toBe(A);
    const item = body.mesaje.find((entry) => entry.ref_decl === 'LST-1');
    expect(item?.uit).toMatch(UIT_PATTERN);
    expect(item?.data_creare).toMatch(/^\d{14}$/);
    expect(item?.tip).toBe('NOT');
    expect(item?.nr_veh).toBe('CJ12ABC');
    expect(item?.gr_tot_bruta).toBe('6500.00');
  });

  it('reports an empty list as an error record', async () => {
    const C = t.info.certificates[1]?.cifs[0] ?? '';
    const body = (await get(`/lista/5/${C}`, otherToken)).json();
    expect(body.ExecutionStatus).toBe(1);
    expect(body.Errors).toEqual([
      { errorMessage: 'Nu exista mesaje in ultimele 5 zile' },
    ]);
  });

  it('rejects zile outside 1..60', async () => {
    expect((await get(`/lista/61/${A}`)).json().Errors).toEqual([
      { errorMessage: 'Numarul de zile trebuie sa fie intre 1 si 60' },
    ]);
  });
});
