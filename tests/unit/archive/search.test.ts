import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { InvoiceQuery } from '../../../shared/domain.ts';
import { foldSearchText } from '../../../electron/core/archive/index.ts';

import {
  createTestArchive,
  listedMessage,
  type TestArchive,
} from './archive-fixture.ts';
import {
  COMPANY,
  fillArchive,
  generatedInvoices,
  type GeneratedInvoice,
} from './generated-archive.ts';

const COUNT = 56;
const invoices = generatedInvoices(COUNT);

let fixture: TestArchive;

beforeAll(async () => {
  fixture = await createTestArchive();
  await fillArchive(fixture.archive, invoices);
  fixture.archive.recordListed(COMPANY.cif, [
    listedMessage({ downloadId: '3999999' }),
  ]);
});

afterAll(() => {
  fixture.close();
});

function search(query: Omit<InvoiceQuery, 'cif' | 'withTotals'>) {
  return fixture.archive.queryInvoices({
    cif: COMPANY.cif,
    limit: 5000,
    ...query,
  });
}

function messageIds(query: Omit<InvoiceQuery, 'cif'>): string[] {
  return search(query)
    .rows.map((row) => row.messageId)
    .sort();
}

function expectedIds(keep: (invoice: GeneratedInvoice) => boolean): string[] {
  return invoices
    .filter(keep)
    .map((invoice) => invoice.messageId)
    .sort();
}

describe('foldSearchText', () => {
  it.each([
    ['Ștefan', 'stefan'],
    ['Ştefan', 'stefan'],
    ['ȚARĂ', 'tara'],
    ['Ţară', 'tara'],
    ['Îngrijire', 'ingrijire'],
    ['Câmpia  Bărăganului', 'campia baraganului'],
  ])('folds %s', (text, folded) => {
    expect(foldSearchText(text)).toBe(folded);
  });
});

describe('queryInvoices partner search', () => {
  const stefan = expectedIds(
    (invoice) =>
      invoice.partner.name.startsWith('Ștef') ||
      invoice.partner.name.startsWith('Stef'),
  );

  it('matches comma, cedilla and plain s alike', () => {
    expect(messageIds({ partner: 'ștef' })).toEqual(stefan);
    expect(messageIds({ partner: 'ştef' })).toEqual(stefan);
    expect(messageIds({ partner: 'STEF' })).toEqual(stefan);
  });

  it('matches comma, cedilla and plain t alike', () => {
    const tesatorie = expectedIds((invoice) =>
      invoice.partner.name.includes('Ţesătorie'),
    );
    expect(messageIds({ partner: 'țesătorie' })).toEqual(tesatorie);
    expect(messageIds({ partner: 'ţesătorie' })).toEqual(tesatorie);
    expect(messageIds({ partner: 'tesatorie' })).toEqual(tesatorie);
  });

  it('matches î and â without diacritics', () => {
    const ingrijire = expectedIds((invoice) =>
      invoice.partner.name.startsWith('Îngrijire'),
    );
    expect(messageIds({ partner: 'ingrijire tara' })).toEqual(ingrijire);
  });

  it('matches a part of the partner CIF', () => {
    expect(messageIds({ partner: '401937' })).toEqual(
      expectedIds((invoice) => invoice.partner.cif === '24019370'),
    );
  });

  it('matches the VAT id with its prefix', () => {
    const sold = expectedIds(
      (invoice) =>
        invoice.partner.cif === '31902844' && invoice.direction === 'received',
    );
    expect(messageIds({ partner: 'RO3190', direction: 'received' })).toEqual(
      sold,
    );
  });

  it('treats percent and underscore as text', () => {
    expect(search({ partner: '%' }).total).toBe(0);
    expect(search({ partner: '_' }).total).toBe(0);
  });
});

describe('queryInvoices filters', () => {
  it('matches a number substring in any case', () => {
    expect(messageIds({ number: 'cd-2025-001' })).toEqual(
      expectedIds((invoice) => invoice.spec.number.startsWith('CD-2025-001')),
    );
  });

  it('filters one direction', () => {
    expect(messageIds({ direction: 'sent' })).toEqual(
      expectedIds((invoice) => invoice.direction === 'sent'),
    );
  });

  it('filters an issue date range', () => {
    expect(
      messageIds({ dateFrom: '2025-01-05', dateTo: '2025-01-07' }),
    ).toEqual(
      expectedIds(
        (invoice) =>
          invoice.spec.issueDate >= '2025-01-05' &&
          invoice.spec.issueDate <= '2025-01-07',
      ),
    );
  });

  it('filters an amount range on the total', () => {
    expect(messageIds({ amountMin: 100, amountMax: 250.5 })).toEqual(
      expectedIds((invoice) => invoice.total >= 100 && invoice.total <= 250.5),
    );
  });

  it('filters a currency', () => {
    expect(messageIds({ currency: 'EUR' })).toEqual(
      expectedIds((invoice) => invoice.spec.currency === 'EUR'),
    );
  });

  it('filters a state', () => {
    expect(messageIds({ state: 'listed' })).toEqual(['3999999']);
  });

  it('combines filters', () => {
    expect(
      messageIds({ partner: 'stef', currency: 'RON', direction: 'received' }),
    ).toEqual(
      expectedIds(
        (invoice) =>
          /^(Ș|S)tef/.test(invoice.partner.name) &&
          invoice.spec.currency === 'RON' &&
          invoice.direction === 'received',
      ),
    );
  });
});

describe('queryInvoices sorting and paging', () => {
  it('sorts by total ascending', () => {
    const totals = search({
      state: 'downloaded',
      sort: { field: 'total', descending: false },
    }).rows.map((row) => row.total ?? 0);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
  });

  it('sorts partner names without diacritics', () => {
    const names = search({
      state: 'downloaded',
      sort: { field: 'partnerName', descending: false },
    }).rows.map((row) => foldSearchText(row.partnerName ?? ''));
    expect(names).toEqual([...names].sort());
  });

  it('sorts newest first by default', () => {
    const created = search({}).rows.map((row) => row.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it('returns one page and the full count', () => {
    const page = search({ offset: 10, limit: 5 });
    expect(page.rows).toHaveLength(5);
    expect(page.total).toBe(COUNT + 1);
  });

  it('pages without gaps or repeats', () => {
    const sort = { field: 'issueDate', descending: true } as const;
    const pages = [0, 20, 40].flatMap(
      (offset) => search({ sort, offset, limit: 20 }).rows,
    );
    const ids = pages.map((row) => row.messageId);
    expect(new Set(ids).size).toBe(COUNT + 1);
  });
});

describe('queryInvoices totals', () => {
  it('sums each currency over the whole filter', () => {
    const page = search({ limit: 3 });
    const ron = page.totals.find((totals) => totals.currency === 'RON');
    const expected = invoices
      .filter((invoice) => invoice.spec.currency === 'RON')
      .reduce((sum, invoice) => sum + Math.round(invoice.total * 100), 0);
    expect(ron?.total).toBe(expected / 100);
  });

  it('counts invoices per currency', () => {
    const page = search({});
    const counts = Object.fromEntries(
      page.totals.map((totals) => [totals.currency, totals.count]),
    );
    expect(counts).toEqual({
      RON: invoices.filter((invoice) => invoice.spec.currency === 'RON').length,
      EUR: invoices.filter((invoice) => invoice.spec.currency === 'EUR').length,
    });
  });

  it('nets credit notes against invoices', () => {
    const page = search({ number: 'CD-2025-0007' });
    expect(page.totals[0]?.total).toBeLessThan(0);
  });
});
