/**
 * The search reads the archive through different indexes depending on how
 * many rows each filter matches. These tests run the same queries with
 * every filter allowed to drive and with none allowed, and compare both
 * with a plain scan of the table. They also check that the kept totals,
 * the partner keys and the number index stay in step with the messages.
 */
import type { DatabaseSync } from 'node:sqlite';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { InvoiceQuery } from '../../../shared/domain.ts';
import {
  buildFilter,
  InvoiceSearch,
  orderBy,
} from '../../../electron/core/archive/query.ts';
import { scanTotals } from '../../../electron/core/archive/search-totals.ts';

import {
  createTestArchive,
  listedMessage,
  type TestArchive,
} from './archive-fixture.ts';
import {
  COMPANY,
  fillArchive,
  generatedInvoices,
} from './generated-archive.ts';

let fixture: TestArchive;

beforeAll(async () => {
  fixture = await createTestArchive();
  await fillArchive(fixture.archive, generatedInvoices(56));
  fixture.archive.recordListed(COMPANY.cif, [
    listedMessage({ downloadId: '3999998' }),
    listedMessage({ downloadId: '3999999', direction: 'sent' }),
  ]);
  fixture.archive.recordFailedDownload(
    COMPANY.cif,
    '3999999',
    'failed',
    'HTTP 500',
  );
});

afterAll(() => {
  fixture.close();
});

type Query = Omit<InvoiceQuery, 'cif'>;

const QUERIES: Record<string, Query> = {
  'no filter': { direction: 'received' },
  'every direction': {},
  'partner comma s': { partner: 'ștefănescu' },
  'partner cedilla': { direction: 'sent', partner: 'Şerban ţes' },
  'partner plain': { partner: 'tara verde' },
  'partner cif': { partner: '9026' },
  'partner vat id': { direction: 'received', partner: 'RO2401' },
  'partner missing': { partner: 'nimeni' },
  'number long': { number: 'cd-2025-001' },
  'number short': { direction: 'sent', number: '01' },
  'number with quote': { number: 'a"b' },
  'date range': {
    direction: 'received',
    dateFrom: '2025-01-05',
    dateTo: '2025-01-12',
    sort: { field: 'issueDate', descending: false },
  },
  'date from': { dateFrom: '2025-01-20' },
  'amount range': {
    direction: 'sent',
    amountMin: 100,
    amountMax: 400,
    sort: { field: 'total', descending: true },
  },
  'negative amounts': { amountMax: 0 },
  currency: { currency: 'EUR' },
  'state listed': { state: 'listed' },
  'state failed': { direction: 'sent', state: 'failed' },
  combined: {
    direction: 'received',
    partner: 'stefan',
    currency: 'RON',
    dateFrom: '2025-01-03',
    amountMin: 50,
  },
  'sorted partner page': {
    direction: 'received',
    sort: { field: 'partnerName', descending: false },
    offset: 5,
    limit: 7,
  },
  'deep filtered page': {
    direction: 'sent',
    currency: 'RON',
    sort: { field: 'dueDate', descending: true },
    offset: 4,
    limit: 3,
  },
};

/** Reads the page and totals of a query with no index at all. */
function scanned(db: DatabaseSync, query: InvoiceQuery) {
  const filter = buildFilter(query);
  const ids = db
    .prepare(
      `SELECT message_id FROM archive_messages NOT INDEXED
       WHERE ${filter.sql} ${orderBy(query)} LIMIT ? OFFSET ?`,
    )
    .all(...filter.params, query.limit ?? 100, query.offset ?? 0)
    .map((row) => row.message_id);
  const { count, totals } = scanTotals(
    db,
    'archive_messages NOT INDEXED',
    filter,
  );
  return { ids, count, totals };
}

function searched(limit: number, query: InvoiceQuery) {
  const page = new InvoiceSearch(fixture.db, {
    candidateLimit: limit,
  }).query(query);
  return {
    ids: page.rows.map((row) => row.messageId),
    count: page.total,
    totals: page.totals,
  };
}

describe('search plans', () => {
  it.each(Object.entries(QUERIES))('%s: drivers match a scan', (_, q) => {
    const query = { cif: COMPANY.cif, ...q };
    expect(searched(1_000_000, query)).toEqual(scanned(fixture.db, query));
  });

  it.each(Object.entries(QUERIES))('%s: walks match a scan', (_, q) => {
    const query = { cif: COMPANY.cif, ...q };
    expect(searched(0, query)).toEqual(scanned(fixture.db, query));
  });

  it('finds at least one row for most queries', () => {
    const empty = Object.entries(QUERIES)
      .filter(
        ([, q]) => scanned(fixture.db, { cif: COMPANY.cif, ...q }).count === 0,
      )
      .map(([name]) => name);
    expect(empty).toEqual(['partner missing', 'number with quote']);
  });
});

describe('search without totals', () => {
  /** Runs a query on a fresh search, recording the SQL it prepares. */
  function recorded(query: InvoiceQuery) {
    const statements: string[] = [];
    const db = {
      prepare: (sql: string) => {
        statements.push(sql);
        return fixture.db.prepare(sql);
      },
    } as unknown as DatabaseSync;
    const page = new InvoiceSearch(db).query(query);
    return { page, statements };
  }

  it.each(Object.entries(QUERIES))('%s: same rows, no totals', (_, q) => {
    const query = { cif: COMPANY.cif, ...q };
    const full = new InvoiceSearch(fixture.db).query(query);
    const { page } = recorded({ ...query, withTotals: false });
    expect(page.rows).toEqual(full.rows);
    expect(page.total).toBeUndefined();
    expect(page.totals).toBeUndefined();
  });

  it.each(Object.entries(QUERIES))('%s: sums no amounts', (_, q) => {
    const query = { cif: COMPANY.cif, ...q, withTotals: false };
    const { statements } = recorded(query);
    const sums = statements.filter((sql) => sql.includes('sum(net_cents)'));
    expect(sums).toEqual([]);
  });

  it('sums the amounts with totals', () => {
    const { statements } = recorded({ cif: COMPANY.cif, amountMin: 20 });
    const sums = statements.filter((sql) => sql.includes('sum(net_cents)'));
    expect(sums).toHaveLength(1);
  });

  it('keeps the first page totals equal to a scan', () => {
    const query = {
      cif: COMPANY.cif,
      direction: 'sent' as const,
      amountMin: 20,
      limit: 5,
    };
    const search = new InvoiceSearch(fixture.db);
    search.query({ ...query, offset: 5, withTotals: false });
    const first = search.query({ ...query, offset: 0 });
    const expected = scanned(fixture.db, query);
    expect(first.total).toBe(expected.count);
    expect(first.totals).toEqual(expected.totals);
  });
});

describe('search plan choice', () => {
  const search = () => new InvoiceSearch(fixture.db);
  const plan = (q: Query) => search().plan({ cif: COMPANY.cif, ...q });

  it.each([
    ['partner', { partner: 'stefan' }, 'archive_messages_partner_key'],
    ['number', { number: 'cd-2025' }, 'archive_messages NOT INDEXED'],
    ['date', { dateFrom: '2025-01-03' }, 'archive_messages_date'],
    ['amount', { amountMin: 10 }, 'archive_messages_total'],
    ['state', { state: 'listed' as const }, 'archive_messages_exact'],
    ['nothing', { direction: 'sent' as const }, 'archive_messages_search'],
  ])('%s drives the page', (_, q, source) => {
    expect(plan(q).page.source).toContain(source);
  });

  it('sums kept totals without a range', () => {
    expect(plan({ partner: 'stefan', currency: 'EUR' }).totals).toBeNull();
  });

  it('scans the rows of a range', () => {
    expect(plan({ dateFrom: '2025-01-03' }).totals?.source).toContain(
      'archive_messages_date',
    );
  });

  it('skips the trigram index below three letters', () => {
    expect(plan({ number: 'cd' }).page.source).not.toContain('NOT INDEXED');
  });
});

describe('search index use', () => {
  /** Lists every way a plan reads `archive_messages`, as SQLite explains it. */
  function readSteps(limit: number, q: Query): string[] {
    const query = { cif: COMPANY.cif, limit: 100, offset: 0, ...q };
    const plan = new InvoiceSearch(fixture.db, {
      candidateLimit: limit,
    }).plan(query);
    const steps = [plan.page, ...(plan.totals ? [plan.totals] : [])];
    return steps.flatMap((step) =>
      fixture.db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM ${step.source}
           WHERE ${step.filter.sql} ${orderBy(query)}`,
        )
        .all(...step.filter.params)
        .map((row) => String(row.detail))
        .filter((detail) => detail.includes('archive_messages ')),
    );
  }

  it.each(Object.entries(QUERIES))('%s seeks an index', (_, q) => {
    for (const limit of [0, 1_000_000]) {
      for (const step of readSteps(limit, q)) {
        expect(step).toMatch(/^SEARCH archive_messages USING/);
      }
    }
  });
});

describe('kept search tables', () => {
  it('keeps totals equal to the messages', () => {
    const kept = fixture.db
      .prepare(
        `SELECT cif, direction, state, currency, partner_key, count,
           net_cents, vat_cents, total_cents
         FROM archive_totals WHERE count > 0 ORDER BY 1, 2, 3, 4, 5`,
      )
      .all();
    const counted = fixture.db
      .prepare(
        `SELECT cif, direction, state, coalesce(currency, '') AS currency,
           coalesce(partner_key, 0) AS partner_key, count(*) AS count,
           coalesce(sum(net_cents), 0) AS net_cents,
           coalesce(sum(vat_cents), 0) AS vat_cents,
           coalesce(sum(total_cents), 0) AS total_cents
         FROM archive_messages GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
      )
      .all();
    expect(kept).toEqual(counted);
  });

  it('gives each partner text one key', () => {
    const mismatched = fixture.db
      .prepare(
        `SELECT count(*) AS count FROM archive_messages AS m
         LEFT JOIN archive_partners AS p ON p.id = m.partner_key
         WHERE coalesce(p.folded, '') != m.partner_folded`,
      )
      .get();
    expect(mismatched?.count).toBe(0);
  });

  it('keeps the number index intact', () => {
    const check = () =>
      fixture.db.exec(
        "INSERT INTO archive_numbers (archive_numbers) VALUES ('integrity-check')",
      );
    expect(check).not.toThrow();
  });

  it('subtracts a deleted message', () => {
    const query = { cif: COMPANY.cif, direction: 'received' as const };
    const before = new InvoiceSearch(fixture.db).query(query);
    fixture.db.exec('SAVEPOINT removal');
    fixture.db.exec(
      "DELETE FROM archive_messages WHERE message_id = '3000000'",
    );
    const after = new InvoiceSearch(fixture.db).query(query);
    const expected = scanned(fixture.db, query);
    fixture.db.exec('ROLLBACK TO removal');
    fixture.db.exec('RELEASE removal');
    expect(after.total).toBe(before.total - 1);
    expect(after.totals).toEqual(expected.totals);
  });
});
