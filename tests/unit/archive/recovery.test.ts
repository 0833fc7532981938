import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  createTestArchive,
  listedMessage,
  type TestArchive,
} from './archive-fixture.ts';
import { invoiceXml, messageZip } from './invoice-builder.ts';

const CIF = '18654326';

const XML = invoiceXml({
  number: 'MV-2025-0001',
  issueDate: '2025-01-14',
  seller: { cif: '24019370', name: 'Moara Veche Panificaţie SRL' },
  buyer: { cif: CIF, name: 'Carpatica Distribuție SRL' },
  lines: [{ name: 'Făină', quantity: 3, price: 10, rate: 9 }],
});

let fixture: TestArchive;
let folder: string;

beforeEach(async () => {
  fixture = await createTestArchive();
  fixture.archive.recordListed(CIF, [
    listedMessage({ downloadId: '3001' }),
    listedMessage({ downloadId: '3002' }),
  ]);
  folder = path.join(fixture.root, CIF, '2025', '01');
  fs.mkdirSync(folder, { recursive: true });
});

afterEach(() => {
  fixture.close();
});

describe('archive recovery', () => {
  it('adopts a ZIP renamed before its row', async () => {
    const zip = await messageZip('5003001', XML);
    fs.writeFileSync(path.join(folder, '3001.zip'), zip);

    const archive = await fixture.reopen();
    const row = archive.getRow(CIF, '3001');
    expect(row?.state).toBe('downloaded');
    expect(row?.number).toBe('MV-2025-0001');
    expect(archive.lastRecovery?.adopted).toBe(1);
  });

  it('leaves the adopted message out of pending downloads', async () => {
    fs.writeFileSync(
      path.join(folder, '3001.zip'),
      await messageZip('5003001', XML),
    );
    const archive = await fixture.reopen();
    const pending = archive.pendingDownloads(CIF);
    expect(pending.map((item) => item.messageId)).toEqual(['3002']);
  });

  it('removes temporary files of a download', async () => {
    fs.writeFileSync(path.join(folder, '3002.zip.a1b2c3d4e5f6.tmp'), 'PK');

    const archive = await fixture.reopen();
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(archive.lastRecovery?.temporaryFilesRemoved).toBe(1);
  });

  it('does not adopt a file that is not a ZIP', async () => {
    fs.writeFileSync(path.join(folder, '3001.zip'), 'not a zip');

    const archive = await fixture.reopen();
    expect(archive.getRow(CIF, '3001')?.state).toBe('listed');
    expect(archive.lastRecovery?.rejected).toBe(1);
  });

  it('replaces a rejected file at the next download', async () => {
    fs.writeFileSync(path.join(folder, '3001.zip'), 'not a zip');
    const archive = await fixture.reopen();
    const zip = await messageZip('5003001', XML);

    await archive.storeDownload(CIF, '3001', zip);
    expect(fs.readFileSync(path.join(folder, '3001.zip')).equals(zip)).toBe(
      true,
    );
  });

  it('keeps archived ZIPs at a restart', async () => {
    const zip = await messageZip('5003001', XML);
    await fixture.archive.storeDownload(CIF, '3001', zip);

    const archive = await fixture.reopen();
    expect(archive.lastRecovery).toEqual({
      temporaryFilesRemoved: 0,
      adopted: 0,
      rejected: 0,
      buyerMessagesRead: 0,
    });
    expect(archive.getRow(CIF, '3001')?.state).toBe('downloaded');
  });
});
