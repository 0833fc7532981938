import fs from 'node:fs';
import path from 'node:path';

import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { writeBundle } from '../../../electron/core/export/index.ts';
import {
  createTestArchive,
  type TestArchive,
} from '../archive/archive-fixture.ts';
import {
  COMPANY,
  fillArchive,
  generatedInvoices,
} from '../archive/generated-archive.ts';

const invoices = generatedInvoices(20);
let fixture: TestArchive;
let bundleFile: string;
let entries: Map<string, Buffer>;
let result: Awaited<ReturnType<typeof writeBundle>>;

/** Reads every entry of a ZIP file with yauzl. */
function readEntries(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const found = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            found.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(found));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  fixture = await createTestArchive();
  await fillArchive(fixture.archive, invoices);
  bundleFile = path.join(fixture.folder, 'out', 'bundle.zip');
  result = await writeBundle(
    fixture.archive,
    { cif: COMPANY.cif, dateFrom: '2025-01-05', dateTo: '2025-01-09' },
    bundleFile,
  );
  entries = await readEntries(bundleFile);
});

afterAll(() => {
  fixture.close();
});

const inPeriod = invoices.filter(
  (invoice) =>
    invoice.spec.issueDate >= '2025-01-05' &&
    invoice.spec.issueDate <= '2025-01-09',
);

describe('writeBundle', () => {
  it('contains the period ZIPs and an index', () => {
    const expected = inPeriod
      .map((invoice) => `${COMPANY.cif}/2025/01/${invoice.messageId}.zip`)
      .concat('index.csv')
      .sort();
    expect([...entries.keys()].sort()).toEqual(expected);
  });

  it('counts the messages it contains', () => {
    expect(result.messages).toBe(inPeriod.length);
    expect(result.missing).toEqual([]);
  });

  it('contains each ZIP unchanged', () => {
    for (const invoice of inPeriod) {
      const name = `${COMPANY.cif}/2025/01/${invoice.messageId}.zip`;
      const stored = fs.readFileSync(path.join(fixture.root, name));
      expect(entries.get(name)?.equals(stored), name).toBe(true);
    }
  });

  it('indexes the same messages in its CSV', () => {
    const csv = entries.get('index.csv')?.toString('utf8') ?? '';
    const rows = csv.split('\r\n').filter((line) => line !== '');
    expect(rows).toHaveLength(inPeriod.length + 1);
    for (const invoice of inPeriod) {
      expect(csv).toContain(invoice.spec.number);
    }
  });

  it('writes the file readable by the user only', () => {
    expect(fs.statSync(bundleFile).mode & 0o777).toBe(0o600);
  });

  it('lists a missing file instead of failing', async () => {
    const [first] = inPeriod;
    const name = `${COMPANY.cif}/2025/01/${first?.messageId}.zip`;
    const kept = path.join(fixture.folder, 'kept.zip');
    fs.renameSync(path.join(fixture.root, name), kept);
    try {
      const again = await writeBundle(
        fixture.archive,
        { cif: COMPANY.cif, dateFrom: '2025-01-05', dateTo: '2025-01-09' },
        path.join(fixture.folder, 'out', 'again.zip'),
      );
      expect(again.missing).toEqual([first?.messageId]);
      expect(again.messages).toBe(inPeriod.length - 1);
    } finally {
      fs.renameSync(kept, path.join(fixture.root, name));
    }
  });
});
