/**
 * The invoice PDF, read back with pdf.js: the text must come out with the
 * Romanian letters in both forms, which needs the embedded DejaVu font.
 */
import fs from 'node:fs';
import path from 'node:path';

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  invoiceFile,
  renderDocumentPdf,
  saveInvoiceFile,
} from '../../../electron/core/export/index.ts';
import {
  createTestArchive,
  listedMessage,
  type TestArchive,
} from '../archive/archive-fixture.ts';
import {
  errorDocumentXml,
  invoiceXml,
  messageZip,
} from '../archive/invoice-builder.ts';

const CIF = '18654326';

let fixture: TestArchive;

beforeAll(async () => {
  fixture = await createTestArchive();
  fixture.archive.recordListed(CIF, [
    listedMessage({ downloadId: '3001' }),
    listedMessage({
      downloadId: '3002',
      type: 'ERORI FACTURA',
      direction: 'errors',
    }),
    listedMessage({ downloadId: '3003' }),
    listedMessage({ downloadId: '3004' }),
  ]);
  const lines = Array.from({ length: 60 }, (_, i) => ({
    name: `Țiglă ceramică roșie ${i + 1}`,
    quantity: i + 1,
    price: 12.5,
    rate: i % 2 === 0 ? 19 : 9,
  }));
  await fixture.archive.storeDownload(
    CIF,
    '3001',
    await messageZip(
      '53001',
      invoiceXml({
        number: 'ȘȚ-2025-0001',
        issueDate: '2025-01-14',
        dueDate: '2025-02-13',
        seller: {
          cif: '24019370',
          name: 'Ştefănescu Ţesătorie SRL',
          city: 'Târgu Mureş',
          street: 'Bd. Independenţei 5',
        },
        buyer: {
          cif: CIF,
          name: 'Carpatica Distribuție SRL',
          city: 'Timișoara',
          street: 'Șoseaua Industriilor 3',
        },
        lines,
        note: 'Plata în 30 de zile. Mulțumim!',
      }),
    ),
  );
  await fixture.archive.storeDownload(
    CIF,
    '3002',
    await messageZip(
      '53002',
      errorDocumentXml('53002', CIF, [
        'E: validari globale SCHEMATRON eroare: [BR-RO-110]-Subdiviziunea țării',
      ]),
    ),
  );
  await fixture.archive.storeDownload(
    CIF,
    '3004',
    await messageZip('53004', codedInvoiceXml()),
  );
});

/**
 * An invoice whose codes the PDF must name: hours, a reverse-charge line
 * and payment means 42, built by swapping the builder's default codes.
 */
function codedInvoiceXml(): string {
  return invoiceXml({
    number: 'COD-2025-0004',
    issueDate: '2025-03-03',
    seller: { cif: '24019370', name: 'Ştefănescu Ţesătorie SRL' },
    buyer: { cif: CIF, name: 'Carpatica Distribuție SRL' },
    lines: [{ name: 'Consultanță fiscală', quantity: 3, price: 200, rate: 0 }],
  })
    .replace('unitCode="H87"', 'unitCode="HUR"')
    .replaceAll('<cbc:ID>Z</cbc:ID>', '<cbc:ID>AE</cbc:ID>')
    .replace(
      '<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>',
      '<cbc:PaymentMeansCode>42</cbc:PaymentMeansCode>',
    );
}

afterAll(() => {
  fixture.close();
});

async function pdfText(
  bytes: Uint8Array,
): Promise<{ text: string; pages: number }> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    verbosity: 0,
  });
  const pdf = await task.promise;
  const parts: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if ('str' in item) parts.push(item.str);
    }
  }
  const pages = pdf.numPages;
  await task.destroy();
  return { text: parts.join(' '), pages };
}

describe('renderDocumentPdf of an invoice', () => {
  let text = '';
  let pages = 0;

  beforeAll(async () => {
    const document = await fixture.archive.getDocument(CIF, '3001');
    ({ text, pages } = await pdfText(await renderDocumentPdf(document)));
  });

  it('keeps comma-below ș and ț', () => {
    expect(text).toContain('Carpatica Distribuție SRL');
    expect(text).toContain('Țiglă ceramică roșie 1');
    expect(text).toContain('ș');
    expect(text).toContain('ț');
  });

  it('keeps cedilla ş and ţ', () => {
    expect(text).toContain('Ştefănescu Ţesătorie SRL');
    expect(text).toContain('Târgu Mureş');
  });

  it('shows the parties, totals and payment', () => {
    expect(text).toContain('FACTURĂ');
    expect(text).toContain('ȘȚ-2025-0001');
    expect(text).toContain('Furnizor');
    expect(text).toContain('Cumpărător');
    expect(text).toContain('Defalcare TVA');
    expect(text).toContain('Total cu TVA');
    expect(text).toContain('RO49AAAA1B31007593840000');
    expect(text).toContain('Plata în 30 de zile. Mulțumim!');
  });

  it('writes amounts the Romanian way', () => {
    // 60 lines of 12.50 per unit: 12.50 * (1 + ... + 60) = 22,875.00 net.
    expect(text).toContain('22.875,00');
  });

  it('continues long line tables on more pages', () => {
    expect(pages).toBeGreaterThan(1);
  });
});

describe('renderDocumentPdf code names', () => {
  let text = '';

  beforeAll(async () => {
    const document = await fixture.archive.getDocument(CIF, '3004');
    ({ text } = await pdfText(await renderDocumentPdf(document)));
  });

  it('names the type code', () => {
    expect(text).toContain('380 (factură)');
  });

  it('names the payment means', () => {
    expect(text).toContain('plată în cont bancar');
    expect(text).not.toMatch(/Mod de plată:\s+42/);
  });

  it('names the unit', () => {
    expect(text).toContain('oră');
    expect(text).not.toContain('HUR');
  });

  it('names the VAT category', () => {
    expect(text).toContain('taxare inversă');
    expect(text).not.toMatch(/\bAE\b/);
  });

  it('labels the VAT id apart from the CIF', () => {
    expect(text).toMatch(/CIF:\s+24019370/);
    expect(text).toMatch(/Cod TVA:\s+RO24019370/);
  });
});

describe('renderDocumentPdf unit names', () => {
  it('names pieces and leaves no raw code', async () => {
    const document = await fixture.archive.getDocument(CIF, '3001');
    const { text } = await pdfText(await renderDocumentPdf(document));
    expect(text).toContain('bucată');
    expect(text).not.toContain('H87');
  });
});

describe('renderDocumentPdf of a rejected upload', () => {
  it('lists the errors with their rule', async () => {
    const document = await fixture.archive.getDocument(CIF, '3002');
    const { text } = await pdfText(await renderDocumentPdf(document));
    expect(text).toContain('BR-RO-110');
    expect(text).toContain('țării');
  });
});

describe('invoiceFile', () => {
  it('returns the stored ZIP unchanged', async () => {
    const file = await invoiceFile(fixture.archive, CIF, '3001', 'zip');
    const stored = await fixture.archive.readStoredZip(CIF, '3001');
    expect(Buffer.from(file.bytes).equals(Buffer.from(stored))).toBe(true);
    expect(file.mimeType).toBe('application/zip');
  });

  it('returns the invoice XML member', async () => {
    const file = await invoiceFile(fixture.archive, CIF, '3001', 'xml');
    expect(Buffer.from(file.bytes).toString('utf8')).toContain(
      '<cbc:ID>ȘȚ-2025-0001</cbc:ID>',
    );
  });

  it('names the file after the invoice number', async () => {
    const file = await invoiceFile(fixture.archive, CIF, '3001', 'pdf');
    expect(file.fileName).toBe('ȘȚ-2025-0001_3001.pdf');
  });

  it('saves into a folder without changing it', async () => {
    const folder = path.join(fixture.folder, 'Documents');
    fs.mkdirSync(folder, { mode: 0o755 });
    fs.chmodSync(folder, 0o755);
    const saved = await saveInvoiceFile(
      fixture.archive,
      CIF,
      '3001',
      'xml',
      folder,
    );

    expect(saved).toBe(path.join(folder, 'ȘȚ-2025-0001_3001.xml'));
    expect(fs.statSync(saved).mode & 0o777).toBe(0o600);
    expect(fs.statSync(folder).mode & 0o777).toBe(0o755);
  });

  it('fails for a message not downloaded', async () => {
    await expect(
      invoiceFile(fixture.archive, CIF, '3003', 'pdf'),
    ).rejects.toMatchObject({ code: 'archive.notFound' });
  });
});
