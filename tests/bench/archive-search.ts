/**
 * Measures the archive search on a generated index of one company: the
 * latency of `queryInvoices` for the searches the browser sends (first
 * page, partner and number substrings, date and amount ranges, currency,
 * state, deep pages, every sort field). Prints one JSON object on stdout.
 *
 *   node tests/bench/archive-search.ts [--rows 100000] [--runs 40]
 *     [--keep FOLDER]
 *
 * Rows are written straight into the index with generated invoice fields
 * (no ZIP files), because this measures searching, not indexing; see
 * archive-index.ts for that. Each query kind runs `--runs` times with
 * varied values after one warm-up run; the database file is on the
 * machine's temporary folder, or `--keep FOLDER`, which is filled once
 * and reused by later runs with the same folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import type { InvoiceQuery } from '../../shared/domain.ts';
import {
  ARCHIVE_MIGRATIONS,
  openArchive,
  type Archive,
} from '../../electron/core/archive/index.ts';
import { foldedColumn } from '../../electron/core/archive/fold.ts';
import type { IndexedFields } from '../../electron/core/archive/index-fields.ts';
import {
  MessageStore,
  type ListedMessageInput,
} from '../../electron/core/archive/message-store.ts';
import { openDatabase } from '../../electron/core/db/database.ts';
import { createMemoryLogger } from '../../electron/core/log/logger.ts';

import { createRandom, partnerNames, percentile } from './archive-data.ts';

const CIF = '18654326';
const DIRECTIONS = ['received', 'sent', 'errors'] as const;

interface BenchOptions {
  rows: number;
  runs: number;
  keep: string | undefined;
}

function readOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '40' },
      keep: { type: 'string' },
    },
  });
  return {
    rows: Number(values.rows),
    runs: Number(values.runs),
    keep: values.keep,
  };
}

interface GeneratedRow {
  message: ListedMessageInput;
  fields: IndexedFields;
  partnerName: string;
  partnerCif: string;
  number: string;
  issueDate: string;
}

/** Generates `count` messages of one company with their invoice fields. */
function generateRows(count: number): GeneratedRow[] {
  const random = createRandom('archive-search');
  const partners = partnerNames(400, random);
  const start = Date.UTC(2023, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const roll = random();
    const direction = DIRECTIONS[roll < 0.6 ? 0 : roll < 0.95 ? 1 : 2];
    const message: ListedMessageInput = {
      downloadId: String(3_000_000_000 + i),
      uploadIndex: String(5_000_000_000 + i),
      createdAt: new Date(start + Math.floor(random() * 3 * 365 * 86_400_000)),
      type: direction,
      direction,
      details: '',
    };
    const partner = partners[Math.floor(random() * partners.length)];
    const partnerCif = partner?.cif ?? '';
    const partnerName = partner?.name ?? '';
    const issueDate = message.createdAt.toISOString().slice(0, 10);
    const number = `${partner?.series}-${issueDate.slice(0, 4)}-${String(i).padStart(6, '0')}`;
    const net = Math.round(random() * 5_000_000);
    const vat = Math.round(net * 0.19);
    const fields: IndexedFields = {
      documentKind: direction === 'errors' ? 'errors' : 'invoice',
      partnerCif,
      partnerVatId: `RO${partnerCif}`,
      partnerName,
      number,
      typeCode: '380',
      issueDate,
      dueDate: issueDate,
      currency: random() < 0.15 ? 'EUR' : 'RON',
      netCents: net,
      vatCents: vat,
      totalCents: net + vat,
      errorCount: null,
      referencedIndex: null,
      messageText: null,
      vat: [{ category: 'S', rate: '19', taxableCents: net, taxCents: vat }],
      partnerFolded: foldedColumn([partnerName, partnerCif, `RO${partnerCif}`]),
      numberFolded: foldedColumn([number]),
      problem: null,
    };
    return { message, fields, partnerName, partnerCif, number, issueDate };
  });
}

/** Lists the messages, then records each as downloaded with its fields. */
function writeRows(store: MessageStore, rows: GeneratedRow[]): void {
  store.recordListed(
    CIF,
    rows.map((row) => row.message),
    new Date(),
  );
  const ids = new Map(
    store.filesNotDownloaded().map((file) => [file.messageId, file.id]),
  );
  for (const row of rows) {
    store.markDownloaded(ids.get(row.message.downloadId) ?? -1, {
      sha256: '',
      size: 0,
      fields: row.fields,
      downloadedAt: new Date(),
    });
  }
}

type QueryMaker = (i: number) => Omit<InvoiceQuery, 'cif'>;

function queryKinds(rows: GeneratedRow[]): Record<string, QueryMaker> {
  const pick = (i: number) => rows[(i * 7919) % rows.length] as GeneratedRow;
  const word = (i: number) =>
    pick(i).partnerName.split(' ')[0]?.slice(0, 5) ?? 'a';
  return {
    firstPage: () => ({ direction: 'received' }),
    partnerName: (i) => ({ direction: 'received', partner: word(i) }),
    partnerCif: (i) => ({
      direction: 'received',
      partner: pick(i).partnerCif.slice(1, 6),
    }),
    numberSubstring: (i) => ({
      direction: 'sent',
      number: pick(i).number.slice(-6, -2),
    }),
    dateRange: (i) => ({
      direction: 'received',
      dateFrom: pick(i).issueDate,
      dateTo: `${pick(i).issueDate.slice(0, 7)}-28`,
      sort: { field: 'issueDate', descending: false },
    }),
    amountRange: (i) => ({
      direction: 'received',
      amountMin: 1000 + i * 100,
      amountMax: 5000 + i * 100,
      sort: { field: 'total', descending: true },
    }),
    currencyAndPartner: (i) => ({
      direction: 'received',
      currency: 'EUR',
      partner: word(i),
    }),
    currency: () => ({ direction: 'received', currency: 'EUR' }),
    stateAndSort: () => ({
      direction: 'sent',
      state: 'downloaded',
      sort: { field: 'number', descending: false },
    }),
    allDirections: (i) => ({ partner: word(i) }),
    deepPage: (i) => ({
      direction: 'received',
      offset: 30_000 + i * 500,
      sort: { field: 'partnerName', descending: false },
    }),
    sortNumber: () => ({
      direction: 'sent',
      sort: { field: 'number', descending: true },
    }),
    sortDueDate: () => ({
      direction: 'received',
      sort: { field: 'dueDate', descending: true },
    }),
  };
}

function measure(
  archive: Archive,
  kinds: Record<string, QueryMaker>,
  runs: number,
): { all: number[]; byKind: Record<string, { p50: number; p95: number }> } {
  const all: number[] = [];
  const byKind: Record<string, { p50: number; p95: number }> = {};
  for (const [name, make] of Object.entries(kinds)) {
    archive.queryInvoices({ cif: CIF, ...make(0) });
    const times: number[] = [];
    for (let i = 1; i <= runs; i += 1) {
      const started = performance.now();
      archive.queryInvoices({ cif: CIF, limit: 100, ...make(i) });
      times.push(performance.now() - started);
    }
    all.push(...times);
    byKind[name] = { p50: percentile(times, 50), p95: percentile(times, 95) };
  }
  return { all, byKind };
}

async function main(): Promise<void> {
  const options = readOptions();
  const folder =
    options.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'archive-search-'));
  fs.mkdirSync(folder, { recursive: true });
  const databaseFile = path.join(folder, 'index.sqlite');
  const reuse = options.keep !== undefined && fs.existsSync(databaseFile);
  try {
    const db = openDatabase(databaseFile, ARCHIVE_MIGRATIONS);
    const { logger } = createMemoryLogger();
    const archive = await openArchive({
      db,
      defaultRoot: path.join(folder, 'archive'),
      logger,
    });

    const filling = performance.now();
    const rows = generateRows(options.rows);
    if (!reuse) {
      writeRows(new MessageStore(db), rows);
      db.exec('ANALYZE');
    }
    const fillSeconds = (performance.now() - filling) / 1000;

    const { all, byKind } = measure(archive, queryKinds(rows), options.runs);
    db.close();
    const round = (value: number) => Math.round(value * 100) / 100;
    console.log(
      JSON.stringify(
        {
          bench: 'archive-search',
          rows: options.rows,
          queries: all.length,
          fillSeconds: reuse ? null : round(fillSeconds),
          p50Ms: round(percentile(all, 50)),
          p95Ms: round(percentile(all, 95)),
          maxMs: round(Math.max(...all)),
          byKind: Object.fromEntries(
            Object.entries(byKind).map(([name, value]) => [
              name,
              { p50Ms: round(value.p50), p95Ms: round(value.p95) },
            ]),
          ),
          node: process.version,
          cpus: os.cpus().length,
        },
        null,
        2,
      ),
    );
  } finally {
    if (!options.keep) fs.rmSync(folder, { recursive: true, force: true });
  }
}

await main();
