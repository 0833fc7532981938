import { describe, expect, it } from 'vitest';

import {
  applyRules,
  checkStructure,
  validateDocument,
  type RuleContext,
} from '../../../electron/sandbox/documents/index.ts';
import { writeCii } from '../../../electron/sandbox/documents/cii-writer.ts';
import type { InvoiceDraft } from '../../../electron/sandbox/documents/draft.ts';
import { writeUbl } from '../../../electron/sandbox/documents/ubl-writer.ts';
import { company, nokMessages, ruleIds, sampleDraft } from './support.ts';

const REGISTRY = new Set([company(0).cif, company(1).cif]);

const NO_HISTORY: RuleContext = {
  isRegistered: (cif) => REGISTRY.has(cif),
  findEarlierUpload: () => null,
};

type Syntax = 'UBL' | 'CII';

function write(syntax: Syntax, draft: InvoiceDraft): string {
  return (syntax === 'UBL' ? writeUbl(draft) : writeCii(draft)).toString(
    'utf8',
  );
}

function rulesFor(
  xml: string,
  standard: 'UBL' | 'CN' | 'CII',
  context: RuleContext = NO_HISTORY,
): string[] {
  const body = Buffer.from(xml, 'utf8');
  const structure = checkStructure(body, standard);
  if (!structure.ok) throw new Error(structure.message);
  return applyRules(body, structure.facts, context);
}

/** Replaces the text of the first element with this local name (any prefix). */
function setAmount(xml: string, localName: string, value: string): string {
  const pattern = new RegExp(`(<(?:\\w+:)?${localName}\\b[^>]*>)[^<]*(</)`);
  if (!pattern.test(xml)) throw new Error(`No ${localName} element to change`);
  return xml.replace(pattern, `$1${value}$2`);
}

const TOTAL_WITH_VAT: Record<Syntax, string> = {
  UBL: 'TaxInclusiveAmount',
  CII: 'GrandTotalAmount',
};
const LINE_TOTAL: Record<Syntax, string> = {
  UBL: 'LineExtensionAmount',
  CII: 'LineTotalAmount',
};

describe.each(['UBL', 'CII'] as const)('applyRules on %s', (syntax) => {
  it('passes a valid invoice', () => {
    expect(rulesFor(write(syntax, sampleDraft()), syntax)).toEqual([]);
  });

  it('fails BR-RO-001 for version 1.0.0', () => {
    const xml = write(syntax, sampleDraft()).replace(
      'CIUS-RO:1.0.1',
      'CIUS-RO:1.0.0',
    );
    expect(ruleIds(rulesFor(xml, syntax))).toEqual(['BR-RO-001']);
  });

  it('writes BR-RO-001 as ANAF does', () => {
    const xml = write(syntax, sampleDraft()).replace(
      'CIUS-RO:1.0.1',
      'CIUS-RO:1.0.0',
    );
    expect(rulesFor(xml, syntax)[0]).toMatch(
      /^E: validari globale SCHEMATRON eroare: \[BR-RO-001\]-/,
    );
  });

  it('fails R6.1 for an unknown seller', () => {
    const seller = { ...company(2) };
    expect(rulesFor(write(syntax, sampleDraft({ seller })), syntax)).toEqual([
      `E: validari globale\n eroare regula: R6.1: CIF-ul vanzatorului nu figureaza in baza de date:${seller.cif}`,
    ]);
  });

  it('fails BR-CO-15 one cent off', () => {
    const xml = setAmount(
      write(syntax, sampleDraft()),
      TOTAL_WITH_VAT[syntax],
      '1502.45',
    );
    expect(ruleIds(rulesFor(xml, syntax))).toEqual(['BR-CO-15']);
  });

  it('writes BR-CO-15 as ANAF does', () => {
    const xml = setAmount(
      write(syntax, sampleDraft()),
      TOTAL_WITH_VAT[syntax],
      '1502.45',
    );
    expect(rulesFor(xml, syntax)[0]).toBe(
      'E: validari globale SCHEMATRON eroare: [BR-CO-15]-Invoice total amount with VAT (BT-112) = Invoice total amount without VAT (BT-109) + Invoice total VAT amount (BT-110).',
    );
  });

  it('accepts totals written with other decimals', () => {
    const xml = setAmount(
      write(syntax, sampleDraft()),
      TOTAL_WITH_VAT[syntax],
      '1502.440',
    );
    expect(rulesFor(xml, syntax)).toEqual([]);
  });

  it('fails BR-CO-10 when a line changes', () => {
    // The first line amount is 450.00; the document still states 1402.20 in total.
    const lineTag =
      syntax === 'UBL'
        ? 'cac:InvoiceLine'
        : 'ram:IncludedSupplyChainTradeLineItem';
    const xml = write(syntax, sampleDraft());
    const start = xml.indexOf(`<${lineTag}>`);
    const changed =
      xml.slice(0, start) +
      setAmount(xml.slice(start), LINE_TOTAL[syntax], '450.01');
    expect(ruleIds(rulesFor(changed, syntax))).toEqual(['BR-CO-10']);
  });

  it.each([
    ['seller', 'BR-RO-110'],
    ['buyer', 'BR-RO-111'],
  ] as const)('fails the county code of the %s', (role, rule) => {
    const draft = sampleDraft();
    draft[role] = { ...draft[role], countySubentity: 'Cluj' };
    expect(ruleIds(rulesFor(write(syntax, draft), syntax))).toEqual([rule]);
  });

  it.each([
    ['seller', 'BR-RO-100'],
    ['buyer', 'BR-RO-101'],
  ] as const)('fails a Bucharest %s outside SECTOR1-6', (role, rule) => {
    const draft = sampleDraft();
    draft[role] = {
      ...draft[role],
      countySubentity: 'RO-B',
      city: 'Bucuresti',
    };
    expect(ruleIds(rulesFor(write(syntax, draft), syntax))).toEqual([rule]);
  });

  it('accepts a Bucharest sector in lower case', () => {
    const draft = sampleDraft();
    draft.buyer = { ...draft.buyer, countySubentity: 'RO-B', city: 'Sector2' };
    expect(rulesFor(write(syntax, draft), syntax)).toEqual([]);
  });

  it('reports the duplicate with the day in Romania', () => {
    const context: RuleContext = {
      ...NO_HISTORY,
      // 23:30 UTC on 14 January is already 15 January in Bucharest (UTC+2).
      findEarlierUpload: (cif, number, date) =>
        cif === company(0).cif &&
        number === 'TST-2025-0001' &&
        date === '2025-01-15'
          ? {
              index: '5001120362',
              uploadedAt: new Date('2025-01-14T23:30:00Z'),
            }
          : null,
    };
    expect(rulesFor(write(syntax, sampleDraft()), syntax, context)).toEqual([
      'Factura a mai fost transmisa anterior cu index=5001120362 si data incarcare=2025-01-15',
    ]);
  });

  it('lists every failed rule', () => {
    const draft = sampleDraft({
      seller: { ...company(3), countySubentity: 'Arges' },
    });
    const xml = setAmount(
      write(syntax, draft).replace('CIUS-RO:1.0.1', 'CIUS-RO:1.0.0'),
      TOTAL_WITH_VAT[syntax],
      '1.00',
    );
    expect(ruleIds(rulesFor(xml, syntax))).toEqual([
      'BR-RO-001',
      'BR-CO-15',
      'BR-RO-110',
      'R6.1',
    ]);
  });
});

describe('applyRules on other documents', () => {
  it('passes a valid credit note', () => {
    expect(
      rulesFor(writeUbl(sampleDraft({ kind: 'creditNote' })).toString(), 'CN'),
    ).toEqual([]);
  });

  it('takes BT-110 in the document currency', () => {
    const draft = sampleDraft({ currency: 'EUR', exchangeRate: '4.9771' });
    const xml = writeUbl(draft).toString();
    expect(xml).toContain('<cbc:TaxAmount currencyID="RON">');
    expect(rulesFor(xml, 'UBL')).toEqual([]);
  });

  it('fails BR-CO-15 without a VAT total in the document currency', () => {
    const xml = writeUbl(sampleDraft())
      .toString()
      .replace(/<cac:TaxTotal>.*?<\/cac:TaxTotal>/, '');
    expect(ruleIds(rulesFor(xml, 'UBL'))).toEqual(['BR-CO-15']);
  });

  it('accepts a CII total equal to the net total without VAT', () => {
    const draft = sampleDraft({
      lines: [
        {
          name: 'Curs',
          unitCode: 'H87',
          quantity: '1',
          price: '900.00',
          vatRate: 0,
        },
      ],
    });
    const xml = writeCii(draft)
      .toString()
      .replace(/<ram:TaxTotalAmount[^>]*>.*?<\/ram:TaxTotalAmount>/, '');
    expect(rulesFor(xml, 'CII')).toEqual([]);
  });

  it('ignores county names of foreign parties', () => {
    const xml = writeUbl(sampleDraft())
      .toString()
      .replace(
        /(<cac:AccountingCustomerParty>.*?<cbc:CountrySubentity>)[^<]*(<\/cbc:CountrySubentity><cac:Country><cbc:IdentificationCode>)RO/,
        '$1Bayern$2DE',
      );
    expect(rulesFor(xml, 'UBL')).toEqual([]);
  });
});

describe('validateDocument', () => {
  it('returns ok for a valid FACT1 invoice', () => {
    expect(validateDocument(writeUbl(sampleDraft()), 'FACT1')).toEqual({
      stare: 'ok',
    });
  });

  it('returns ok for a valid CII under FACT1', () => {
    expect(validateDocument(writeCii(sampleDraft()), 'FACT1')).toEqual({
      stare: 'ok',
    });
  });

  it('returns ok for a valid FCN credit note', () => {
    expect(
      validateDocument(writeUbl(sampleDraft({ kind: 'creditNote' })), 'FCN'),
    ).toEqual({ stare: 'ok' });
  });

  it('skips the registry check', () => {
    expect(
      validateDocument(writeUbl(sampleDraft({ seller: company(5) })), 'FACT1'),
    ).toEqual({ stare: 'ok' });
  });

  it('rejects an invoice sent as FCN', () => {
    const verdict = validateDocument(writeUbl(sampleDraft()), 'FCN');
    expect(nokMessages(verdict)[0]).toContain(
      "Cannot find the declaration of element 'Invoice'",
    );
  });

  it('lists the failed document rules', () => {
    const body = Buffer.from(
      writeUbl(sampleDraft())
        .toString()
        .replace('CIUS-RO:1.0.1', 'CIUS-RO:1.0.0'),
    );
    const verdict = validateDocument(body, 'FACT1');
    expect(ruleIds(nokMessages(verdict))).toEqual(['BR-RO-001']);
  });
});
