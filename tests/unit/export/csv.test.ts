import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { exportCsv } from '../../../electron/core/export/index.ts';
import {
  createTestArchive,
  type TestArchive,
} from '../archive/archive-fixture.ts';
import {
  COMPANY,
  fillArchive,
  generatedInvoices,
} from '../archive/generated-archive.ts';
import { listedMessage } from '../archive/archive-fixture.ts';
import { invoiceXml, messageZip } from '../archive/invoice-builder.ts';

const invoices = generatedInvoices(12);
let fixture: TestArchive;

beforeAll(async () => {
  fixture = await createTestArchive();
  await fillArchive(fixture.archive, invoices);
  fixture.archive.recordListed(COMPANY.cif, [
    listedMessage({ downloadId: '3999001', uploadIndex: '5999001' }),
  ]);
  await fixture.archive.storeDownload(
    COMPANY.cif,
    '3999001',
    await messageZip(
      '5999001',
      invoiceXml({
        number: 'X;1',
        issueDate: '2025-01-20',
        seller: { cif: '24019370', name: '=HYPERLINK("http://x")' },
        buyer: COMPANY,
        lines: [
          { name: 'Servicii "speciale"', quantity: 1, price: 10, rate: 19 },
        ],
      }),
    ),
  );
});

afterAll(() => {
  fixture.close();
});

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

async function csvLines(
  options: Parameters<typeof exportCsv>[2] = {},
  query: { number?: string } = {},
): Promise<string[][]> {
  const csv = await exportCsv(
    fixture.archive,
    {
      cif: COMPANY.cif,
      sort: { field: 'number', descending: false },
      ...query,
    },
    options,
  );
  const text = decode(csv.bytes).replace(/^\ufeff/, '');
  return text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(options.delimiter ?? ';'));
}

describe('exportCsv per invoice', () => {
  it('starts with a UTF-8 byte order mark', async () => {
    const csv = await exportCsv(fixture.archive, { cif: COMPANY.cif });
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes one row per invoice', async () => {
    const csv = await exportCsv(fixture.archive, {
      cif: COMPANY.cif,
      limit: 2,
    });
    expect(csv.rows).toBe(invoices.length + 1);
  });

  it('names the columns in Romanian with VAT per rate', async () => {
    const [header] = await csvLines();
    expect(header?.slice(0, 11)).toEqual([
      'Direcție',
      'CIF partener',
      'Partener',
      'Număr',
      'Tip',
      'Data emiterii',
      'Data scadenței',
      'Monedă',
      'Valoare fără TVA',
      'TVA',
      'Total',
    ]);
    expect(header?.slice(11, 15)).toEqual([
      'Bază TVA 19%',
      'TVA 19%',
      'Bază TVA 9%',
      'TVA 9%',
    ]);
  });

  it('writes an invoice with decimal commas', async () => {
    const lines = await csvLines({}, { number: 'CD-2025-0002' });
    const row = lines[1];
    // Invoice 1: sent to Şerban Ţesătorie, 20 at 19 % plus 5 at 9 %.
    expect(row?.slice(0, 11)).toEqual([
      'emisă',
      '31902844',
      'Şerban Ţesătorie SA',
      'CD-2025-0002',
      '380',
      '2025-01-02',
      '2025-02-02',
      'RON',
      '25,00',
      '4,25',
      '29,25',
    ]);
    expect(row?.slice(11, 15)).toEqual(['20,00', '3,80', '5,00', '0,45']);
  });

  it('writes credit notes with negative amounts', async () => {
    const lines = await csvLines({}, { number: 'CD-2025-0007' });
    expect(lines[1]?.[4]).toBe('381');
    expect(lines[1]?.[10]).toBe('-83,30');
  });

  it('keeps a formula in a name as text', async () => {
    const lines = await csvLines({}, { number: 'X;1' });
    const text = lines[1]?.join(';') ?? '';
    expect(text).toContain(`'=HYPERLINK(""http://x"")`);
  });

  it('quotes a value that contains the delimiter', async () => {
    const csv = await exportCsv(fixture.archive, {
      cif: COMPANY.cif,
      number: 'X;1',
    });
    expect(decode(csv.bytes)).toContain(';"X;1";');
  });

  it('writes commas between fields with decimal points', async () => {
    const lines = await csvLines(
      { delimiter: ',' },
      { number: 'CD-2025-0002' },
    );
    expect(lines[1]?.slice(8, 11)).toEqual(['25.00', '4.25', '29.25']);
  });

  it('rejects commas for both fields and decimals', async () => {
    await expect(
      exportCsv(
        fixture.archive,
        { cif: COMPANY.cif },
        { delimiter: ',', decimalSeparator: ',' },
      ),
    ).rejects.toMatchObject({ code: 'input.invalid' });
  });
});

describe('exportCsv per line', () => {
  it('writes one row per invoice line', async () => {
    const csv = await exportCsv(
      fixture.archive,
      { cif: COMPANY.cif },
      { perLine: true },
    );
    const expected =
      invoices.reduce((sum, invoice) => sum + invoice.spec.lines.length, 0) + 1;
    expect(csv.rows).toBe(expected);
  });

  it('writes the line values', async () => {
    const lines = await csvLines({ perLine: true }, { number: 'CD-2025-0002' });
    expect(lines[0]?.slice(7, 15)).toEqual([
      'Nr. linie',
      'Denumire',
      'Cantitate',
      'U.M.',
      'Preț unitar',
      'Categorie TVA',
      'Cotă TVA',
      'Valoare linie',
    ]);
    expect(lines[1]?.slice(7, 15)).toEqual([
      '1',
      'Marfă 1',
      '1',
      'H87',
      '20,00',
      'S',
      '19',
      '20,00',
    ]);
    expect(lines[2]?.slice(8, 9)).toEqual(['Transport']);
  });

  it('negates the lines of a credit note', async () => {
    const lines = await csvLines({ perLine: true }, { number: 'CD-2025-0007' });
    expect(lines[1]?.[14]).toBe('-70,00');
  });
});
