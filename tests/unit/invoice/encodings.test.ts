import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { parseInvoice } from '../../../electron/core/invoice/index.ts';

import { expectFailure, expectOk, readHostileFixture } from './helpers.ts';
import {
  BUYER_NAME,
  SELLER_NAME,
  sampleInvoiceXml,
  utf8,
} from './sample-invoice.ts';

/** Replaces comma-below letters with the cedilla forms 8-bit code pages have. */
function toCedilla(text: string): string {
  return text
    .replaceAll('ș', 'ş')
    .replaceAll('ț', 'ţ')
    .replaceAll('Ș', 'Ş')
    .replaceAll('Ț', 'Ţ');
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

describe('parseInvoice encodings', () => {
  it('reads UTF-8 with a BOM', () => {
    const bytes = concat(
      new Uint8Array([0xef, 0xbb, 0xbf]),
      utf8(sampleInvoiceXml()),
    );
    expect(expectOk(parseInvoice(bytes)).seller.name).toBe(SELLER_NAME);
  });

  it('reads UTF-8 without a declaration', () => {
    const bytes = utf8(sampleInvoiceXml({ encoding: null }));
    expect(expectOk(parseInvoice(bytes)).seller.name).toBe(SELLER_NAME);
  });

  const eightBit: Array<[string, string]> = [
    ['windows-1250', 'windows-1250'],
    ['ISO-8859-2', 'iso-8859-2'],
    ['CP1250', 'cp1250'],
  ];

  it.each(eightBit)('reads declared %s', (declared, codec) => {
    const xml = toCedilla(sampleInvoiceXml({ encoding: declared }));
    const invoice = expectOk(parseInvoice(iconv.encode(xml, codec)));
    expect(invoice.seller.name).toBe(toCedilla(SELLER_NAME));
    expect(invoice.buyer.name).toBe(BUYER_NAME);
    expect(invoice.buyer.address.city).toBe('Ţăndărei');
  });

  it('reads declared ISO-8859-16 with comma-below letters', () => {
    const xml = sampleInvoiceXml({ encoding: 'ISO-8859-16' });
    const invoice = expectOk(parseInvoice(iconv.encode(xml, 'iso-8859-16')));
    expect(invoice.seller.name).toBe(SELLER_NAME);
  });

  const sixteenBit: Array<[string, string, number[]]> = [
    ['UTF-16LE with BOM', 'utf-16le', [0xff, 0xfe]],
    ['UTF-16BE with BOM', 'utf-16be', [0xfe, 0xff]],
    ['UTF-16LE without BOM', 'utf-16le', []],
  ];

  it.each(sixteenBit)('reads %s', (_name, codec, bom) => {
    const xml = sampleInvoiceXml({ encoding: 'UTF-16' });
    const bytes = concat(new Uint8Array(bom), iconv.encode(xml, codec));
    const invoice = expectOk(parseInvoice(bytes));
    expect(invoice.seller.name).toBe(SELLER_NAME);
    expect(invoice.buyer.name).toBe(BUYER_NAME);
  });

  it('rejects windows-1250 bytes declared as UTF-8', () => {
    const xml = toCedilla(sampleInvoiceXml({ encoding: 'UTF-8' }));
    const error = expectFailure(
      parseInvoice(iconv.encode(xml, 'windows-1250')),
    );
    expect(error.details?.['reason']).toBe('encoding');
    expect(error.message).toMatch(
      /line 10 contains bytes that are not valid UTF-8/,
    );
  });

  it.each(['windows-1250', 'ISO-8859-2'])(
    'rejects UTF-8 bytes declared as %s',
    (declared) => {
      const xml = sampleInvoiceXml({ encoding: declared });
      const error = expectFailure(parseInvoice(utf8(xml)));
      expect(error.details?.['reason']).toBe('encoding');
      expect(error.message).toMatch(
        /its text is UTF-8 \(first seen at line 10\)/,
      );
    },
  );

  it('rejects a byte that windows-1250 does not define', () => {
    const xml = sampleInvoiceXml({ encoding: 'windows-1250', note: 'X' });
    const bytes = iconv.encode(xml, 'windows-1250');
    bytes[bytes.indexOf('>X<') + 1] = 0x98;
    const error = expectFailure(parseInvoice(bytes));
    expect(error.details?.['reason']).toBe('encoding');
    expect(error.message).toMatch(
      /line 10 contains bytes that 'windows-1250' does not define/,
    );
  });

  it('keeps a literal U+FFFD in UTF-8', () => {
    const xml = sampleInvoiceXml({ note: 'a\uFFFDb' });
    const invoice = expectOk(parseInvoice(utf8(xml)));
    expect(invoice.notes[0]).toBe('a\uFFFDb');
  });
});

describe('parseInvoice Romanian diacritics', () => {
  const invoice = expectOk(parseInvoice(readHostileFixture('diacritics.xml')));

  it('keeps comma-below letters', () => {
    expect(invoice.seller.name).toBe('Șantierul Țărănesc SRL');
    expect(invoice.seller.name?.codePointAt(0)).toBe(0x218);
    expect(invoice.notes[0]).toBe('Mulțumim pentru colaborare');
  });

  it('keeps cedilla letters', () => {
    expect(invoice.buyer.name).toBe('Şcoala Gimnazială Ţânţăreni');
    expect(invoice.buyer.name?.codePointAt(0)).toBe(0x15e);
    expect(invoice.seller.address.city).toBe('Piatra Neamţ');
  });

  it('derives the CIF from the registration number', () => {
    expect(invoice.seller.vatId).toBeNull();
    expect(invoice.seller.cif).toBe('2816464');
  });

  it('decodes character references to comma-below letters', () => {
    const cdata = expectOk(
      parseInvoice(readHostileFixture('cdata-and-comments.xml')),
    );
    expect(cdata.notes[1]).toBe('Popescu & Fiii și ș');
  });
});

describe('parseInvoice odd but valid files', () => {
  it('matches elements by namespace, not prefix', () => {
    const invoice = expectOk(
      parseInvoice(readHostileFixture('odd-prefixes.xml')),
    );
    expect(invoice.number).toBe('ODD-7');
    expect(invoice.seller.name).toBe('Prefixe Ciudate SRL');
    expect(invoice.seller.cif).toBe('2816464');
    expect(invoice.seller.address.countySubentity).toBe('RO-CJ');
    expect(invoice.lines[0]?.unitCode).toBe('H87');
    expect(invoice.totals.payable?.text).toBe('119.00');
  });

  it('reads CII with default namespaces', () => {
    const invoice = expectOk(
      parseInvoice(readHostileFixture('default-namespace-cii.xml')),
    );
    expect(invoice.number).toBe('CII-DEF-1');
    expect(invoice.issueDate).toBe('2025-02-28');
    expect(invoice.currency).toBe('EUR');
    expect(invoice.totals.payable?.text).toBe('50.00');
  });

  it('reads a minimal invoice with empty parts', () => {
    const invoice = expectOk(
      parseInvoice(readHostileFixture('minimal-invoice.xml')),
    );
    expect(invoice.number).toBe('MIN-1');
    expect(invoice.seller.name).toBeNull();
    expect(invoice.seller.cif).toBeNull();
    expect(invoice.lines).toEqual([]);
    expect(invoice.totals.payable).toBeNull();
    expect(invoice.attachments).toEqual([]);
    expect(invoice.uploadIndex).toBeNull();
  });

  it('reads CDATA and comments inside values', () => {
    const invoice = expectOk(
      parseInvoice(readHostileFixture('cdata-and-comments.xml')),
    );
    expect(invoice.number).toBe('CD-1 & 2');
    expect(invoice.notes[0]).toBe('Livrare <urgentă> & montaj');
  });

  it('records an upload index given by the caller', () => {
    const bytes = utf8(sampleInvoiceXml());
    const invoice = expectOk(
      parseInvoice(bytes, { uploadIndex: '5009871234' }),
    );
    expect(invoice.uploadIndex).toBe('5009871234');
  });
});
