/**
 * Measures how fast the archive takes in downloaded invoices. Prints one
 * JSON object on stdout with invoices per second for:
 * - `store`: `Archive.storeDownload` end to end (ZIP check, durable atomic
 *   write with fsync, parse, index row and VAT rows in one transaction);
 * - `parse`: reading the index fields from a ZIP alone, for comparison;
 * - `list`: recording listed messages (one transaction per page of 500).
 *
 *   node tests/bench/archive-index.ts [--invoices 2000] [--lines 5]
 *
 * The ZIPs are generated UBL invoices with `--lines` lines each, built
 * before timing starts; the archive lives in the temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import {
  ARCHIVE_MIGRATIONS,
  openArchive,
} from '../../electron/core/archive/index.ts';
import { readIndexFields } from '../../electron/core/archive/index-fields.ts';
import { openDatabase } from '../../electron/core/db/database.ts';
import { createMemoryLogger } from '../../electron/core/log/logger.ts';
import { invoiceXml, messageZip } from '../unit/archive/invoice-builder.ts';

import { createRandom, partnerNames } from './archive-data.ts';

const CIF = '18654326';
const PAGE = 500;

function readOptions(): { invoices: number; lines: number } {
  const { values } = parseArgs({
    options: {
      invoices: { type: 'string', default: '2000' },
      lines: { type: 'string', default: '5' },
    },
  });
  return { invoices: Number(values.invoices), lines: Number(values.lines) };
}

async function generateZips(count: number, lines: number): Promise<Buffer[]> {
  const random = createRandom('archive-index');
  const partners = partnerNames(200, random);
  const zips: Buffer[] = [];
  for (let i = 0; i < count; i += 1) {
    const partner = partners[i % partners.length];
    const xml = invoiceXml({
      number: `${partner?.series}-2025-${String(i).padStart(6, '0')}`,
      issueDate: '2025-01-15',
      dueDate: '2025-02-14',
      seller: { cif: partner?.cif ?? '1', name: partner?.name ?? '' },
      buyer: { cif: CIF, name: 'Carpatica Distribuție SRL' },
      lines: Array.from({ length: lines }, (_, line) => ({
        name: `Articol ${line + 1} ăâîșț`,
        quantity: 1 + Math.floor(random() * 20),
        price: Math.round(random() * 100_000) / 100,
        rate: line % 3 === 0 ? 9 : 19,
      })),
    });
    zips.push(await messageZip(String(5_000_000_000 + i), xml));
  }
  return zips;
}

function perSecond(count: number, milliseconds: number): number {
  return Math.round((count / milliseconds) * 1000);
}

async function main(): Promise<void> {
  const options = readOptions();
  const zips = await generateZips(options.invoices, options.lines);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-index-'));
  try {
    const db = openDatabase(
      path.join(folder, 'index.sqlite'),
      ARCHIVE_MIGRATIONS,
    );
    const { logger } = createMemoryLogger();
    const archive = await openArchive({
      db,
      defaultRoot: path.join(folder, 'archive'),
      logger,
    });
    const messages = zips.map((_, i) => ({
      downloadId: String(3_000_000_000 + i),
      uploadIndex: String(5_000_000_000 + i),
      createdAt: new Date(Date.UTC(2025, 0, 15, 10, 0, i % 60)),
      type: 'FACTURA PRIMITA',
      direction: 'received',
      details: '',
    }));

    let started = performance.now();
    for (let i = 0; i < messages.length; i += PAGE) {
      archive.recordListed(CIF, messages.slice(i, i + PAGE));
    }
    const listMs = performance.now() - started;

    started = performance.now();
    for (const zip of zips) await readIndexFields(CIF, 'received', zip);
    const parseMs = performance.now() - started;

    started = performance.now();
    for (const [i, zip] of zips.entries()) {
      await archive.storeDownload(CIF, messages[i]?.downloadId ?? '', zip);
    }
    const storeMs = performance.now() - started;
    db.close();

    const averageZipBytes = Math.round(
      zips.reduce((sum, zip) => sum + zip.length, 0) / zips.length,
    );
    console.log(
      JSON.stringify(
        {
          bench: 'archive-index',
          invoices: options.invoices,
          linesPerInvoice: options.lines,
          averageZipBytes,
          storeInvoicesPerSecond: perSecond(options.invoices, storeMs),
          parseInvoicesPerSecond: perSecond(options.invoices, parseMs),
          listMessagesPerSecond: perSecond(options.invoices, listMs),
          node: process.version,
          cpus: os.cpus().length,
        },
        null,
        2,
      ),
    );
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

await main();
