import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { createAnafClient } from '../../../electron/core/anaf/client.ts';
import {
  serviceUrl,
  type TokenSource,
} from '../../../electron/core/anaf/caller.ts';
import { ANAF_ENVIRONMENT } from '../../../electron/core/anaf/environment.ts';
import type {
  AnafTransport,
  TransportRequest,
  TransportResponse,
} from '../../../electron/core/anaf/transport.ts';
import { fakeResponse, rejectionOf } from './helpers.ts';

const STATUS_OK =
  '<header xmlns="mfp:anaf:dgti:efactura:stareMesajFactura:v1" stare="ok" id_descarcare="3007654321"/>';
const UPLOAD_OK =
  '<header xmlns="mfp:anaf:dgti:spv:respUploadFisier:v1" ExecutionStatus="0" index_incarcare="5009871234"/>';
// 11112220 carries a valid check digit; 11112222 does not.
const CIF = '11112220';

interface FakeTransport extends AnafTransport {
  requests: TransportRequest[];
}

function fakeTransport(...responses: TransportResponse[]): FakeTransport {
  const requests: TransportRequest[] = [];
  return {
    environment: ANAF_ENVIRONMENT,
    requests,
    send: async (request) => {
      requests.push(request);
      const next = responses.shift();
      if (!next) throw new Error('No more responses');
      return next;
    },
    close: async () => undefined,
  };
}

function fakeTokens(refreshed: string | null = 'token-2') {
  const rejected: string[] = [];
  const tokens: TokenSource = {
    accessToken: async () => 'token-1',
    refreshAfterRejection: async (token) => {
      rejected.push(token);
      return refreshed;
    },
  };
  return { tokens, rejected };
}

function clientWith(transport: AnafTransport, tokens = fakeTokens().tokens) {
  const { logger, lines } = createMemoryLogger();
  return { client: createAnafClient({ transport, tokens, logger }), lines };
}

describe('serviceUrl', () => {
  it('keeps a base path', () => {
    const url = serviceUrl('https://127.0.0.1:8443/api', ['prod', 'FCTEL'], {
      a: '1',
    });
    expect(url.href).toBe('https://127.0.0.1:8443/api/prod/FCTEL?a=1');
  });

  it('encodes a segment', () => {
    const url = serviceUrl('https://api.anaf.ro', ['lista', '../x?y']);
    expect(url.pathname).toBe('/lista/..%2Fx%3Fy');
  });

  it('drops undefined parameters', () => {
    const url = serviceUrl('https://api.anaf.ro', ['x'], {
      a: undefined,
      b: 'c&d',
    });
    expect(url.search).toBe('?b=c%26d');
  });
});

describe('client requests', () => {
  it('builds the upload URL', async () => {
    const transport = fakeTransport(fakeResponse(UPLOAD_OK));
    const { client } = clientWith(transport);
    await client.upload({
      apiPath: 'test',
      cif: `RO ${CIF}`,
      standard: 'UBL',
      body: new TextEncoder().encode('<Invoice/>'),
      foreignBuyer: true,
      selfBilled: true,
      enforcement: true,
    });
    expect(transport.requests[0]?.url.href).toBe(
      `https://api.anaf.ro/test/FCTEL/rest/upload?standard=UBL&cif=${CIF}&extern=DA&autofactura=DA&executare=DA`,
    );
  });

  it('uses uploadb2c for consumers', async () => {
    const transport = fakeTransport(fakeResponse(UPLOAD_OK));
    const { client } = clientWith(transport);
    await client.upload({
      apiPath: 'prod',
      cif: CIF,
      standard: 'CN',
      body: new Uint8Array([60]),
      b2c: true,
    });
    expect(transport.requests[0]?.url.pathname).toBe(
      '/prod/FCTEL/rest/uploadb2c',
    );
  });

  it('sends the bearer token', async () => {
    const transport = fakeTransport(fakeResponse(STATUS_OK));
    const { client } = clientWith(transport);
    await client.status({ apiPath: 'prod', uploadIndex: '5009871234' });
    expect(transport.requests[0]?.headers?.authorization).toBe(
      'Bearer token-1',
    );
  });

  it('builds the page URL in epoch ms', async () => {
    const body =
      '{"eroare":"Nu exista mesaje in intervalul selectat","titlu":"Lista Mesaje"}';
    const transport = fakeTransport(fakeResponse(body));
    const { client } = clientWith(transport);
    await client.listMessagePage({
      apiPath: 'prod',
      cif: CIF,
      page: 2,
      filter: 'P',
      window: {
        startTime: new Date(1736900000000),
        endTime: new Date(1736990000000),
      },
    });
    expect(transport.requests[0]?.url.search).toBe(
      `?startTime=1736900000000&endTime=1736990000000&cif=${CIF}&pagina=2&filtru=P`,
    );
  });

  it('sends validare without a token', async () => {
    const transport = fakeTransport(
      fakeResponse('{"stare":"ok","trace_id":"t"}'),
    );
    const { client } = clientWith(transport);
    await client.validate({ standard: 'FACT1', xml: new Uint8Array([60]) });
    expect(transport.requests[0]?.headers?.authorization).toBeUndefined();
  });

  it('uses the prod public path for validare', async () => {
    const transport = fakeTransport(
      fakeResponse('{"stare":"ok","trace_id":"t"}'),
    );
    const { client } = clientWith(transport);
    await client.validate({ standard: 'FCN', xml: new Uint8Array([60]) });
    expect(transport.requests[0]?.url.href).toBe(
      'https://webservicesp.anaf.ro/prod/FCTEL/rest/validare/FCN',
    );
  });

  it('adds DA to skip validation', async () => {
    const transport = fakeTransport(fakeResponse('%PDF-1.4\n%%EOF'));
    const { client } = clientWith(transport);
    await client.convertToPdf({
      standard: 'FACT1',
      xml: new Uint8Array([60]),
      skipValidation: true,
    });
    expect(transport.requests[0]?.url.pathname).toBe(
      '/prod/FCTEL/rest/transformare/FACT1/DA',
    );
  });

  it('omits DA by default', async () => {
    const transport = fakeTransport(fakeResponse('%PDF-1.4\n%%EOF'));
    const { client } = clientWith(transport);
    await client.convertToPdf({ standard: 'FACT1', xml: new Uint8Array([60]) });
    expect(transport.requests[0]?.url.pathname).toBe(
      '/prod/FCTEL/rest/transformare/FACT1',
    );
  });

  it('builds the e-Transport v2 upload path', async () => {
    const body = '{"ExecutionStatus":0,"index_incarcare":1,"UIT":"A0001"}';
    const transport = fakeTransport(fakeResponse(body));
    const { client } = clientWith(transport);
    await client.transportUpload({
      apiPath: 'test',
      cif: CIF,
      xml: new Uint8Array([60]),
      version: 2,
    });
    expect(transport.requests[0]?.url.pathname).toBe(
      `/test/ETRANSPORT/ws/v1/upload/ETRANSP/${CIF}/2`,
    );
  });

  it('builds the e-Transport list path', async () => {
    const body =
      '{"Errors":[{"errorMessage":"Nu exista mesaje in ultimele 60 zile"}],"ExecutionStatus":1}';
    const transport = fakeTransport(fakeResponse(body));
    const { client } = clientWith(transport);
    await client.transportList({ apiPath: 'prod', cif: CIF, days: 60 });
    expect(transport.requests[0]?.url.pathname).toBe(
      `/prod/ETRANSPORT/ws/v1/lista/60/${CIF}`,
    );
  });

  it('keeps only the hello greeting', async () => {
    const body =
      'Hello, efactura\nAuthorization: Bearer token-1\nserial_certificate: 12AB';
    const transport = fakeTransport(fakeResponse(body));
    const { client } = clientWith(transport);
    expect(await client.hello()).toEqual({ greeting: 'Hello, efactura' });
  });
});

describe('client input checks', () => {
  const client = () => clientWith(fakeTransport()).client;

  it('rejects a bad check digit', async () => {
    const failure = await rejectionOf(
      client().listMessages({ apiPath: 'prod', cif: '11112222', days: 5 }),
    );
    expect(failure.code).toBe('input.invalid');
  });

  it('marks a refused input as not sent', async () => {
    const failure = await rejectionOf(
      client().listMessages({ apiPath: 'prod', cif: '11112222', days: 5 }),
    );
    expect(failure.delivery).toBe('notSent');
  });

  it.each([0, 61, 1.5])('rejects %s days', async (days) => {
    const failure = await rejectionOf(
      client().listMessages({ apiPath: 'prod', cif: CIF, days }),
    );
    expect(failure.field).toBe('number of days');
  });

  it('rejects a non-numeric upload index', async () => {
    const failure = await rejectionOf(
      client().status({ apiPath: 'prod', uploadIndex: '12&x=1' }),
    );
    expect(failure.code).toBe('input.invalid');
  });

  it('rejects a non-numeric download id', async () => {
    const failure = await rejectionOf(
      client().download({ apiPath: 'prod', downloadId: '-1' }),
    );
    expect(failure.code).toBe('input.invalid');
  });

  it('rejects an unknown API path', async () => {
    const failure = await rejectionOf(
      client().status({ apiPath: 'stage' as 'prod', uploadIndex: '1' }),
    );
    expect(failure.field).toBe('apiPath');
  });

  it('rejects an oversized upload', async () => {
    const failure = await rejectionOf(
      client().upload({
        apiPath: 'prod',
        cif: CIF,
        standard: 'UBL',
        body: new Uint8Array(10 * 1024 * 1024 + 1),
      }),
    );
    expect(failure.field).toBe('body');
  });

  it('rejects an unknown standard', async () => {
    const failure = await rejectionOf(
      client().upload({
        apiPath: 'prod',
        cif: CIF,
        standard: 'XML' as 'UBL',
        body: new Uint8Array([1]),
      }),
    );
    expect(failure.field).toBe('standard');
  });

  it('rejects an inverted window', async () => {
    const failure = await rejectionOf(
      client().listMessagePage({
        apiPath: 'prod',
        cif: CIF,
        page: 1,
        window: { startTime: new Date(2000), endTime: new Date(1000) },
      }),
    );
    expect(failure.field).toBe('window');
  });

  it('rejects an unsafe hello name', async () => {
    const failure = await rejectionOf(client().hello('x&y'));
    expect(failure.field).toBe('name');
  });
});

describe('token rejection', () => {
  it('retries once with a refreshed token', async () => {
    const transport = fakeTransport(
      fakeResponse('', 401),
      fakeResponse(STATUS_OK),
    );
    const { client } = clientWith(transport);
    await client.status({ apiPath: 'prod', uploadIndex: '1' });
    expect(transport.requests[1]?.headers?.authorization).toBe(
      'Bearer token-2',
    );
  });

  it('passes the rejected token to the source', async () => {
    const transport = fakeTransport(
      fakeResponse('', 403),
      fakeResponse(STATUS_OK),
    );
    const { tokens, rejected } = fakeTokens();
    const { client } = clientWith(transport, tokens);
    await client.status({ apiPath: 'prod', uploadIndex: '1' });
    expect(rejected).toEqual(['token-1']);
  });

  it('reports a persisting 403 as forbidden', async () => {
    const transport = fakeTransport(
      fakeResponse('', 403),
      fakeResponse('', 403),
    );
    const { client } = clientWith(transport);
    const failure = await rejectionOf(
      client.status({ apiPath: 'prod', uploadIndex: '1' }),
    );
    expect(failure.message).toContain(
      'token not valid for this service, or application not enrolled for it',
    );
  });

  it('does not retry a second time', async () => {
    const transport = fakeTransport(
      fakeResponse('', 401),
      fakeResponse('', 401),
      fakeResponse(STATUS_OK),
    );
    const { client } = clientWith(transport);
    await rejectionOf(client.status({ apiPath: 'prod', uploadIndex: '1' }));
    expect(transport.requests.length).toBe(2);
  });

  it('skips the retry without a fresh token', async () => {
    const transport = fakeTransport(
      fakeResponse('', 401),
      fakeResponse(STATUS_OK),
    );
    const { client } = clientWith(transport, fakeTokens(null).tokens);
    const failure = await rejectionOf(
      client.status({ apiPath: 'prod', uploadIndex: '1' }),
    );
    expect(failure.code).toBe('anaf.forbidden');
  });

  it('sends one request without a fresh token', async () => {
    const transport = fakeTransport(
      fakeResponse('', 401),
      fakeResponse(STATUS_OK),
    );
    const { client } = clientWith(transport, fakeTokens(null).tokens);
    await rejectionOf(client.status({ apiPath: 'prod', uploadIndex: '1' }));
    expect(transport.requests.length).toBe(1);
  });

  it('reserves a call before the retry', async () => {
    const transport = fakeTransport(
      fakeResponse('', 401),
      fakeResponse(STATUS_OK),
    );
    const { client } = clientWith(transport);
    const requestsAtReservation: number[] = [];
    const reserveCall = async () => {
      requestsAtReservation.push(transport.requests.length);
    };
    await client.status({ apiPath: 'prod', uploadIndex: '1' }, { reserveCall });
    expect(requestsAtReservation).toEqual([1]);
  });

  it('sends no retry without a reservation', async () => {
    const transport = fakeTransport(
      fakeResponse('', 401),
      fakeResponse(STATUS_OK),
    );
    const { client } = clientWith(transport);
    const reserveCall = () => Promise.reject(new Error('queue closed'));
    await expect(
      client.status({ apiPath: 'prod', uploadIndex: '1' }, { reserveCall }),
    ).rejects.toThrow('queue closed');
    expect(transport.requests.length).toBe(1);
  });

  it('keeps tokens out of the log', async () => {
    const transport = fakeTransport(
      fakeResponse('', 401),
      fakeResponse('', 401),
    );
    const { tokens } = fakeTokens('secret-token-2');
    const { client, lines } = clientWith(transport, tokens);
    await rejectionOf(client.status({ apiPath: 'prod', uploadIndex: '1' }));
    expect(lines.join('\n')).not.toContain('secret-token-2');
  });
});
