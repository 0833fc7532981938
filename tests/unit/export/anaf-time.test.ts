/**
 * ANAF's message time must read the same on the invoice page, in the PDF,
 * in the CSV and in a bundle's ZIP entries: Romania's wall-clock time,
 * whatever zone the machine runs in. Each check runs with the process in
 * UTC, in Bucharest and in New York, so a shift of 3 hours (summer) or 2
 * hours (winter) fails in at least one of them. Node applies a changed
 * `process.env.TZ` at once, to `Date` and to `Intl` alike.
 */
import path from 'node:path';

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseCompactTime } from '../../../electron/core/time/romania-time.ts';
import {
  exportCsv,
  renderDocumentPdf,
  writeBundle,
} from '../../../electron/core/export/index.ts';
import { formatDateTime } from '../../../renderer/src/lib/format.ts';
import {
  createTestArchive,
  listedMessage,
  type TestArchive,
} from '../archive/archive-fixture.ts';
import { invoiceXml, messageZip } from '../archive/invoice-builder.ts';

const CIF = '18654326';
const ZONES = ['UTC', 'Europe/Bucharest', 'America/New_York'];
const originalZone = process.env.TZ;

/** `data_creare` values as ANAF writes them: in summer (UTC+3) and in winter (UTC+2). */
const TIMES = [
  { messageId: '4101', dataCreare: '202507151330', date: '2025-07-15' },
  { messageId: '4102', dataCreare: '202501150905', date: '2025-01-15' },
];

let fixture: TestArchive;

function createdAt(dataCreare: string): Date {
  const instant = parseCompactTime(dataCreare);
  if (!instant) throw new Error(`${dataCreare} is not a compact ANAF time`);
  return instant;
}

/** `202507151330` as the page and the PDF write it: `15.07.2025, 13:30`. */
function romanianText(dataCreare: string): string {
  const [, year, month, day, hour, minute] =
    /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(dataCreare) ?? [];
  return `${day}.${month}.${year}, ${hour}:${minute}`;
}

/** `202507151330` as the CSV writes it: `2025-07-15 13:30`. */
function csvText(dataCreare: string): string {
  const [, year, month, day, hour, minute] =
    /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(dataCreare) ?? [];
  return `${year}-${month}-${day} ${hour}:${minute}`;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const pdf = await task.promise;
  const parts: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  await task.destroy();
  return parts.join(' ');
}

/** Returns each ZIP entry's DOS time as `HH:mm`, read from the raw fields. */
function entryTimes(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const times = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        const hour = entry.lastModFileTime >> 11;
        const minute = (entry.lastModFileTime >> 5) & 0x3f;
        const text = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        times.set(entry.fileName, text);
        zip.readEntry();
      });
      zip.on('end', () => resolve(times));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  fixture = await createTestArchive();
  fixture.archive.recordListed(
    CIF,
    TIMES.map((time) =>
      listedMessage({
        downloadId: time.messageId,
        createdAt: createdAt(time.dataCreare),
      }),
    ),
  );
  for (const time of TIMES) {
    await fixture.archive.storeDownload(
      CIF,
      time.messageId,
      await messageZip(
        `5${time.messageId}`,
        invoiceXml({
          number: `T-${time.messageId}`,
          issueDate: time.date,
          seller: { cif: '24019370', name: 'Furnizor SRL' },
          buyer: { cif: CIF, name: 'Client SRL' },
          lines: [{ name: 'Servicii', quantity: 1, price: 100, rate: 19 }],
        }),
      ),
    );
  }
});

afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
  fixture.close();
});

describe.each(ZONES)('ANAF time with TZ=%s', (zone) => {
  beforeAll(() => {
    process.env.TZ = zone;
  });

  it.each(TIMES)('page shows $dataCreare', ({ messageId, dataCreare }) => {
    const row = fixture.archive.getRow(CIF, messageId);
    expect(formatDateTime(row?.createdAt, 'ro')).toBe(romanianText(dataCreare));
  });

  it.each(TIMES)('PDF shows $dataCreare', async ({ messageId, dataCreare }) => {
    const document = await fixture.archive.getDocument(CIF, messageId);
    const text = await pdfText(await renderDocumentPdf(document));
    expect(text).toContain(romanianText(dataCreare));
  });

  it('CSV shows both times', async () => {
    const csv = await exportCsv(fixture.archive, { cif: CIF });
    const text = new TextDecoder().decode(csv.bytes);
    for (const time of TIMES) {
      const line = text
        .split('\r\n')
        .find((item) => item.includes(`T-${time.messageId}`));
      expect(line?.split(';')).toContain(csvText(time.dataCreare));
    }
  });

  it('bundle entries keep both times', async () => {
    const target = path.join(
      fixture.folder,
      `bundle-${zone.replace('/', '-')}.zip`,
    );
    await writeBundle(
      fixture.archive,
      { cif: CIF, dateFrom: '2025-01-01', dateTo: '2025-12-31' },
      target,
    );
    const times = await entryTimes(target);
    for (const time of TIMES) {
      const name = [...times.keys()].find((entry) =>
        entry.endsWith(`/${time.messageId}.zip`),
      );
      expect(name, `entry of message ${time.messageId}`).toBeDefined();
      expect(times.get(name ?? '')).toBe(csvText(time.dataCreare).slice(-5));
    }
  });
});
