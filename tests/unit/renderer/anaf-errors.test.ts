// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { explainAnafError, findRuleId } from '../../../renderer/src/lib/anaf-errors.ts';

describe('explainAnafError', () => {
  test('BR-RO-001 is the customization id', () => {
    expect(explainAnafError({ ruleId: 'BR-RO-001', message: '[BR-RO-001]-...' }).kind).toBe('customizationId');
  });

  test('R6.1 names the unknown seller', () => {
    const explained = explainAnafError({
      ruleId: 'R6.1',
      message: 'E: validari globale eroare regula: R6.1: CIF-ul vanzatorului nu figureaza in baza de date:12345674',
    });
    expect(explained.kind).toBe('sellerNotRegistered');
    expect(explained.params.cif).toBe('12345674');
  });

  test('BR-CO-15 and BR-CO-10 are totals', () => {
    expect(explainAnafError({ ruleId: 'BR-CO-15', message: '' }).kind).toBe('totalWithVat');
    expect(explainAnafError({ ruleId: 'BR-CO-10', message: '' }).kind).toBe('lineNetSum');
  });

  test('BR-RO-110 and BR-RO-111 are county codes', () => {
    expect(explainAnafError({ ruleId: 'BR-RO-110', message: '' }).kind).toBe('countyCode');
    expect(explainAnafError({ ruleId: 'BR-RO-111', message: '' }).kind).toBe('countyCode');
  });

  test('reads the rule id from the message when the entry has none', () => {
    const explained = explainAnafError({
      ruleId: null,
      message: 'E: validari globale SCHEMATRON eroare: [BR-CO-15]-Total amount with VAT (BT-112) = ...',
    });
    expect(explained.ruleId).toBe('BR-CO-15');
    expect(explained.kind).toBe('totalWithVat');
  });

  test('recognises the duplicate answer with its index and date', () => {
    const explained = explainAnafError({
      ruleId: null,
      message: 'Factura a mai fost transmisa anterior cu index=5009871234 si data incarcare=2025-01-15',
    });
    expect(explained.kind).toBe('duplicate');
    expect(explained.params).toEqual({ index: '5009871234', date: '2025-01-15' });
  });

  test('recognises a schema error with its position', () => {
    const explained = explainAnafError({
      ruleId: null,
      message:
        "Fisierul transmis nu este valid. org.xml.sax.SAXParseException; lineNumber: 12; columnNumber: 34; cvc-elt.1.a: Cannot find the declaration of element 'Invoice1'.",
    });
    expect(explained.kind).toBe('schema');
    expect(explained.params).toEqual({ line: '12', column: '34' });
  });

  test('keeps an unknown rule as other with its id', () => {
    const explained = explainAnafError({ ruleId: null, message: '[BR-S-08]-VAT category S ...' });
    expect(explained.kind).toBe('other');
    expect(explained.ruleId).toBe('BR-S-08');
  });

  test('always keeps the original message', () => {
    expect(explainAnafError({ ruleId: 'R6.1', message: 'text ANAF' }).original).toBe('text ANAF');
  });
});

describe('findRuleId', () => {
  test('prefers the entry rule id', () => {
    expect(findRuleId({ ruleId: 'BR-RO-110', message: '[BR-CO-15]' })).toBe('BR-RO-110');
  });

  test('returns null for a message without one', () => {
    expect(findRuleId({ ruleId: null, message: 'A aparut o eroare tehnica. Cod: 1814' })).toBeNull();
  });
});
