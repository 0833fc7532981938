import { describe, expect, it } from 'vitest';

import {
  detectDocument,
  extractAttachment,
  parseInvoice,
} from '../../../electron/core/invoice/index.ts';
import type { Invoice } from '../../../shared/invoice.ts';

import {
  expectOk,
  listInvoiceFixtures,
  readInvoiceFixture,
} from './helpers.ts';

function parseFixture(relativePath: string): Invoice {
  return expectOk(parseInvoice(readInvoiceFixture(relativePath)));
}

describe('parseInvoice on every shared fixture', () => {
  const fixtures = listInvoiceFixtures();

  it('finds fixtures in all four folders', () => {
    const folders = new Set(fixtures.map((file) => file.split('/')[0]));
    expect(folders.size).toBe(4);
  });

  it.each(fixtures)('%s', (file) => {
    const invoice = parseFixture(file);

    expect(invoice.number).not.toBe('');
    expect(invoice.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(invoice.currency).toMatch(/^[A-Z]{3}$/);
    expect(invoice.seller.name).not.toBeNull();
    expect(invoice.buyer.name).not.toBeNull();
    expect(invoice.lines.length).toBeGreaterThan(0);
    expect(Number.isFinite(invoice.totals.payable?.value)).toBe(true);
  });

  it.each(fixtures)('%s summary matches the model', (file) => {
    const bytes = readInvoiceFixture(file);
    const invoice = expectOk(parseInvoice(bytes));
    const summary = expectOk(detectDocument(bytes));

    expect(summary.standard).toBe(invoice.standard);
    expect(summary.number).toBe(invoice.number);
    expect(summary.issueDate).toBe(invoice.issueDate);
    expect(summary.sellerCif).toBe(invoice.seller.cif);
    expect(summary.buyerCif).toBe(invoice.buyer.cif);
  });
});

describe('ANAF invoice example', () => {
  const invoice = parseFixture('cius-ro/anaf_invoice_example.xml');

  it('reads the header', () => {
    expect(invoice.rootKind).toBe('Invoice');
    expect(invoice.standard).toBe('UBL');
    expect(invoice.number).toBe('6422451356');
    expect(invoice.typeCode).toBe('380');
    expect(invoice.issueDate).toBe('2022-05-31');
    expect(invoice.dueDate).toBe('2022-05-31');
    expect(invoice.currency).toBe('RON');
    expect(invoice.customizationId).toBe(
      'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.0',
    );
    expect(invoice.notes).toEqual(['some text for invoice note']);
  });

  it('reads the seller', () => {
    expect(invoice.seller.name).toBe('Seller SRL');
    expect(invoice.seller.vatId).toBe('RO1234567890');
    expect(invoice.seller.cif).toBe('1234567890');
    expect(invoice.seller.legalInfo).toBe('J40/12345/1998');
    expect(invoice.seller.address.countySubentity).toBe('RO-B');
    expect(invoice.seller.address.city).toBe('SECTOR1');
    expect(invoice.seller.address.countryCode).toBe('RO');
    expect(invoice.seller.contact.email).toBe('mail@seller.com');
  });

  it('reads the buyer', () => {
    expect(invoice.buyer.name).toBe('Buyer SRL');
    expect(invoice.buyer.tradingName).toBe('Buyer name');
    expect(invoice.buyer.cif).toBe('987456123');
    expect(invoice.buyer.registrationNumber).toBe('J02/321/2010');
    expect(invoice.buyer.address.countySubentity).toBe('RO-AR');
  });

  it('reads payment, VAT and totals', () => {
    expect(invoice.paymentMeans[0]?.code).toBe('31');
    expect(invoice.paymentMeans[0]?.iban).toBe('RO80RNCB0067054355123456');
    expect(invoice.vatBreakdown.map((row) => row.rate?.text)).toEqual([
      '5.00',
      '9.00',
      '19.00',
    ]);
    expect(invoice.totals.net?.text).toBe('34741984.11');
    expect(invoice.totals.vat?.text).toBe('6598592.6');
    expect(invoice.totals.withVat?.text).toBe('41340576.71');
    expect(invoice.totals.payable?.value).toBe(41340576.71);
    expect(invoice.totals.vatInTaxCurrency).toBeNull();
  });

  it('reads the lines', () => {
    const first = invoice.lines[0];
    expect(invoice.lines).toHaveLength(35);
    expect(first?.name).toBe('item name');
    expect(first?.quantity?.text).toBe('46396.67');
    expect(first?.unitCode).toBe('C62');
    expect(first?.price?.text).toBe('7.6453');
    expect(first?.vatCategory).toBe('S');
    expect(first?.vatRate?.value).toBe(19);
    expect(first?.netAmount?.text).toBe('334641.38');
    expect(first?.allowancesCharges.map((item) => item.isCharge)).toEqual([
      false,
      true,
    ]);
  });
});

describe('ANAF credit note example', () => {
  const invoice = parseFixture('cius-ro/anaf_creditnote_example.xml');

  it('reads a credit note in SEK with RON VAT', () => {
    expect(invoice.rootKind).toBe('CreditNote');
    expect(invoice.standard).toBe('CN');
    expect(invoice.number).toBe('2018-112');
    expect(invoice.currency).toBe('SEK');
    expect(invoice.taxCurrency).toBe('RON');
    expect(invoice.totals.vat?.text).toBe('100');
    expect(invoice.totals.vatInTaxCurrency?.text).toBe('249');
    expect(invoice.totals.payable?.text).toBe('500');
    expect(invoice.lines).toHaveLength(1);
    expect(invoice.seller.name).toBe('Säljbolaget AB');
  });
});

describe('CII example with prepayment', () => {
  const invoice = parseFixture('cius-ro-cii/CII_example0.xml');

  it('reads the header and parties', () => {
    expect(invoice.rootKind).toBe('CrossIndustryInvoice');
    expect(invoice.standard).toBe('CII');
    expect(invoice.number).toBe('TOSL110');
    expect(invoice.issueDate).toBe('2013-04-10');
    expect(invoice.dueDate).toBe('2013-05-10');
    expect(invoice.seller.name).toBe('SellerCompany');
    expect(invoice.seller.vatId).toBe('NL16356706');
    expect(invoice.seller.cif).toBeNull();
    expect(invoice.buyerReference).toBe('qwerty');
    expect(invoice.orderReference).toBe('PO4711');
    expect(invoice.precedingInvoices).toEqual([
      { number: 'TOSL109', issueDate: '2013-03-10' },
    ]);
  });

  it('reads totals in two currencies', () => {
    expect(invoice.currency).toBe('DKK');
    expect(invoice.taxCurrency).toBe('EUR');
    expect(invoice.totals.vat?.text).toBe('675.00');
    expect(invoice.totals.vatInTaxCurrency?.text).toBe('628.62');
    expect(invoice.totals.withVat?.text).toBe('4675');
    expect(invoice.totals.prepaid?.text).toBe('2337.5');
    expect(invoice.totals.payable?.text).toBe('2337.5');
    expect(invoice.vatBreakdown).toHaveLength(2);
    expect(invoice.allowancesCharges).toHaveLength(2);
  });

  it('reads lines', () => {
    expect(invoice.lines).toHaveLength(3);
    expect(invoice.lines[0]?.name).toBe('Printing paper');
    expect(invoice.lines[0]?.quantity?.text).toBe('1000');
    expect(invoice.lines[0]?.vatRate?.text).toBe('25');
    expect(invoice.lines[0]?.allowancesCharges).toHaveLength(2);
  });

  it('lists the embedded attachment', () => {
    expect(invoice.attachments).toHaveLength(1);
    expect(invoice.attachments[0]?.filename).toBe('EHF.pdf');
    expect(invoice.attachments[0]?.mimeType).toBe('application/pdf');
    expect(invoice.attachments[0]?.size).toBe(77);
  });

  it('extracts the attachment despite spaces in its base64', () => {
    const bytes = readInvoiceFixture('cius-ro-cii/CII_example0.xml');
    const content = expectOk(extractAttachment(bytes, 0));
    expect(content.bytes.length).toBe(77);
  });
});

describe('attachments of a UBL fixture', () => {
  const file = 'cius-ro/ubl_b2g_example3.xml';

  it('lists the PDF with its decoded size', () => {
    const attachment = parseFixture(file).attachments[0];
    expect(attachment?.filename).toBe('mappatura_ubl_sdi.pdf');
    expect(attachment?.size).toBe(74562);
  });

  it('extracts the PDF bytes', () => {
    const content = expectOk(extractAttachment(readInvoiceFixture(file), 0));
    const magic = Buffer.from(content.bytes.subarray(0, 5)).toString('latin1');
    expect(content.mimeType).toBe('application/pdf');
    expect(content.bytes.length).toBe(74562);
    expect(magic).toBe('%PDF-');
  });
});
