import { describe, expect, it } from 'vitest';

import { detectDocument } from '../../../electron/core/invoice/index.ts';

import {
  expectFailure,
  expectOk,
  readHostileFixture,
  readInvoiceFixture,
} from './helpers.ts';
import {
  BUYER_CIF,
  BUYER_NAME,
  SELLER_CIF,
  SELLER_NAME,
  sampleInvoiceXml,
  utf8,
} from './sample-invoice.ts';

describe('detectDocument', () => {
  it('reads the upload facts of a UBL invoice', () => {
    const summary = expectOk(detectDocument(utf8(sampleInvoiceXml())));
    expect(summary).toEqual({
      rootKind: 'Invoice',
      standard: 'UBL',
      customizationId:
        'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1',
      number: 'FCT-2025-0042',
      issueDate: '2025-01-15',
      currency: 'RON',
      sellerName: SELLER_NAME,
      sellerVatId: `RO${SELLER_CIF}`,
      sellerCif: SELLER_CIF,
      sellerCountry: 'RO',
      buyerName: BUYER_NAME,
      buyerVatId: null,
      buyerCif: BUYER_CIF,
      buyerCountry: 'RO',
    });
  });

  const standards: Array<[string, string]> = [
    ['cius-ro/anaf_creditnote_example.xml', 'CN'],
    ['cius-ro/anaf_invoice_example.xml', 'UBL'],
    ['cius-ro-cii/CII_example1.xml', 'CII'],
  ];

  it.each(standards)('maps %s to standard %s', (file, standard) => {
    const summary = expectOk(detectDocument(readInvoiceFixture(file)));
    expect(summary.standard).toBe(standard);
  });

  it('reports missing values as null', () => {
    const summary = expectOk(
      detectDocument(readHostileFixture('missing-number.xml')),
    );
    expect(summary.number).toBeNull();
    expect(summary.customizationId).toBeNull();
    expect(summary.sellerCif).toBeNull();
  });

  it('reports an invalid issue date as null', () => {
    const bytes = readHostileFixture('invalid-issue-date.xml');
    expect(expectOk(detectDocument(bytes)).issueDate).toBeNull();
  });

  it('ignores a malformed amount it does not read', () => {
    const bytes = readHostileFixture('invalid-amount.xml');
    expect(expectOk(detectDocument(bytes)).number).toBe('F-1');
  });

  it('rejects a file over the size limit', () => {
    const bytes = utf8(sampleInvoiceXml());
    const error = expectFailure(detectDocument(bytes, { maxBytes: 1000 }));
    expect(error.details?.['reason']).toBe('tooLarge');
  });

  it('takes the CIF from a VAT id with spaces', () => {
    const summary = expectOk(
      detectDocument(readHostileFixture('odd-prefixes.xml')),
    );
    expect(summary.sellerVatId).toBe('RO 2816464');
    expect(summary.sellerCif).toBe('2816464');
  });

  it('does not take a foreign number for a CIF', () => {
    const summary = expectOk(
      detectDocument(readInvoiceFixture('cius-ro/ubl_b2g_example0.xml')),
    );
    expect(summary.sellerCountry).toBe('DK');
    expect(summary.sellerCif).toBeNull();
  });
});
