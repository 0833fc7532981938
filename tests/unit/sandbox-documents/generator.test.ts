import { describe, expect, it } from 'vitest';

import {
  applyRules,
  checkStructure,
  generateSeedInvoices,
  type RuleContext,
  type SeedInvoice,
} from '../../../electron/sandbox/documents/index.ts';
import { SEEDED_COMPANIES } from '../../../electron/sandbox/documents/companies.ts';
import {
  parseXml,
  NS,
  children,
  descend,
  textOf,
} from '../../../electron/sandbox/documents/xml.ts';
import { factsOf, UBL_XSD_DIR, xmllint } from './support.ts';

const NOW = new Date('2025-10-01T10:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const REGISTRY = new Set(SEEDED_COMPANIES.map((seeded) => seeded.cif));

const invoices = generateSeedInvoices({
  seed: 'unit',
  count: 120,
  companies: SEEDED_COMPANIES,
  now: NOW,
});
const texts = invoices.map((invoice) => invoice.body.toString('utf8'));

function failuresOf(invoice: SeedInvoice, context: RuleContext): string[] {
  const structure = checkStructure(invoice.body, invoice.standard);
  if (!structure.ok) return [structure.message];
  return applyRules(invoice.body, structure.facts, context);
}

describe('generateSeedInvoices', () => {
  it('returns the requested count', () => {
    expect(invoices).toHaveLength(120);
  });

  it('is deterministic for a seed', () => {
    const again = generateSeedInvoices({
      seed: 'unit',
      count: 120,
      companies: SEEDED_COMPANIES,
      now: NOW,
    });
    expect(again.map((invoice) => invoice.body.toString('base64'))).toEqual(
      invoices.map((invoice) => invoice.body.toString('base64')),
    );
    expect(again.map((invoice) => invoice.createdAt.getTime())).toEqual(
      invoices.map((invoice) => invoice.createdAt.getTime()),
    );
  });

  it('differs between seeds', () => {
    const other = generateSeedInvoices({
      seed: 'other',
      count: 5,
      companies: SEEDED_COMPANIES,
      now: NOW,
    });
    expect(other[0]?.body.equals(invoices[0]?.body ?? Buffer.alloc(0))).toBe(
      false,
    );
  });

  it('passes the sandbox rules in upload order', () => {
    const seen = new Set<string>();
    for (const invoice of invoices) {
      const context: RuleContext = {
        isRegistered: (cif) => REGISTRY.has(cif),
        findEarlierUpload: (cif, number, date) =>
          seen.has(`${cif}|${number}|${date}`)
            ? { index: '1', uploadedAt: NOW }
            : null,
      };
      expect(failuresOf(invoice, context)).toEqual([]);
      const structure = checkStructure(invoice.body, invoice.standard);
      if (structure.ok)
        seen.add(
          `${structure.facts.sellerCif}|${structure.facts.number}|${structure.facts.issueDate}`,
        );
    }
  });

  it('names the seller and buyer it reports', () => {
    for (const invoice of invoices) {
      const facts = factsOf(invoice.body, invoice.standard);
      expect(facts.sellerCif).toBe(invoice.sellerCif);
      expect(facts.buyerCif).toBe(invoice.buyerCif);
    }
  });

  it('never bills a company to itself', () => {
    for (const invoice of invoices)
      expect(invoice.sellerCif).not.toBe(invoice.buyerCif);
  });

  it('spreads creation over the last 60 days', () => {
    for (const invoice of invoices) {
      expect(invoice.createdAt.getTime()).toBeLessThan(NOW.getTime());
      expect(invoice.createdAt.getTime()).toBeGreaterThan(
        NOW.getTime() - 60 * DAY_MS,
      );
    }
    const ages = invoices.map(
      (invoice) => (NOW.getTime() - invoice.createdAt.getTime()) / DAY_MS,
    );
    expect(Math.max(...ages) - Math.min(...ages)).toBeGreaterThan(40);
  });

  it('mixes UBL invoices, credit notes and CII', () => {
    expect(new Set(invoices.map((invoice) => invoice.standard))).toEqual(
      new Set(['UBL', 'CN', 'CII']),
    );
  });

  it('uses VAT rates 21, 11 and 0', () => {
    const rates = new Set(
      texts.flatMap((text) =>
        [...text.matchAll(/<cbc:Percent>(\d+)<\/cbc:Percent>/g)].map(
          (match) => match[1],
        ),
      ),
    );
    expect(rates).toEqual(new Set(['21', '11', '0']));
  });

  it('states the RON VAT total of foreign-currency UBL invoices', () => {
    const foreign = invoices.filter(
      (invoice, i) =>
        invoice.standard !== 'CII' &&
        /<cbc:DocumentCurrencyCode>(EUR|USD)</.test(texts[i] ?? ''),
    );
    expect(foreign.length).toBeGreaterThan(0);
    for (const invoice of foreign) {
      const parsed = parseXml(invoice.body);
      if (!parsed.ok) throw new Error(parsed.problem.message);
      const root = parsed.document.documentElement;
      const ronTotals = children(root, NS.cac, 'TaxTotal').filter(
        (total) =>
          descend(total, [NS.cbc, 'TaxAmount'])?.getAttribute('currencyID') ===
          'RON',
      );
      expect(textOf(descend(root, [NS.cbc, 'TaxCurrencyCode']))).toBe('RON');
      expect(ronTotals).toHaveLength(1);
    }
  });

  it('states the RON VAT total of foreign-currency CII invoices', () => {
    const foreign = texts.filter((text) =>
      /<ram:InvoiceCurrencyCode>(EUR|USD)</.test(text),
    );
    expect(foreign.length).toBeGreaterThan(0);
    for (const text of foreign)
      expect(text).toMatch(/<ram:TaxTotalAmount currencyID="RON">\d+\.\d{2}</);
  });

  it('embeds PDF attachments with mime code and file name', () => {
    const attachments = texts.flatMap((text) => [
      ...text.matchAll(
        /<(?:cbc:EmbeddedDocumentBinaryObject|ram:AttachmentBinaryObject) mimeCode="application\/pdf" filename="[^"]+\.pdf">([^<]+)</g,
      ),
    ]);
    expect(attachments.length).toBeGreaterThan(0);
    for (const attachment of attachments) {
      expect(
        Buffer.from(attachment[1] ?? '', 'base64')
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
    }
  });

  it('writes both comma-below and cedilla diacritics', () => {
    const all = texts.join('');
    for (const letter of ['ș', 'ț', 'ş', 'ţ']) expect(all).toContain(letter);
  });

  it('validates against the UBL 2.1 invoice schema', () => {
    const sample = invoices
      .filter((invoice) => invoice.standard === 'UBL')
      .slice(0, 8);
    const result = xmllint(
      `${UBL_XSD_DIR}/UBL-Invoice-2.1.xsd`,
      sample.map((invoice) => invoice.body),
    );
    expect(result.output).not.toContain('fails to validate');
    expect(result.status).toBe(0);
  });

  it('validates against the UBL 2.1 credit note schema', () => {
    const sample = invoices
      .filter((invoice) => invoice.standard === 'CN')
      .slice(0, 4);
    const result = xmllint(
      `${UBL_XSD_DIR}/UBL-CreditNote-2.1.xsd`,
      sample.map((invoice) => invoice.body),
    );
    expect(result.output).not.toContain('fails to validate');
    expect(result.status).toBe(0);
  });

  it('needs two distinct companies', () => {
    expect(() =>
      generateSeedInvoices({
        seed: 'x',
        count: 1,
        companies: SEEDED_COMPANIES.slice(0, 1),
        now: NOW,
      }),
    ).toThrow('at least two companies');
  });

  it('returns nothing for a count of zero', () => {
    expect(
      generateSeedInvoices({ seed: 'x', count: 0, companies: [], now: NOW }),
    ).toEqual([]);
  });
});
