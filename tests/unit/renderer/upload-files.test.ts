// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../../shared/ipc/contract.ts';
import {
  batchFiles,
  bytesToBase64,
  isXmlFileName,
  prepareFiles,
  screenFile,
  type ReadableFile,
} from '../../../renderer/src/lib/upload/files.ts';

function fakeFile(name: string, bytes: Uint8Array | number): ReadableFile & { reads: number } {
  const content = typeof bytes === 'number' ? null : bytes;
  const file = {
    name,
    size: content ? content.length : (bytes as number),
    reads: 0,
    async arrayBuffer() {
      file.reads += 1;
      if (!content) throw new Error('this fake has no content');
      return content.slice().buffer;
    },
  };
  return file;
}

describe('screenFile', () => {
  test('accepts xml names in any case', () => {
    expect(isXmlFileName('Factura.XML')).toBe(true);
    expect(isXmlFileName('factura.xml ')).toBe(true);
    expect(isXmlFileName('factura.xml.pdf')).toBe(false);
  });

  test('rejects other types, empty and oversized files', () => {
    expect(screenFile({ name: 'poza.png', size: 10 })).toBe('notXml');
    expect(screenFile({ name: 'gol.xml', size: 0 })).toBe('empty');
    expect(screenFile({ name: 'mare.xml', size: MAX_UPLOAD_BYTES + 1 })).toBe('tooLarge');
  });

  test('accepts a file of exactly 10 MB', () => {
    expect(screenFile({ name: 'limita.xml', size: MAX_UPLOAD_BYTES })).toBeNull();
  });
});

describe('bytesToBase64', () => {
  test('matches Node for every byte value', () => {
    const bytes = new Uint8Array(256 * 3).map((_, index) => index % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  test('encodes inputs longer than one chunk', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 7).map((_, index) => (index * 31) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  test('pads short inputs', () => {
    expect(bytesToBase64(new TextEncoder().encode('ș'))).toBe('yJk=');
  });
});

describe('prepareFiles', () => {
  test('reads XML files as base64', async () => {
    const { prepared, rejected } = await prepareFiles([fakeFile('a.xml', new TextEncoder().encode('<Invoice/>'))]);
    expect(rejected).toEqual([]);
    expect(prepared).toEqual([{ name: 'a.xml', size: 10, base64: Buffer.from('<Invoice/>').toString('base64') }]);
  });

  test('never reads a file over the cap', async () => {
    const big = fakeFile('mare.xml', MAX_UPLOAD_BYTES + 1);
    const { prepared, rejected } = await prepareFiles([big]);
    expect(prepared).toEqual([]);
    expect(rejected).toEqual([{ name: 'mare.xml', size: MAX_UPLOAD_BYTES + 1, code: 'tooLarge' }]);
    expect(big.reads).toBe(0);
  });

  test('reports a file that fails to read', async () => {
    const broken: ReadableFile = {
      name: 'dispărut.xml',
      size: 5,
      arrayBuffer: () => Promise.reject(new Error('NotFoundError')),
    };
    const { rejected } = await prepareFiles([broken]);
    expect(rejected).toEqual([{ name: 'dispărut.xml', size: 5, code: 'unreadable' }]);
  });

  test('keeps the order of accepted files', async () => {
    const files = ['c.xml', 'a.xml', 'b.txt', 'd.xml'].map((name) => fakeFile(name, new Uint8Array([60])));
    const { prepared, rejected } = await prepareFiles(files);
    expect(prepared.map((file) => file.name)).toEqual(['c.xml', 'a.xml', 'd.xml']);
    expect(rejected.map((file) => file.name)).toEqual(['b.txt']);
  });
});

describe('batchFiles', () => {
  const file = (name: string, length: number) => ({ name, base64: 'A'.repeat(length) });

  test('splits by file count', () => {
    const batches = batchFiles([file('1', 1), file('2', 1), file('3', 1)], 2, 100);
    expect(batches.map((batch) => batch.map((item) => item.name))).toEqual([['1', '2'], ['3']]);
  });

  test('splits by base64 size', () => {
    const batches = batchFiles([file('1', 60), file('2', 50), file('3', 30)], 10, 100);
    expect(batches.map((batch) => batch.map((item) => item.name))).toEqual([['1'], ['2', '3']]);
  });

  test('sends an oversized file alone', () => {
    const batches = batchFiles([file('1', 10), file('big', 500), file('3', 10)], 10, 100);
    expect(batches.map((batch) => batch.map((item) => item.name))).toEqual([['1'], ['big'], ['3']]);
  });

  test('returns no batch for no files', () => {
    expect(batchFiles([], 10, 100)).toEqual([]);
  });
});
