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
const RELATIVE = path.join(CIF, '2025', '01', '3001.zip');

let fixture: TestArchive;
let zip: Buffer;
let target: string;

beforeEach(async () => {
  fixture = await createTestArchive();
  fixture.archive.recordListed(CIF, [
    listedMessage({ downloadId: '3001' }),
    listedMessage({ downloadId: '3002' }),
  ]);
  zip = await messageZip(
    '5003001',
    invoiceXml({
      number: 'F-1',
      issueDate: '2025-01-14',
      seller: { cif: '24019370', name: 'Moara Veche SRL' },
      buyer: { cif: CIF, name: 'Carpatica SRL' },
      lines: [{ name: 'Ulei', quantity: 1, price: 10, rate: 19 }],
    }),
  );
  await fixture.archive.storeDownload(CIF, '3001', zip);
  target = path.join(fixture.folder, 'moved');
});

afterEach(() => {
  fixture.close();
});

describe('moveArchive', () => {
  it('copies the ZIPs to the new root', async () => {
    await fixture.archive.moveArchive(target);
    const moved = fs.readFileSync(path.join(target, RELATIVE));
    expect(moved.equals(zip)).toBe(true);
  });

  it('removes the old copies and folders', async () => {
    await fixture.archive.moveArchive(target);
    expect(fs.existsSync(path.join(fixture.root, RELATIVE))).toBe(false);
    expect(fs.existsSync(path.join(fixture.root, CIF))).toBe(false);
  });

  it('switches the root for later downloads', async () => {
    await fixture.archive.moveArchive(target);
    await fixture.archive.storeDownload(CIF, '3002', zip);
    expect(fixture.archive.root()).toBe(target);
    const file = path.join(target, CIF, '2025', '01', '3002.zip');
    expect(fs.existsSync(file)).toBe(true);
  });

  it('keeps the new root after a restart', async () => {
    await fixture.archive.moveArchive(target);
    const archive = await fixture.reopen();
    expect(archive.root()).toBe(target);
    const document = await archive.getDocument(CIF, '3001');
    expect(document.invoice?.number).toBe('F-1');
  });

  it('finishes a move interrupted while copying', async () => {
    fixture.db
      .prepare("INSERT INTO archive_meta (key, value) VALUES ('move_to', ?)")
      .run(target);

    const archive = await fixture.reopen();
    expect(archive.root()).toBe(target);
    expect(fs.readFileSync(path.join(target, RELATIVE)).equals(zip)).toBe(true);
    expect(fs.existsSync(path.join(fixture.root, RELATIVE))).toBe(false);
  });

  it('finishes a move interrupted while removing', async () => {
    fs.mkdirSync(path.dirname(path.join(target, RELATIVE)), {
      recursive: true,
    });
    fs.copyFileSync(
      path.join(fixture.root, RELATIVE),
      path.join(target, RELATIVE),
    );
    fixture.db
      .prepare("UPDATE archive_meta SET value = ? WHERE key = 'root'")
      .run(target);
    fixture.db
      .prepare(
        "INSERT INTO archive_meta (key, value) VALUES ('move_cleanup', ?)",
      )
      .run(fixture.root);

    const archive = await fixture.reopen();
    expect(archive.root()).toBe(target);
    expect(fs.existsSync(path.join(fixture.root, RELATIVE))).toBe(false);
  });

  it('rejects a folder inside the archive', async () => {
    const inside = path.join(fixture.root, 'sub');
    await expect(fixture.archive.moveArchive(inside)).rejects.toMatchObject({
      code: 'input.invalid',
    });
    expect(fixture.archive.root()).toBe(fixture.root);
  });

  it('rejects a relative folder', async () => {
    await expect(
      fixture.archive.moveArchive('relative/folder'),
    ).rejects.toMatchObject({ code: 'input.invalid' });
  });

  it('stops at a different file with the same name', async () => {
    fs.mkdirSync(path.dirname(path.join(target, RELATIVE)), {
      recursive: true,
    });
    fs.writeFileSync(path.join(target, RELATIVE), 'other');

    await expect(fixture.archive.moveArchive(target)).rejects.toMatchObject({
      code: 'input.invalid',
    });
    expect(fixture.archive.root()).toBe(fixture.root);
    expect(fs.existsSync(path.join(fixture.root, RELATIVE))).toBe(true);
  });

  it('makes a download wait for the move', async () => {
    const move = fixture.archive.moveArchive(target);
    const download = fixture.archive.storeDownload(CIF, '3002', zip);
    await Promise.all([move, download]);
    const file = path.join(target, CIF, '2025', '01', '3002.zip');
    expect(fs.existsSync(file)).toBe(true);
  });
});
