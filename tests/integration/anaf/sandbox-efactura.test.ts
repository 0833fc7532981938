// The client against the sandbox over HTTPS: every e-Factura endpoint, the
// public helpers, and the business errors ANAF returns with HTTP 200.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnafClient } from '../../../electron/core/anaf/client.ts';
import { buildBuyerMessage } from '../../../electron/core/anaf/buyer-message.ts';
import { parseErrorDocument } from '../../../electron/core/anaf/error-document.ts';
import {
  listWindow,
  walkMessagePages,
} from '../../../electron/core/anaf/list-window.ts';
import type { MessagePage } from '../../../electron/core/anaf/parse-lists.ts';
import { replaceSellerCif } from '../../helpers/replace-seller.ts';
import { rejectionOf } from '../../unit/anaf/helpers.ts';
import {
  sharedFile,
  startAnafSandbox,
  type AnafSandbox,
} from './sandbox-fixture.ts';
import { unzipEntries } from './zip.ts';

// Invented CIFs with valid check digits: two seeded companies, one company
// that receives no buyer messages, and the second representative's company.
const SELLER = '18654326';
const BUYER = '24019370';
const QUIET = '12345674';
const OTHER = '31902844';

let sandbox: AnafSandbox;
let client: AnafClient;
let otherClient: AnafClient;
let noRightsClient: AnafClient;
let invoiceNumber = 0;

/** Returns a published example as an invoice of SELLER, with a number of its own. */
function validInvoice(seller = SELLER): Buffer {
  invoiceNumber += 1;
  const example = sharedFile(
    'fixtures',
    'invoices',
    'cius-ro',
    'ubl_b2g_example0.xml',
  );
  const text = replaceSellerCif(example, seller).toString('utf8');
  return Buffer.from(
    text.replace(
      /<cbc:ID>[^<]*<\/cbc:ID>/,
      `<cbc:ID>T-${invoiceNumber}</cbc:ID>`,
    ),
  );
}

/** Returns a published example whose fictitious seller and CIUS-RO 1.0.0 end `nok`. */
function rejectedInvoice(): Buffer {
  return sharedFile(
    'fixtures',
    'invoices',
    'cius-ro',
    'anaf_invoice_example.xml',
  );
}

async function uploadIndexOf(body: Buffer, cif = SELLER): Promise<string> {
  const outcome = await client.upload({
    apiPath: 'test',
    cif,
    standard: 'UBL',
    body,
  });
  if (!outcome.accepted)
    throw new Error(`Upload refused: ${outcome.messages.join('; ')}`);
  return outcome.uploadIndex;
}

beforeAll(async () => {
  sandbox = await startAnafSandbox({
    seedMessages: 30,
    certificates: [
      { name: 'Andreea Ionescu', cifs: [SELLER, BUYER, QUIET] },
      { name: 'Mihai Popescu', cifs: [OTHER] },
      { name: 'Elena Dumitrescu', cifs: [] },
    ],
    dailyLimits: { descarcarePerMessage: 3 },
  });
  client = await sandbox.clientFor(0);
  otherClient = await sandbox.clientFor(1);
  noRightsClient = await sandbox.clientFor(2);
});

afterAll(async () => {
  await sandbox.close();
});

describe('hello', () => {
  it('returns the greeting', async () => {
    expect(await client.hello('efactura')).toEqual({
      greeting: 'Hello, efactura',
    });
  });
});

describe('upload and status', () => {
  it('accepts a valid invoice', async () => {
    const outcome = await client.upload({
      apiPath: 'test',
      cif: SELLER,
      standard: 'UBL',
      body: validInvoice(),
    });
    expect(outcome.accepted).toBe(true);
  });

  it('follows a valid invoice to ok', async () => {
    const uploadIndex = await uploadIndexOf(validInvoice());
    const status = await client.status({ apiPath: 'test', uploadIndex });
    expect(status.state).toBe('ok');
  });

  it('reports processing while in prelucrare', async () => {
    await sandbox.admin('PATCH', '/settings', { processingMs: 600_000 });
    try {
      const uploadIndex = await uploadIndexOf(validInvoice());
      expect(await client.status({ apiPath: 'test', uploadIndex })).toEqual({
        state: 'processing',
      });
    } finally {
      await sandbox.admin('PATCH', '/settings', { processingMs: 0 });
    }
  });

  it('follows a rule failure to nok', async () => {
    const uploadIndex = await uploadIndexOf(rejectedInvoice());
    const status = await client.status({ apiPath: 'test', uploadIndex });
    expect(status.state).toBe('nok');
  });

  it('returns a malformed file as rejected', async () => {
    const outcome = await client.upload({
      apiPath: 'test',
      cif: SELLER,
      standard: 'UBL',
      body: Buffer.from(
        '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">',
      ),
    });
    expect(outcome.accepted).toBe(false);
  });

  it('keeps the rejection messages', async () => {
    const outcome = await client.upload({
      apiPath: 'test',
      cif: SELLER,
      standard: 'CN',
      body: validInvoice(),
    });
    expect(outcome.accepted ? [] : outcome.messages).not.toEqual([]);
  });

  it('accepts an upload to uploadb2c', async () => {
    const outcome = await client.upload({
      apiPath: 'prod',
      cif: SELLER,
      standard: 'UBL',
      body: validInvoice(),
      b2c: true,
    });
    expect(outcome.accepted).toBe(true);
  });

  it('returns executare outside the register as rejected', async () => {
    const outcome = await client.upload({
      apiPath: 'test',
      cif: SELLER,
      standard: 'UBL',
      body: validInvoice(),
      enforcement: true,
    });
    expect(outcome.accepted ? '' : outcome.messages.join(' ')).toContain(
      'executari silite',
    );
  });

  it('accepts the extern and autofactura flags', async () => {
    const outcome = await client.upload({
      apiPath: 'test',
      cif: SELLER,
      standard: 'UBL',
      body: validInvoice(),
      foreignBuyer: true,
      selfBilled: true,
    });
    expect(outcome.accepted).toBe(true);
  });

  it('reports a CIF without rights as noRight', async () => {
    const failure = await rejectionOf(
      client.upload({
        apiPath: 'test',
        cif: OTHER,
        standard: 'UBL',
        body: validInvoice(),
      }),
    );
    expect(failure.code).toBe('anaf.noRight');
  });

  it('reports a certificate without rights as noRight', async () => {
    const failure = await rejectionOf(
      noRightsClient.upload({
        apiPath: 'test',
        cif: SELLER,
        standard: 'UBL',
        body: validInvoice(),
      }),
    );
    expect(failure.code).toBe('anaf.noRight');
  });

  it('reports an unknown index as notFound', async () => {
    const failure = await rejectionOf(
      client.status({ apiPath: 'test', uploadIndex: '17' }),
    );
    expect(failure.code).toBe('anaf.notFound');
  });

  it("reports another's upload as noRight", async () => {
    const uploadIndex = await uploadIndexOf(validInvoice());
    const failure = await rejectionOf(
      otherClient.status({ apiPath: 'test', uploadIndex }),
    );
    expect(failure.code).toBe('anaf.noRight');
  });

  it('accepts a buyer message', async () => {
    const uploadIndex = await uploadIndexOf(validInvoice(SELLER));
    const outcome = await client.upload({
      apiPath: 'test',
      cif: SELLER,
      standard: 'RASP',
      body: Buffer.from(
        buildBuyerMessage(uploadIndex, 'Cantitate livrată diferită de comandă'),
      ),
    });
    expect(outcome.accepted).toBe(true);
  });
});

describe('download', () => {
  it('returns the ZIP of an ok upload', async () => {
    const body = validInvoice();
    const uploadIndex = await uploadIndexOf(body);
    const status = await client.status({ apiPath: 'test', uploadIndex });
    const downloadId = status.state === 'ok' ? status.downloadId : '';
    const entries = await unzipEntries(
      await client.download({ apiPath: 'test', downloadId }),
    );
    expect(entries.get(`${uploadIndex}.xml`)?.equals(body)).toBe(true);
  });

  it('returns the error document of a nok upload', async () => {
    const uploadIndex = await uploadIndexOf(rejectedInvoice());
    const status = await client.status({ apiPath: 'test', uploadIndex });
    const downloadId = status.state === 'nok' ? status.downloadId : '';
    const entries = await unzipEntries(
      await client.download({ apiPath: 'test', downloadId }),
    );
    const document = parseErrorDocument(
      entries.get(`${uploadIndex}.xml`)?.toString('utf8') ?? '',
    );
    expect(document.errors.join('\n')).toContain('R6.1');
  });

  it('reports an unknown id as notFound', async () => {
    const failure = await rejectionOf(
      client.download({ apiPath: 'test', downloadId: '21' }),
    );
    expect(failure.code).toBe('anaf.notFound');
  });

  it('reports the daily limit', async () => {
    const [message] = (
      await client.listMessages({ apiPath: 'test', cif: BUYER, days: 60 })
    ).messages;
    const downloadId = message?.downloadId ?? '';
    for (let i = 0; i < 3; i += 1)
      await client.download({ apiPath: 'test', downloadId });
    const failure = await rejectionOf(
      client.download({ apiPath: 'test', downloadId }),
    );
    expect(failure.code).toBe('anaf.dailyLimit');
  });

  it('reports a message without right as noRight', async () => {
    const uploadIndex = await uploadIndexOf(validInvoice());
    const status = await client.status({ apiPath: 'test', uploadIndex });
    const downloadId = status.state === 'ok' ? status.downloadId : '';
    const failure = await rejectionOf(
      otherClient.download({ apiPath: 'test', downloadId }),
    );
    expect(failure.code).toBe('anaf.noRight');
  });
});

describe('message lists', () => {
  it('lists the seeded messages', async () => {
    const list = await client.listMessages({
      apiPath: 'test',
      cif: SELLER,
      days: 60,
    });
    expect(list.messages.length).toBeGreaterThan(0);
  });

  it('maps each entry', async () => {
    const list = await client.listMessages({
      apiPath: 'test',
      cif: SELLER,
      days: 60,
    });
    for (const message of list.messages) {
      expect(message.uploadIndex).toMatch(/^\d+$/);
      expect(message.createdAt.getTime()).not.toBeNaN();
      expect(['sent', 'received', 'errors', 'buyerMessage']).toContain(
        message.direction,
      );
    }
  });

  it('reads the parties from detalii', async () => {
    const list = await client.listMessages({
      apiPath: 'test',
      cif: SELLER,
      days: 60,
      filter: 'T',
    });
    const sent = list.messages.find((message) => message.direction === 'sent');
    expect(sent?.sellerCif).toBe(SELLER);
  });

  it('returns an empty list for no messages', async () => {
    const list = await client.listMessages({
      apiPath: 'test',
      cif: QUIET,
      days: 60,
      filter: 'R',
    });
    expect(list.messages).toEqual([]);
  });

  it('returns an empty page for no messages', async () => {
    const pages: MessagePage[] = [];
    const walk = walkMessagePages(
      (window, page) =>
        client.listMessagePage({
          apiPath: 'test',
          cif: QUIET,
          window,
          page,
          filter: 'R',
        }),
      { now: () => sandbox.sandbox.now() },
    );
    for await (const page of walk) pages.push(page);
    expect(pages.map((page) => page.totalPages)).toEqual([0]);
  });

  it('walks the pages of the window', async () => {
    const now = sandbox.sandbox.now();
    const window = listWindow(now);
    const simple = await client.listMessages({
      apiPath: 'test',
      cif: SELLER,
      days: 60,
    });
    const expected = simple.messages
      .filter(
        (message) => window !== null && message.createdAt <= window.endTime,
      )
      .filter(
        (message) => window !== null && message.createdAt >= window.startTime,
      )
      .map((message) => message.downloadId);
    const ids: string[] = [];
    const walk = walkMessagePages(
      (pageWindow, page) =>
        client.listMessagePage({
          apiPath: 'test',
          cif: SELLER,
          window: pageWindow,
          page,
        }),
      { now: () => now },
    );
    for await (const page of walk) {
      ids.push(...page.messages.map((message) => message.downloadId));
    }
    expect(ids.sort()).toEqual(expected.sort());
  });

  it('reports a CIF without rights as noRight', async () => {
    const failure = await rejectionOf(
      client.listMessages({ apiPath: 'test', cif: OTHER, days: 5 }),
    );
    expect(failure.code).toBe('anaf.noRight');
  });
});

describe('public services', () => {
  it('validates a valid invoice', async () => {
    const result = await client.validate({
      standard: 'FACT1',
      xml: validInvoice(),
    });
    expect(result.valid).toBe(true);
  });

  it('returns the errors of an invalid one', async () => {
    const result = await client.validate({
      standard: 'FACT1',
      xml: rejectedInvoice(),
    });
    expect(result.valid ? [] : result.messages).not.toEqual([]);
  });

  it('renders a PDF', async () => {
    const result = await client.convertToPdf({
      standard: 'FACT1',
      xml: validInvoice(),
    });
    expect(
      result.valid ? Buffer.from(result.pdf.subarray(0, 5)).toString() : '',
    ).toBe('%PDF-');
  });

  it('renders a PDF without validation', async () => {
    const result = await client.convertToPdf({
      standard: 'FACT1',
      xml: rejectedInvoice(),
      skipValidation: true,
    });
    expect(result.valid).toBe(true);
  });

  it('reports the firewall page', async () => {
    const xml = Buffer.from(
      validInvoice()
        .toString('utf8')
        .replace('</Invoice>', '<!-- ;CP 1 --></Invoice>'),
    );
    const failure = await rejectionOf(
      client.convertToPdf({ standard: 'FACT1', xml }),
    );
    expect(failure.message).toMatch(
      /^ANAF rejected the request \(support ID \d+\)$/,
    );
  });

  it('checks a valid signature', async () => {
    const { invoice, signature } = await signedInvoice();
    const result = await client.checkSignature({ invoice, signature });
    expect(result.valid).toBe(true);
  });

  it('rejects a changed invoice', async () => {
    const { invoice, signature } = await signedInvoice();
    const changed = Buffer.from(
      invoice.toString('utf8').replace('</Invoice>', '<!-- x --></Invoice>'),
    );
    const result = await client.checkSignature({ invoice: changed, signature });
    expect(result.valid).toBe(false);
  });

  it('checks through the OAuth twin', async () => {
    const { invoice, signature } = await signedInvoice();
    const result = await client.checkSignature({
      invoice,
      signature,
      authenticated: true,
    });
    expect(result.valid).toBe(true);
  });
});

async function signedInvoice(): Promise<{
  invoice: Buffer;
  signature: Buffer;
}> {
  const uploadIndex = await uploadIndexOf(validInvoice());
  const status = await client.status({ apiPath: 'test', uploadIndex });
  const downloadId = status.state === 'ok' ? status.downloadId : '';
  const entries = await unzipEntries(
    await client.download({ apiPath: 'test', downloadId }),
  );
  return {
    invoice: entries.get(`${uploadIndex}.xml`) ?? Buffer.alloc(0),
    signature: entries.get(`semnatura_${uploadIndex}.xml`) ?? Buffer.alloc(0),
  };
}
