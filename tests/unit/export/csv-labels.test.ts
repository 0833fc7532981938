/**
 * Rate headers and message states in the per-invoice CSV: rates written
 * the Romanian way whatever the XML's decimals, states as Romanian words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { exportCsv } from '../../../electron/core/export/index.ts';
import { en } from '../../../renderer/src/i18n/en.ts';
import { ro } from '../../../renderer/src/i18n/ro.ts';
import {
  createTestArchive,
  listedMessage,
  type TestArchive,
} from '../archive/archive-fixture.ts';
import { invoiceXml, messageZip } from '../archive/invoice-builder.ts';

const CIF = '18654326';
let fixture: TestArchive;

beforeAll(async () => {
  fixture = await createTestArchive();
  fixture.archive.recordListed(CIF, [
    listedMessage({ downloadId: '4001', uploadIndex: '5401' }),
    listedMessage({ downloadId: '4002', uploadIndex: '5402' }),
    listedMessage({ downloadId: '4003', uploadIndex: '5403' }),
  ]);
  fixture.archive.recordFailedDownload(
    CIF,
    '4003',
    'expired',
    'ANAF no longer serves this message.',
  );
  const xml = invoiceXml({
    number: 'RATE-1',
    issueDate: '2025-02-10',
    seller: { cif: '24019370', name: 'Furnizor SRL' },
    buyer: { cif: CIF, name: 'Client SRL' },
    lines: [
      { name: 'Marfă', quantity: 1, price: 100, rate: 19 },
      { name: 'Carte', quantity: 1, price: 100, rate: 5 },
      { name: 'Cazare', quantity: 1, price: 100, rate: 9.5 },
    ],
  }).replaceAll(
    '<cbc:Percent>19</cbc:Percent>',
    '<cbc:Percent>19.00</cbc:Percent>',
  );
  await fixture.archive.storeDownload(
    CIF,
    '4001',
    await messageZip('5401', xml),
  );
});

afterAll(() => {
  fixture.close();
});

async function csvRows(): Promise<string[][]> {
  const csv = await exportCsv(fixture.archive, {
    cif: CIF,
    sort: { field: 'number', descending: false },
  });
  const text = new TextDecoder().decode(csv.bytes);
  return text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(';'));
}

describe('exportCsv labels', () => {
  it('writes rates without needless decimals', async () => {
    const [header = []] = await csvRows();
    expect(header).toContain('Bază TVA 19%');
    expect(header).toContain('Bază TVA 5%');
    expect(header).toContain('Bază TVA 9,5%');
    expect(header.join(';')).not.toContain('19.00');
  });

  it('names the states in Romanian', async () => {
    const rows = await csvRows();
    const header = rows[0] ?? [];
    const state = header.indexOf('Stare');
    const states = rows.slice(1).map((row) => row[state]);
    expect(states).toContain('descărcată');
    expect(states).toContain('listată');
    expect(states).not.toContain('downloaded');
  });

  it('words an expired message as the grid does', async () => {
    const rows = await csvRows();
    const state = (rows[0] ?? []).indexOf('Stare');
    const states = rows.slice(1).map((row) => row[state]);
    expect(states).toContain(ro.invoices.stateExpired);
  });

  it('keeps the grid state names in both languages', () => {
    expect(ro.invoices.stateExpired).toBe('ștearsă de ANAF');
    expect(en.invoices.stateExpired).toBe('deleted by ANAF');
  });
});
