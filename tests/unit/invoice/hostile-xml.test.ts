import { describe, expect, it } from 'vitest';

import {
  detectDocument,
  parseInvoice,
  UPLOAD_MAX_BYTES,
  ZIP_DOCUMENT_MAX_BYTES,
} from '../../../electron/core/invoice/index.ts';

import { expectFailure, expectOk, readHostileFixture } from './helpers.ts';
import { sampleInvoiceXml, utf8 } from './sample-invoice.ts';

/** File in tests/fixtures/hostile, expected `details.reason`, message part. */
const REJECTED_FILES: Array<[string, string, RegExp]> = [
  ['xxe-external-entity.xml', 'doctype', /DOCTYPE declaration at line 2/],
  ['xxe-parameter-entity.xml', 'doctype', /XXE/],
  ['xxe-after-comment.xml', 'doctype', /line 4/],
  ['billion-laughs.xml', 'doctype', /entities that expand/],
  ['doctype-inside-root.xml', 'notWellFormed', /not well-formed XML/],
  ['undeclared-entity.xml', 'notWellFormed', /entity not found/],
  ['truncated.xml', 'notWellFormed', /unclosed xml tag/],
  ['mismatched-tags.xml', 'notWellFormed', /line 4/],
  ['bare-ampersand.xml', 'notWellFormed', /line 5: an '&' must be written/],
  ['unbound-prefix.xml', 'notWellFormed', /prefix/],
  ['two-roots.xml', 'notWellFormed', /not well-formed XML/],
  [
    'wrong-root-order.xml',
    'notInvoice',
    /root element 'Order' is not an invoice/,
  ],
  ['wrong-namespace-invoice.xml', 'notInvoice', /Invoice-3/],
  ['no-namespace-invoice.xml', 'notInvoice', /namespace '\(none\)'/],
  ['anaf-error-document.xml', 'notInvoice', /error document/],
  [
    'unsupported-encoding.xml',
    'encoding',
    /'x-klingon-1', which is not supported/,
  ],
  ['utf16-declared-but-8-bit.xml', 'encoding', /not UTF-16/],
  ['missing-number.xml', 'missingValue', /no number \(cbc:ID \(BT-1\)\)/],
  ['invalid-issue-date.xml', 'invalidValue', /'2025-02-30' in cbc:IssueDate/],
  ['invalid-amount.xml', 'invalidValue', /'1.234,50' in cbc:PayableAmount/],
  ['exponent-amount.xml', 'invalidValue', /'1e400'/],
];

describe('parseInvoice on hostile files', () => {
  it.each(REJECTED_FILES)('%s', (file, reason, message) => {
    const error = expectFailure(parseInvoice(readHostileFixture(file)));
    expect(error.code).toBe('input.invalid');
    expect(error.details?.['reason']).toBe(reason);
    expect(error.message).toMatch(message);
  });

  it.each(REJECTED_FILES.filter(([, reason]) => !reason.endsWith('Value')))(
    'detectDocument rejects %s',
    (file, reason) => {
      const error = expectFailure(detectDocument(readHostileFixture(file)));
      expect(error.details?.['reason']).toBe(reason);
    },
  );

  it('never reads a file named by an external entity', () => {
    const error = expectFailure(
      parseInvoice(readHostileFixture('xxe-external-entity.xml')),
    );
    expect(error.message).not.toMatch(/root:/);
  });

  it('leaves an XInclude unresolved', () => {
    const invoice = expectOk(parseInvoice(readHostileFixture('xinclude.xml')));
    expect(invoice.number).toBe('F-XI-1');
    expect(invoice.notes).toEqual([]);
  });
});

describe('parseInvoice on data that is not XML', () => {
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['empty file', new Uint8Array(), /The file is empty/],
    ['spaces only', utf8('  \n\t '), /not XML/],
    ['ZIP header', utf8('PK\u0003\u0004rest'), /ZIP archive/],
    ['PDF header', utf8('%PDF-1.7\n'), /it is a PDF/],
    ['JSON', utf8('{"eroare":"x"}'), /looks like JSON/],
  ];

  it.each(cases)('%s', (_name, bytes, message) => {
    const error = expectFailure(parseInvoice(bytes));
    expect(error.details?.['reason']).toBe('notXml');
    expect(error.message).toMatch(message);
  });

  it('rejects seeded binary garbage after a tag', () => {
    const garbage = new Uint8Array(4096);
    let state = 12345;
    for (let i = 0; i < garbage.length; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      garbage[i] = state >> 23;
    }
    garbage[0] = 0x3c;
    const error = expectFailure(parseInvoice(garbage));
    expect(error.code).toBe('input.invalid');
    expect(['encoding', 'notWellFormed']).toContain(error.details?.['reason']);
  });

  it('rejects a control character with its line', () => {
    const xml = sampleInvoiceXml({ note: 'text\u0001more' });
    const error = expectFailure(parseInvoice(utf8(xml)));
    expect(error.details?.['reason']).toBe('notWellFormed');
    expect(error.message).toMatch(/U\+0001/);
    expect(error.message).toMatch(/line 10/);
  });
});

describe('parseInvoice size limits', () => {
  // A large note takes the file past 10 MB cheaply; lines would also work
  // but take seconds to parse.
  const bigXml = sampleInvoiceXml({ note: 'ș'.repeat(5_400_000) });
  const bigBytes = utf8(bigXml);

  it('builds a test file over 10 MB', () => {
    expect(bigBytes.length).toBeGreaterThan(UPLOAD_MAX_BYTES);
  });

  it('rejects it at the upload limit', () => {
    const error = expectFailure(parseInvoice(bigBytes));
    expect(error.details?.['reason']).toBe('tooLarge');
    expect(error.message).toMatch(/over the 10\.0 MB limit/);
  });

  it('parses it at the ZIP document limit', () => {
    const invoice = expectOk(
      parseInvoice(bigBytes, { maxBytes: ZIP_DOCUMENT_MAX_BYTES }),
    );
    expect(invoice.notes[0]?.length).toBe(5_400_000);
  });

  it('parses an invoice with 2,000 lines', () => {
    const bytes = utf8(sampleInvoiceXml({ lineCount: 2000 }));
    const invoice = expectOk(parseInvoice(bytes));
    expect(invoice.lines).toHaveLength(2000);
    expect(invoice.lines[1999]?.id).toBe('2000');
  });

  it('rejects a 100-digit amount', () => {
    const xml = sampleInvoiceXml().replace(
      '<cbc:PayableAmount currencyID="RON">238.00',
      `<cbc:PayableAmount currencyID="RON">${'9'.repeat(100)}`,
    );
    const error = expectFailure(parseInvoice(utf8(xml)));
    expect(error.details?.['reason']).toBe('invalidValue');
    expect(error.message).toMatch(/100 characters/);
  });

  it('keeps a long but valid amount exact in text', () => {
    const amount = '123456789012345678.99';
    const xml = sampleInvoiceXml().replace(
      '<cbc:PayableAmount currencyID="RON">238.00',
      `<cbc:PayableAmount currencyID="RON">${amount}`,
    );
    const invoice = expectOk(parseInvoice(utf8(xml)));
    expect(invoice.totals.payable?.text).toBe(amount);
    expect(invoice.totals.payable?.value).toBeCloseTo(1.2345678901234568e17);
  });

  it('survives elements nested 50,000 deep', () => {
    const depth = 50_000;
    const nested = `${'<x>'.repeat(depth)}deep${'</x>'.repeat(depth)}`;
    const xml = sampleInvoiceXml({ note: nested });
    const invoice = expectOk(parseInvoice(utf8(xml)));
    expect(invoice.notes).toEqual(['deep']);
  });

  it("rejects a million '<' characters", () => {
    const soup = '<'.repeat(1_000_000);
    const error = expectFailure(parseInvoice(utf8(soup)));
    expect(error.details?.['reason']).toBe('notWellFormed');
  });
});
