// The client against the sandbox's injected faults, its per-minute limit,
// rejected tokens, a server clock behind the app's and the 60-day window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnafClient } from '../../../electron/core/anaf/client.ts';
import {
  walkMessagePages,
  type ListWindow,
} from '../../../electron/core/anaf/list-window.ts';
import { replaceSellerCif } from '../../helpers/replace-seller.ts';
import { rejectionOf } from '../../unit/anaf/helpers.ts';
import {
  sharedFile,
  startAnafSandbox,
  type AnafSandbox,
} from './sandbox-fixture.ts';

const SELLER = '18654326';
const DAY_MS = 86_400_000;

let invoiceNumber = 0;

function validInvoice(): Buffer {
  invoiceNumber += 1;
  const example = sharedFile(
    'fixtures',
    'invoices',
    'cius-ro',
    'ubl_b2g_example0.xml',
  );
  const text = replaceSellerCif(example, SELLER).toString('utf8');
  return Buffer.from(
    text.replace(
      /<cbc:ID>[^<]*<\/cbc:ID>/,
      `<cbc:ID>F-${invoiceNumber}</cbc:ID>`,
    ),
  );
}

/** Returns the download id of any message listed for the first representative. */
async function anyDownloadId(
  sandbox: AnafSandbox,
  client: AnafClient,
): Promise<string> {
  for (const cif of sandbox.sandbox.info.certificates[0]?.cifs ?? []) {
    const list = await client.listMessages({ apiPath: 'test', cif, days: 60 });
    const first = list.messages[0];
    if (first) return first.downloadId;
  }
  throw new Error(
    'The sandbox listed no messages for the first representative',
  );
}

describe('injected faults', () => {
  let sandbox: AnafSandbox;
  let client: AnafClient;
  let downloadId: string;

  beforeAll(async () => {
    sandbox = await startAnafSandbox({ seedMessages: 10 });
    client = await sandbox.clientFor(0, {
      status: { headersTimeoutMs: 300 },
    });
    downloadId = await anyDownloadId(sandbox, client);
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('reports burst-429 as rate limited', async () => {
    await sandbox.setFaults(['stareMesaj:burst-429@1']);
    const failure = await rejectionOf(
      client.status({ apiPath: 'test', uploadIndex: '1' }),
    );
    expect(failure.code).toBe('anaf.rateLimited');
  });

  it('marks 429 as retryable', async () => {
    await sandbox.setFaults(['listaMesajeFactura:burst-429@1']);
    const failure = await rejectionOf(
      client.listMessages({ apiPath: 'test', cif: SELLER, days: 1 }),
    );
    expect(failure.retryable).toBe(true);
  });

  it('reports a 503 before recording', async () => {
    await sandbox.setFaults(['descarcare:error-before=503@1']);
    const failure = await rejectionOf(
      client.download({ apiPath: 'test', downloadId }),
    );
    expect(failure.code).toBe('anaf.unavailable');
  });

  it('reports a 500 after recording', async () => {
    await sandbox.setFaults(['descarcare:error-after-record=500@1']);
    const failure = await rejectionOf(
      client.download({ apiPath: 'test', downloadId }),
    );
    expect(failure.status).toBe(500);
  });

  it('reports a reset mid-body', async () => {
    await sandbox.setFaults(['descarcare:reset-mid-body@1']);
    const failure = await rejectionOf(
      client.download({ apiPath: 'test', downloadId }),
    );
    expect(failure.kind).toBe('connectionReset');
  });

  it('marks a lost upload answer as unknown', async () => {
    await sandbox.setFaults(['upload:reset-after-record@1']);
    const failure = await rejectionOf(
      client.upload({
        apiPath: 'test',
        cif: SELLER,
        standard: 'UBL',
        body: validInvoice(),
      }),
    );
    expect(failure.delivery).toBe('unknown');
  });

  it('shows the lost upload was recorded', async () => {
    await sandbox.setFaults(['upload:reset-after-record@1']);
    const before = ((await sandbox.adminState()).uploads as unknown[]).length;
    await rejectionOf(
      client.upload({
        apiPath: 'test',
        cif: SELLER,
        standard: 'UBL',
        body: validInvoice(),
      }),
    );
    const after = ((await sandbox.adminState()).uploads as unknown[]).length;
    expect(after).toBe(before + 1);
  });

  it('times out a slow answer', async () => {
    await sandbox.setFaults(['stareMesaj:slow-answer=2000@1']);
    const failure = await rejectionOf(
      client.status({ apiPath: 'test', uploadIndex: '1' }),
    );
    expect(failure.code).toBe('anaf.timeout');
  });

  it('reports the firewall page', async () => {
    await sandbox.setFaults(['public-validare:firewall@1']);
    const failure = await rejectionOf(
      client.validate({ standard: 'FACT1', xml: validInvoice() }),
    );
    expect(failure.code).toBe('anaf.firewall');
  });

  it('quotes the firewall support id', async () => {
    await sandbox.setFaults(['public-transformare:firewall@1']);
    const failure = await rejectionOf(
      client.convertToPdf({ standard: 'FACT1', xml: validInvoice() }),
    );
    expect(failure.message).toMatch(
      /^ANAF rejected the request \(support ID \d+\)$/,
    );
  });

  it('reports status 255 as a bad response', async () => {
    await sandbox.setFaults(['hello:status-255@1']);
    const failure = await rejectionOf(client.hello());
    expect(failure.code).toBe('anaf.badResponse');
  });

  it('still succeeds after latency', async () => {
    await sandbox.setFaults(['hello:latency=100@1']);
    expect(await client.hello()).toEqual({ greeting: 'Hello, efactura' });
  });
});

describe('per-minute limit', () => {
  let sandbox: AnafSandbox;

  beforeAll(async () => {
    sandbox = await startAnafSandbox({ rateLimit: 3 });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('reports the per-minute limit as rate limited', async () => {
    const client = await sandbox.clientFor(0);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () => client.hello()),
    );
    const codes = outcomes.map((outcome) =>
      outcome.status === 'rejected'
        ? (outcome.reason as { code: string }).code
        : 'ok',
    );
    expect(codes.filter((code) => code === 'anaf.rateLimited').length).toBe(1);
  });
});

describe('token rejection', () => {
  let sandbox: AnafSandbox;
  let goodToken: string;

  beforeAll(async () => {
    sandbox = await startAnafSandbox();
    goodToken = await sandbox.login(0);
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('retries once with a refreshed token', async () => {
    const client = sandbox.clientWith({
      accessToken: async () => 'revoked-or-stale',
      refreshAfterRejection: async () => goodToken,
    });
    expect(await client.hello()).toEqual({ greeting: 'Hello, efactura' });
  });

  it('reports a persisting rejection as forbidden', async () => {
    const client = sandbox.clientWith({
      accessToken: async () => 'revoked-or-stale',
      refreshAfterRejection: async () => 'still-wrong',
    });
    const failure = await rejectionOf(client.hello());
    expect(failure.message).toContain(
      'token not valid for this service, or application not enrolled for it',
    );
  });

  it('reports forbidden without a fresh token', async () => {
    const client = sandbox.clientWith({
      accessToken: async () => 'revoked-or-stale',
      refreshAfterRejection: async () => null,
    });
    const failure = await rejectionOf(client.hello());
    expect(failure.code).toBe('anaf.forbidden');
  });
});

describe('server clock behind', () => {
  let sandbox: AnafSandbox;

  beforeAll(async () => {
    // The sandbox's clock runs ten minutes behind the app's, so a window
    // ending a minute before the app's now ends in the sandbox's future.
    sandbox = await startAnafSandbox({
      seedMessages: 5,
      now: () => new Date(Date.now() - 10 * 60_000),
    });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('corrects the window from the quoted time', async () => {
    const client = await sandbox.clientFor(0);
    const windows: ListWindow[] = [];
    const walk = walkMessagePages(
      (window, page) => {
        windows.push(window);
        return client.listMessagePage({
          apiPath: 'test',
          cif: SELLER,
          window,
          page,
        });
      },
      { now: () => new Date() },
    );
    for await (const page of walk) void page;
    const [first, corrected] = windows;
    expect(corrected?.endTime.getTime()).toBeLessThan(
      first?.endTime.getTime() ?? 0,
    );
  });

  it('reports the uncorrected window', async () => {
    const client = await sandbox.clientFor(0);
    const now = Date.now();
    const failure = await rejectionOf(
      client.listMessagePage({
        apiPath: 'test',
        cif: SELLER,
        page: 1,
        window: {
          startTime: new Date(now - DAY_MS),
          endTime: new Date(now - 60_000),
        },
      }),
    );
    expect(failure.kind).toBe('endTimeInFuture');
  });
});

describe('after 60 days', () => {
  let sandbox: AnafSandbox;

  beforeAll(async () => {
    sandbox = await startAnafSandbox({ seedMessages: 5 });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('reports the download as expired', async () => {
    const client = await sandbox.clientFor(0);
    const outcome = await client.upload({
      apiPath: 'test',
      cif: SELLER,
      standard: 'UBL',
      body: validInvoice(),
    });
    const uploadIndex = outcome.accepted ? outcome.uploadIndex : '';
    const status = await client.status({ apiPath: 'test', uploadIndex });
    const downloadId = status.state === 'ok' ? status.downloadId : '';
    sandbox.sandbox.advanceClock(61 * DAY_MS);
    const failure = await rejectionOf(
      client.download({ apiPath: 'test', downloadId }),
    );
    expect(failure.code).toBe('anaf.expired');
  });
});
