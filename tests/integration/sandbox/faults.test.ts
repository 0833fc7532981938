import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../../electron/sandbox/index.ts';
import {
  download,
  finishProcessing,
  startTestSandbox,
  status,
  upload,
  type TestSandbox,
} from './harness.ts';
import { ublInvoice } from './invoices.ts';

interface FaultEvent {
  endpoint: string;
  kind: string;
  recorded: boolean;
  uploadIndex: string | null;
}

interface AdminState {
  uploads: { index: string; state: string }[];
  faults: string[];
  counters: {
    endpoints: Record<
      string,
      {
        statuses: Record<string, number>;
        rateLimited: number;
        injected429: number;
        resets: number;
      }
    >;
    faults: FaultEvent[];
  };
}

let t: TestSandbox;
let token: string;
let A: string;
let B: string;
let sequence = 0;

function invoice(): Buffer {
  sequence += 1;
  return ublInvoice({ sellerCif: A, buyerCif: B, number: `FLT-${sequence}` });
}

async function state(): Promise<AdminState> {
  return t.admin<AdminState>('GET', '/state');
}

async function lastFault(): Promise<FaultEvent | undefined> {
  return (await state()).counters.faults.at(-1);
}

beforeAll(async () => {
  t = await startTestSandbox({ faults: ['validare:error-before=502@1'] });
  [A = '', B = ''] = t.info.certificates[0]?.cifs ?? [];
  token = (await t.login(0)).access_token;
});

afterAll(async () => {
  await t.close();
});

beforeEach(async () => {
  await t.admin('DELETE', '/faults');
});

describe('fault specs', () => {
  it('parses endpoint, kind, value and count', () => {
    expect(parseFaultSpec('upload:error-before=503@2')).toEqual({
      endpoint: 'upload',
      kind: 'error-before',
      value: 503,
      count: 2,
    });
  });

  it('rejects an unknown kind', () => {
    expect(() => parseFaultSpec('upload:explode')).toThrow(/unknown kind/);
  });

  it('rejects a non-5xx error status', () => {
    expect(() => parseFaultSpec('upload:error-before=404')).toThrow(/5xx/);
  });

  it('rejects a bad spec from the admin endpoint', async () => {
    const result = await t.call('PUT', `${t.info.adminUrl}/faults`, {
      headers: {
        'x-admin-key': t.info.adminKey,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ faults: ['nowhere:latency'] }),
    });
    expect(result.status).toBe(400);
  });
});

describe('faults', () => {
  it('applies a fault given at start-up', async () => {
    // The start-up fault was cleared by beforeEach, so start another sandbox.
    const other = await startTestSandbox({
      faults: ['public-validare:error-before=502@1'],
    });
    try {
      const url = `${other.info.publicUrl}/prod/FCTEL/rest/validare/FACT1`;
      expect((await other.call('POST', url, { body: '<x/>' })).status).toBe(
        502,
      );
      expect((await other.call('POST', url, { body: '<x/>' })).status).toBe(
        200,
      );
    } finally {
      await other.close();
    }
  });

  it('delays a call with latency and still answers', async () => {
    await t.admin('PUT', '/faults', { faults: ['hello:latency=50@1'] });
    const result = await t.call('GET', '/TestOauth/jaxrs/hello?name=x', {
      token,
    });
    expect(result.status).toBe(200);
    const event = await lastFault();
    expect(event?.kind).toBe('latency');
    expect(event?.recorded).toBe(true);
  });

  it('answers 5xx before recording an upload', async () => {
    await t.admin('PUT', '/faults', { faults: ['upload:error-before=503@1'] });
    const before = (await state()).uploads.length;
    const outcome = await upload(t, token, invoice(), {
      standard: 'UBL',
      cif: A,
    });
    expect(outcome.result.status).toBe(503);
    const after = await state();
    expect(after.uploads.length).toBe(before);
    expect(after.counters.faults.at(-1)).toMatchObject({
      kind: 'error-before',
      recorded: false,
    });
    expect(after.counters.endpoints.upload?.statuses['503']).toBe(1);
  });

  it('records an upload, then resets the connection', async () => {
    await t.admin('PUT', '/faults', {
      faults: ['upload:reset-after-record@1'],
    });
    const before = (await state()).uploads.length;
    await expect(
      upload(t, token, invoice(), { standard: 'UBL', cif: A }),
    ).rejects.toThrow();
    const after = await state();
    expect(after.uploads.length).toBe(before + 1);
    const event = after.counters.faults.at(-1);
    expect(event).toMatchObject({ kind: 'reset-after-record', recorded: true });
    expect(event?.uploadIndex).toBe(after.uploads.at(-1)?.index);
    expect(after.counters.endpoints.upload?.resets).toBe(1);
    // The upload is still processed although its response was lost.
    await finishProcessing(t);
    expect((await status(t, token, event?.uploadIndex ?? '')).stare).toBe('ok');
  });

  it('records an upload, then answers 5xx', async () => {
    await t.admin('PUT', '/faults', {
      faults: ['upload:error-after-record=500@1'],
    });
    const before = (await state()).uploads.length;
    const outcome = await upload(t, token, invoice(), {
      standard: 'UBL',
      cif: A,
    });
    expect(outcome.result.status).toBe(500);
    const after = await state();
    expect(after.uploads.length).toBe(before + 1);
    expect(after.counters.faults.at(-1)).toMatchObject({
      kind: 'error-after-record',
      recorded: true,
    });
  });

  it('answers a recorded upload late', async () => {
    await t.admin('PUT', '/faults', { faults: ['upload:slow-answer=200@1'] });
    const outcome = await upload(t, token, invoice(), {
      standard: 'UBL',
      cif: A,
    });
    expect(outcome.executionStatus).toBe('0');
    expect(await lastFault()).toMatchObject({
      kind: 'slow-answer',
      recorded: true,
      uploadIndex: outcome.index,
    });
  });

  it('resets a download in the middle of the body', async () => {
    const outcome = await upload(t, token, invoice(), {
      standard: 'UBL',
      cif: A,
    });
    await finishProcessing(t);
    const done = await status(t, token, outcome.index ?? '');
    await t.admin('PUT', '/faults', {
      faults: ['descarcare:reset-mid-body@1'],
    });
    await expect(download(t, token, done.downloadId ?? '')).rejects.toThrow();
    expect(await lastFault()).toMatchObject({
      kind: 'reset-mid-body',
      recorded: true,
    });
    const again = await download(t, token, done.downloadId ?? '');
    expect(again.headers['content-type']).toBe('application/zip');
  });

  it('serves the firewall page with HTTP 200', async () => {
    await t.admin('PUT', '/faults', {
      faults: ['public-transformare:firewall@1'],
    });
    const result = await t.call(
      'POST',
      `${t.info.publicUrl}/prod/FCTEL/rest/transformare/FACT1`,
      {
        body: invoice(),
        headers: { 'content-type': 'text/plain' },
      },
    );
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toContain('text/html');
    expect(result.text()).toContain('The requested URL was rejected');
    expect(await lastFault()).toMatchObject({
      kind: 'firewall',
      recorded: false,
    });
  });

  it('injects a burst of 429s counted apart', async () => {
    await t.admin('DELETE', '/counters');
    await t.admin('PUT', '/faults', {
      faults: ['listaMesajeFactura:burst-429@3'],
    });
    const path = `/test/FCTEL/rest/listaMesajeFactura?zile=1&cif=${A}`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await t.call('GET', path, { token })).status);
    expect(statuses).toEqual([429, 429, 429, 200]);
    const counters = (await state()).counters.endpoints.listaMesajeFactura;
    expect(counters?.injected429).toBe(3);
    expect(counters?.rateLimited).toBe(0);
    expect(counters?.statuses['429']).toBeUndefined();
  });

  it('applies a wildcard fault to every endpoint but admin', async () => {
    await t.admin('PUT', '/faults', { faults: ['*:error-before=503'] });
    expect(
      (await t.call('GET', '/TestOauth/jaxrs/hello?name=x', { token })).status,
    ).toBe(503);
    expect((await t.call('GET', `${t.info.idpUrl}/authorize`)).status).toBe(
      503,
    );
    const faults = await t.admin<{ faults: string[] }>('GET', '/faults');
    expect(faults.faults).toEqual(['*:error-before=503']);
  });

  it('adds and lists faults at run time', async () => {
    await t.admin('POST', '/faults', { fault: 'descarcare:latency=10' });
    await t.admin('POST', '/faults', {
      fault: { endpoint: 'upload', kind: 'burst-429', count: 2 },
    });
    const faults = await t.admin<{ faults: string[] }>('GET', '/faults');
    expect(faults.faults).toEqual([
      'descarcare:latency=10',
      'upload:burst-429@2',
    ]);
  });
});

describe('admin endpoint', () => {
  it('requires the key', async () => {
    const result = await t.call('GET', `${t.info.adminUrl}/state`);
    expect(result.status).toBe(401);
  });

  it('rejects a wrong key', async () => {
    const result = await t.call('GET', `${t.info.adminUrl}/state`, {
      headers: { 'x-admin-key': 'nope' },
    });
    expect(result.status).toBe(401);
  });

  it('counts answers per endpoint and status', async () => {
    await t.admin('DELETE', '/counters');
    await t.call('GET', '/TestOauth/jaxrs/hello?name=x', { token });
    await t.call('GET', '/TestOauth/jaxrs/hello?name=x');
    const counters = (await state()).counters.endpoints.hello;
    expect(counters?.statuses).toEqual({ '200': 1, '403': 1 });
  });
});
