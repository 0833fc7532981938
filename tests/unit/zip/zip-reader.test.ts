import { existsSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  DEFAULT_ZIP_LIMITS,
  entryNameProblem,
  looksLikeZip,
  readZip,
} from '../../../electron/core/zip/index.ts';
import { expectFailure, expectOk } from '../invoice/helpers.ts';

import {
  buildZip,
  buildZipWithRawName,
  dataOffset,
  markEncrypted,
  setDeclaredSize,
} from './zip-builders.ts';

const selectAll = { select: () => true };

function text(bytes: Uint8Array | undefined): string | undefined {
  return bytes && Buffer.from(bytes).toString('utf8');
}

describe('readZip', () => {
  it('inflates selected entries and lists the rest', async () => {
    const zip = await buildZip([
      { name: 'a.xml', data: '<a>ă</a>' },
      { name: 'b.txt', data: 'not read', compress: false },
    ]);
    const contents = expectOk(
      await readZip(zip, { select: (entry) => entry.name === 'a.xml' }),
    );
    expect(contents.entries.map((entry) => entry.name)).toEqual([
      'a.xml',
      'b.txt',
    ]);
    expect(text(contents.files.get('a.xml'))).toBe('<a>ă</a>');
    expect(contents.files.has('b.txt')).toBe(false);
  });

  it('reads an empty entry', async () => {
    const zip = await buildZip([{ name: 'empty.xml', data: '' }]);
    const contents = expectOk(await readZip(zip, selectAll));
    expect(contents.files.get('empty.xml')?.length).toBe(0);
  });

  it('recognises the ZIP signature', async () => {
    const zip = await buildZip([{ name: 'a.xml', data: 'x' }]);
    expect(looksLikeZip(zip)).toBe(true);
    expect(looksLikeZip(new TextEncoder().encode('<?xml'))).toBe(false);
  });
});

describe('readZip on data that is not a ZIP', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['empty', '', /is empty/],
    ['ANAF JSON error', '{"eroare":"Nu exista"}', /JSON/],
    ['firewall page', '<!DOCTYPE html><html>blocked</html>', /HTML page/],
    ['XML', '<?xml version="1.0"?><a/>', /looks like XML/],
    ['plain text', 'hello', /does not start with the ZIP signature/],
  ];

  it.each(cases)('%s', async (_name, body, message) => {
    const error = expectFailure(
      await readZip(new TextEncoder().encode(body), selectAll),
    );
    expect(error.code).toBe('input.invalid');
    expect(error.details?.['reason']).toBe('notZip');
    expect(error.message).toMatch(message);
  });

  it('rejects a PK signature followed by garbage', async () => {
    const bytes = new Uint8Array(200).fill(0x41);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    const error = expectFailure(await readZip(bytes, selectAll));
    expect(error.details?.['reason']).toBe('damaged');
  });
});

describe('readZip on damaged archives', () => {
  it('rejects an archive cut before its central directory', async () => {
    const zip = await buildZip([{ name: 'a.xml', data: 'x'.repeat(1000) }]);
    const error = expectFailure(
      await readZip(zip.subarray(0, zip.length - 30), selectAll),
    );
    expect(error.details?.['reason']).toBe('damaged');
    expect(error.message).toMatch(/damaged or truncated/);
  });

  it('rejects an archive cut inside an entry', async () => {
    const zip = await buildZip([{ name: 'a.xml', data: 'x'.repeat(1000) }]);
    const error = expectFailure(await readZip(zip.subarray(0, 40), selectAll));
    expect(error.details?.['reason']).toBe('damaged');
  });

  it('rejects an entry whose CRC does not match', async () => {
    const zip = await buildZip([
      { name: 'a.xml', data: 'abcdef', compress: false },
    ]);
    zip[dataOffset(zip, 'a.xml')] = 0x7a;
    const error = expectFailure(await readZip(zip, selectAll));
    expect(error.details?.['reason']).toBe('damaged');
    expect(error.message).toMatch(/CRC/);
  });

  it('rejects an encrypted entry', async () => {
    const zip = await buildZip([{ name: 'a.xml', data: 'abc' }]);
    markEncrypted(zip, 'a.xml');
    const error = expectFailure(await readZip(zip, selectAll));
    expect(error.details?.['reason']).toBe('unsupportedEntry');
  });

  it('rejects two selected entries with one name', async () => {
    const zip = await buildZip([
      { name: 'a.xml', data: 'first' },
      { name: 'a.xml', data: 'second' },
    ]);
    const error = expectFailure(await readZip(zip, selectAll));
    expect(error.details?.['reason']).toBe('duplicateEntry');
  });
});

describe('readZip caps (zip bombs)', () => {
  const megabyte = 1024 * 1024;

  it('rejects more entries than the cap', async () => {
    const members = Array.from({ length: 5 }, (_, i) => ({
      name: `${i}.xml`,
      data: 'x',
    }));
    const zip = await buildZip(members);
    const error = expectFailure(
      await readZip(zip, { ...selectAll, limits: { maxEntries: 4 } }),
    );
    expect(error.details?.['reason']).toBe('tooManyEntries');
  });

  it('rejects an entry whose declared size is over the cap', async () => {
    const zip = await buildZip([
      { name: 'big.xml', data: new Uint8Array(2 * megabyte) },
    ]);
    const error = expectFailure(
      await readZip(zip, { ...selectAll, limits: { maxEntryBytes: megabyte } }),
    );
    expect(error.details?.['reason']).toBe('entryTooLarge');
  });

  it('rejects entries that together pass the total cap', async () => {
    const zip = await buildZip([
      { name: 'a.xml', data: new Uint8Array(600 * 1024) },
      { name: 'b.xml', data: new Uint8Array(600 * 1024) },
    ]);
    const error = expectFailure(
      await readZip(zip, { ...selectAll, limits: { maxTotalBytes: megabyte } }),
    );
    expect(error.details?.['reason']).toBe('totalTooLarge');
  });

  it('stops a bomb whose header understates its size', async () => {
    const zip = await buildZip([
      { name: 'bomb.xml', data: new Uint8Array(20 * megabyte) },
    ]);
    setDeclaredSize(zip, 'bomb.xml', 1000);
    expect(zip.length).toBeLessThan(100 * 1024);

    const error = expectFailure(await readZip(zip, selectAll));
    expect(error.details?.['reason']).toBe('sizeMismatch');
    expect(error.message).toMatch(
      /does not inflate to the 1000 bytes its header declares/,
    );
  });

  it('rejects an entry shorter than declared', async () => {
    const zip = await buildZip([{ name: 'a.xml', data: 'x'.repeat(1000) }]);
    setDeclaredSize(zip, 'a.xml', 2000);
    const error = expectFailure(await readZip(zip, selectAll));
    expect(error.details?.['reason']).toBe('sizeMismatch');
  });

  it('rejects a 40 MB entry with the default caps', async () => {
    const zip = await buildZip([
      { name: 'big.xml', data: new Uint8Array(40 * megabyte) },
    ]);
    const error = expectFailure(await readZip(zip, selectAll));
    expect(error.details?.['reason']).toBe('entryTooLarge');
    expect(error.message).toMatch(String(DEFAULT_ZIP_LIMITS.maxEntryBytes));
  });
});

describe('readZip entry names (zip slip)', () => {
  const canary = `zip-slip-canary-${process.pid}.txt`;
  const unsafeNames: Array<[string, RegExp]> = [
    [`../../${canary}`, /'\.\.'/],
    [`..\\..\\${canary}`, /'\.\.'/],
    [`/tmp/${canary}`, /absolute path/],
    [`\\tmp\\${canary}`, /absolute path/],
    [`C:\\${canary}`, /drive letter/],
    [`C:${canary}`, /drive letter/],
    [`dir/${canary}`, /folder separator/],
    [`a\u0000b.xml`, /control characters/],
  ];

  it.each(unsafeNames)('flags %j', async (name, problem) => {
    const zip = await buildZipWithRawName(name, 'payload');
    const contents = expectOk(await readZip(zip, selectAll));
    expect(contents.entries[0]?.name).toBe(name);
    expect(contents.entries[0]?.nameProblem).toMatch(problem);
    expect(existsSync(path.resolve(name))).toBe(false);
  });

  const plainNames = [
    '5009871234.xml',
    'semnatura_5009871234.xml',
    'a..b.xml',
    'Factură.pdf',
  ];

  it.each(plainNames)('accepts %s', (name) => {
    expect(entryNameProblem(name)).toBeNull();
  });
});
