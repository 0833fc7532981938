import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  attachmentPolicy,
  sanitizeFileName,
  saveAttachment,
} from '../../../electron/core/export/index.ts';
import {
  createTestArchive,
  listedMessage,
  type TestArchive,
} from '../archive/archive-fixture.ts';
import {
  invoiceXml,
  messageZip,
  type AttachmentSpec,
} from '../archive/invoice-builder.ts';

const CIF = '18654326';
const PDF = Buffer.from('%PDF-1.4\n%test\n');
const EXE = Buffer.from('MZ\x90\x00executable');

const ATTACHMENTS: AttachmentSpec[] = [
  {
    filename: 'Proces-verbal recepție.pdf',
    mimeType: 'application/pdf',
    bytes: PDF,
  },
  { filename: '../../../evil.pdf', mimeType: 'application/pdf', bytes: PDF },
  { filename: 'factura.pdf', mimeType: 'application/pdf', bytes: EXE },
  { filename: 'setup.exe', mimeType: 'application/x-msdownload', bytes: EXE },
  { filename: 'CON', mimeType: 'text/plain', bytes: Buffer.from('text') },
];

let fixture: TestArchive;
let folder: string;

beforeAll(async () => {
  fixture = await createTestArchive();
  folder = path.join(fixture.folder, 'attachments');
  fixture.archive.recordListed(CIF, [listedMessage({ downloadId: '3001' })]);
  await fixture.archive.storeDownload(
    CIF,
    '3001',
    await messageZip(
      '53001',
      invoiceXml({
        number: 'F-1',
        issueDate: '2025-01-14',
        seller: { cif: '24019370', name: 'Moara Veche SRL' },
        buyer: { cif: CIF, name: 'Carpatica SRL' },
        lines: [{ name: 'Făină', quantity: 1, price: 10, rate: 9 }],
        attachments: ATTACHMENTS,
      }),
    ),
  );
});

afterAll(() => {
  fixture.close();
});

function save(index: number) {
  return saveAttachment(fixture.archive, CIF, '3001', index, folder);
}

describe('saveAttachment', () => {
  it('saves an allowed type as openable', async () => {
    const saved = await save(0);
    expect(saved.fileName).toBe('Proces-verbal recepție.pdf');
    expect(saved.path).toBe(path.join(folder, CIF, '3001', saved.fileName));
    expect(saved.openable).toBe(true);
    expect(fs.readFileSync(saved.path).equals(PDF)).toBe(true);
    expect(fs.statSync(saved.path).mode & 0o777).toBe(0o600);
  });

  it('keeps a path in the name out of the path', async () => {
    const saved = await save(1);
    expect(saved.fileName).toBe('evil.pdf');
    expect(path.dirname(saved.path)).toBe(path.join(folder, CIF, '3001'));
  });

  it('does not open content that is not the declared type', async () => {
    const saved = await save(2);
    expect(saved.openable).toBe(false);
    expect(saved.reason).toMatch(/content is not of that type/);
  });

  it('does not open a type off the allow-list', async () => {
    const saved = await save(3);
    expect(saved.openable).toBe(false);
    expect(saved.mimeType).toBe('application/x-msdownload');
    expect(saved.fileName).toBe('setup.exe');
  });

  it('renames a Windows device name', async () => {
    const saved = await save(4);
    expect(saved.fileName).toBe('anexa-5.txt');
  });

  it('fails for an attachment that does not exist', async () => {
    await expect(save(9)).rejects.toMatchObject({ code: 'input.invalid' });
  });
});

describe('attachmentPolicy', () => {
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]);
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

  it.each([
    ['application/pdf', PDF, 'pdf'],
    ['image/png', png, 'png'],
    ['image/jpeg', jpeg, 'jpg'],
    ['text/plain', Buffer.from('notă'), 'txt'],
    ['text/csv', Buffer.from('a;b'), 'csv'],
    [
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      zip,
      'xlsx',
    ],
    ['application/vnd.ms-excel', ole, 'xls'],
    ['application/vnd.oasis.opendocument.spreadsheet', zip, 'ods'],
  ])('opens %s', (mimeType, bytes, extension) => {
    expect(attachmentPolicy(mimeType, bytes).type?.extension).toBe(extension);
  });

  it.each([
    ['application/pdf', EXE],
    ['image/png', jpeg],
    ['text/plain', Buffer.from([0x41, 0x00, 0x42])],
    ['application/zip', zip],
    ['text/html', Buffer.from('<html>')],
  ])('refuses %s with other content', (mimeType, bytes) => {
    expect(attachmentPolicy(mimeType, bytes).type).toBeNull();
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['factură nr. 1.pdf', 'factură nr. 1.pdf'],
    ['a/b\\c.pdf', 'c.pdf'],
    ['..', 'anexa'],
    ['.hidden', 'hidden'],
    ['name:with*chars?.txt', 'name_with_chars_.txt'],
    ['nul.txt', 'anexa'],
    ['', 'anexa'],
  ])('turns %j into %j', (name, expected) => {
    expect(sanitizeFileName(name, 'anexa')).toBe(expected);
  });

  it('replaces the extension when one is given', () => {
    expect(sanitizeFileName('raport.exe', 'anexa', 'pdf')).toBe('raport.pdf');
  });

  it('limits the length', () => {
    expect(sanitizeFileName('a'.repeat(500), 'anexa', 'pdf')).toHaveLength(120);
  });
});
