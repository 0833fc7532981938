// The e-Transport calls against the sandbox: upload (with and without the
// version segment), stareMesaj and lista, and their business errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnafClient } from '../../../electron/core/anaf/client.ts';
import { rejectionOf } from '../../unit/anaf/helpers.ts';
import { startAnafSandbox, type AnafSandbox } from './sandbox-fixture.ts';

const DECLARANT = '18654326';
const PARTNER = '24019370';

function declaration(reference: string): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<eTransport xmlns="mfp:anaf:dgti:eTransport:declaratie:v2" codDeclarant="${DECLARANT}" refDeclarant="${reference}">
  <notificare codTipOperatiune="30">
    <bunuriTransportate codScopOperatiune="101" codTarifar="44071100" denumireMarfa="Cherestea de brad" cantitate="12.5" codUnitateMasura="MTQ" greutateNeta="6000" greutateBruta="6250.50" valoareLeiFaraTva="15000.00"/>
    <partenerComercial codTara="RO" cod="${PARTNER}" denumire="Moara Veche Panificaţie SRL"/>
    <dateTransport nrVehicul="CJ12ABC" codTaraOrgTransport="RO" codOrgTransport="${DECLARANT}" denumireOrgTransport="Carpatica Distribuție SRL" dataTransport="2025-09-30"/>
    <locStartTraseuRutier>
      <locatie codJudet="8" denumireLocalitate="Brașov" denumireStrada="Str. Lungă" numar="16" codPostal="500019"/>
    </locStartTraseuRutier>
    <locFinalTraseuRutier codPtf="4"/>
    <documenteTransport tipDocument="30" numarDocument="AV-118" dataDocument="2025-09-30"/>
  </notificare>
</eTransport>
`);
}

let sandbox: AnafSandbox;
let client: AnafClient;

beforeAll(async () => {
  sandbox = await startAnafSandbox();
  client = await sandbox.clientFor(0);
});

afterAll(async () => {
  await sandbox.close();
});

describe('e-Transport', () => {
  it('accepts a version 2 declaration', async () => {
    const outcome = await client.transportUpload({
      apiPath: 'test',
      cif: DECLARANT,
      xml: declaration('LIV-1'),
      version: 2,
    });
    expect(outcome.accepted ? outcome.uit : '').toMatch(/^[0-9A-Z]{16}$/);
  });

  it('accepts an upload without version', async () => {
    const outcome = await client.transportUpload({
      apiPath: 'test',
      cif: DECLARANT,
      xml: declaration('LIV-2'),
    });
    expect(outcome.accepted).toBe(true);
  });

  it('keeps the declarant reference', async () => {
    const outcome = await client.transportUpload({
      apiPath: 'test',
      cif: DECLARANT,
      xml: declaration('LIV-3'),
      version: 2,
    });
    expect(outcome.accepted ? outcome.declarantRef : null).toBe('LIV-3');
  });

  it('returns an invalid declaration as rejected', async () => {
    const outcome = await client.transportUpload({
      apiPath: 'test',
      cif: DECLARANT,
      xml: Buffer.from(
        '<eTransport xmlns="mfp:anaf:dgti:eTransport:declaratie:v2"/>',
      ),
      version: 2,
    });
    expect(outcome.accepted ? [] : outcome.messages).not.toEqual([]);
  });

  it('reports a CIF without rights', async () => {
    const failure = await rejectionOf(
      client.transportUpload({
        apiPath: 'test',
        cif: '31902844',
        xml: declaration('LIV-4'),
      }),
    );
    expect(failure.code).toBe('anaf.noRight');
  });

  it('reads the state of a declaration', async () => {
    const outcome = await client.transportUpload({
      apiPath: 'test',
      cif: DECLARANT,
      xml: declaration('LIV-5'),
      version: 2,
    });
    const uploadIndex = outcome.accepted ? outcome.uploadIndex : '';
    const status = await client.transportStatus({
      apiPath: 'test',
      uploadIndex,
    });
    expect(['ok', 'processing']).toContain(status.state);
  });

  it('reports an unknown index as notFound', async () => {
    const failure = await rejectionOf(
      client.transportStatus({ apiPath: 'test', uploadIndex: '99' }),
    );
    expect(failure.code).toBe('anaf.notFound');
  });

  it('lists the uploaded declarations', async () => {
    const outcome = await client.transportUpload({
      apiPath: 'test',
      cif: DECLARANT,
      xml: declaration('LIV-6'),
      version: 2,
    });
    const uploadIndex = outcome.accepted ? outcome.uploadIndex : '';
    const list = await client.transportList({
      apiPath: 'test',
      cif: DECLARANT,
      days: 60,
    });
    expect(list.map((item) => item.uploadIndex)).toContain(uploadIndex);
  });

  it('returns an empty list for no declarations', async () => {
    const list = await client.transportList({
      apiPath: 'test',
      cif: PARTNER,
      days: 1,
    });
    expect(list).toEqual([]);
  });
});
