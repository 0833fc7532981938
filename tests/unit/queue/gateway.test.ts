// The gateway's queued calls on a manual clock, with a fake ANAF client.
// Each call reaches the client with the queue's reservation, so a second
// request within one attempt (the retry after a token refresh) is counted
// in the rate window.
import { describe, expect, it } from 'vitest';
import type {
  AnafClient,
  CallOptions,
  ListedMessage,
  ListWindow,
  MessagePage,
} from '../../../electron/core/anaf/index.ts';
import { AnafGateway } from '../../../electron/core/gateway/anaf-gateway.ts';
import {
  checkStatus,
  downloadMessage,
  fetchMessagePage,
  listMessagesSince,
  uploadDocument,
  type CompanyRoute,
} from '../../../electron/core/gateway/queued-calls.ts';
import { createQueue } from './queue-harness.ts';

const CIF = '11112220';

function message(uploadIndex: string): ListedMessage {
  return {
    createdAt: new Date('2026-01-15T10:00:00Z'),
    uploadIndex,
    downloadId: `d${uploadIndex}`,
    details: '',
    type: 'FACTURA TRIMISA',
    direction: 'sent',
    cif: CIF,
    sellerCif: CIF,
    buyerCif: null,
    selfBilled: false,
  } as unknown as ListedMessage;
}

function page(number: number, totalPages: number): MessagePage {
  return {
    messages: [message(`${number}`)],
    certificateSerial: null,
    title: null,
    page: number,
    totalPages,
    totalRecords: totalPages,
    recordsPerPage: 1,
  };
}

/**
 * Returns a client whose every call reserves a second call, as the retry
 * after a token refresh does, and which records the windows it lists.
 */
function retryingClient(windows: ListWindow[] = []): AnafClient {
  const twice = async <T>(options: CallOptions | undefined, value: T) => {
    await options?.reserveCall?.();
    return value;
  };
  return {
    hello: (_name: string, options?: CallOptions) =>
      twice(options, { message: 'Hello', status: 200 }),
    status: (_request: unknown, options?: CallOptions) =>
      twice(options, { state: 'ok', downloadId: '1' }),
    download: (_request: unknown, options?: CallOptions) =>
      twice(options, new Uint8Array([1])),
    listMessagePage: (
      request: { window: ListWindow; page: number },
      options?: CallOptions,
    ) => {
      windows.push(request.window);
      return twice(options, page(request.page, 2));
    },
    upload: (_request: unknown, options?: CallOptions) =>
      twice(options, { accepted: true, uploadIndex: '5001' }),
  } as unknown as AnafClient;
}

function routeOn(queue: CompanyRoute['queue'], client: AnafClient) {
  const route: CompanyRoute = {
    queue,
    client: () => client,
    cif: CIF,
    api: 'test',
    lane: 'interactive',
  };
  return route;
}

describe('gateway calls', () => {
  it('counts the status retry', async () => {
    const { queue } = createQueue();
    const route = routeOn(queue, retryingClient());
    await checkStatus(route, '5001');
    expect(queue.totals().callsInWindow).toBe(2);
  });

  it('counts the download retry', async () => {
    const { queue } = createQueue();
    const route = routeOn(queue, retryingClient());
    await downloadMessage(route, '3001');
    expect(queue.totals().callsInWindow).toBe(2);
  });

  it('counts the list retry', async () => {
    const { queue } = createQueue();
    const route = routeOn(queue, retryingClient());
    await fetchMessagePage(
      route,
      { startTime: new Date(0), endTime: new Date(1) },
      1,
    );
    expect(queue.totals().callsInWindow).toBe(2);
  });

  it('counts the upload retry', async () => {
    const { queue } = createQueue();
    const route = routeOn(queue, retryingClient());
    const body = new Uint8Array([60]);
    await uploadDocument(
      route,
      { standard: 'UBL', body },
      { beforeRequest: () => undefined, afterFailure: () => undefined },
    );
    expect(queue.totals().callsInWindow).toBe(2);
  });

  it('counts the hello retry', async () => {
    const { queue } = createQueue();
    const client = retryingClient();
    const gateway = new AnafGateway(queue, async () => client);
    await gateway.hello('account-1');
    expect(queue.totals().callsInWindow).toBe(2);
  });

  it('counts the gateway status retry', async () => {
    const { queue } = createQueue();
    const client = retryingClient();
    const gateway = new AnafGateway(queue, async () => client);
    await gateway.status(
      { accountId: 'account-1', cif: CIF, api: 'test' },
      '5001',
    );
    expect(queue.totals().callsInWindow).toBe(2);
  });
});

describe('listMessagesSince', () => {
  const now = new Date('2026-01-15T12:00:00Z');
  const since = new Date('2026-01-15T11:00:00Z');

  it('walks every page', async () => {
    const { queue } = createQueue();
    const route = routeOn(queue, retryingClient());
    const listed = await listMessagesSince(route, since, {
      now,
      endMarginMs: 0,
    });
    expect(listed.map((entry) => entry.uploadIndex)).toEqual(['1', '2']);
  });

  it('starts at since', async () => {
    const { queue } = createQueue();
    const windows: ListWindow[] = [];
    const route = routeOn(queue, retryingClient(windows));
    await listMessagesSince(route, since, { now, endMarginMs: 0 });
    expect(windows[0]?.startTime.toISOString()).toBe(since.toISOString());
  });

  it('ends the margin before now', async () => {
    const { queue } = createQueue();
    const windows: ListWindow[] = [];
    const route = routeOn(queue, retryingClient(windows));
    await listMessagesSince(route, since, { now, endMarginMs: 30_000 });
    expect(windows[0]?.endTime.toISOString()).toBe('2026-01-15T11:59:30.000Z');
  });
});
