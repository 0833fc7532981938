import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { checkStructure } from '../../../electron/sandbox/documents/index.ts';
import { writeCii } from '../../../electron/sandbox/documents/cii-writer.ts';
import { writeUbl } from '../../../electron/sandbox/documents/ubl-writer.ts';
import { company, factsOf, sampleDraft } from './support.ts';

const SAX_PREFIX =
  /^Fisierul transmis nu este valid\. org\.xml\.sax\.SAXParseException; lineNumber: \d+; columnNumber: \d+; /;

function failureOf(
  body: Buffer | string,
  standard: 'UBL' | 'CN' | 'CII' = 'UBL',
): string {
  const result = checkStructure(
    Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    standard,
  );
  if (result.ok) throw new Error('expected the structure check to fail');
  return result.message;
}

const INVOICE = writeUbl(sampleDraft()).toString('utf8');
const CREDIT_NOTE = writeUbl(sampleDraft({ kind: 'creditNote' })).toString(
  'utf8',
);
const CII = writeCii(sampleDraft()).toString('utf8');

describe('checkStructure accepts', () => {
  it.each([
    ['UBL', INVOICE],
    ['CN', CREDIT_NOTE],
    ['CII', CII],
  ] as const)('%s with its own root', (standard, xml) => {
    expect(checkStructure(Buffer.from(xml), standard).ok).toBe(true);
  });

  it('any prefixes bound to the UBL namespaces', () => {
    const renamed = INVOICE.replace(/cbc:/g, 'b:')
      .replace(/xmlns:cbc=/, 'xmlns:b=')
      .replace(/<Invoice xmlns=/, '<inv:Invoice xmlns:inv=')
      .replace('</Invoice>', '</inv:Invoice>');
    expect(checkStructure(Buffer.from(renamed), 'UBL').ok).toBe(true);
  });

  it('a UTF-8 byte order mark', () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(INVOICE),
    ]);
    expect(checkStructure(body, 'UBL').ok).toBe(true);
  });

  it('UTF-16 with a byte order mark', () => {
    const text = INVOICE.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const body = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(text, 'utf-16le'),
    ]);
    const facts = factsOf(body, 'UBL');
    expect(facts.sellerName).toBe(company(0).name);
  });

  it('the declared ISO-8859-2 encoding', () => {
    const seller = { ...company(0), name: 'Ţesătoria Şură SRL' };
    const text = writeUbl(sampleDraft({ seller }))
      .toString('utf8')
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-2"');
    const facts = factsOf(iconv.encode(text, 'iso-8859-2'), 'UBL');
    expect(facts.sellerName).toBe('Ţesătoria Şură SRL');
  });
});

describe('checkStructure facts', () => {
  it('reads a UBL invoice', () => {
    const result = checkStructure(Buffer.from(INVOICE), 'UBL');
    if (!result.ok) throw new Error(result.message);
    expect(result.facts).toEqual({
      root: 'Invoice',
      customizationId:
        'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1',
      number: 'TST-2025-0001',
      issueDate: '2025-01-15',
      sellerCif: company(0).cif,
      buyerCif: company(1).cif,
      buyerCountry: 'RO',
      sellerName: company(0).name,
      buyerName: company(1).name,
      currency: 'RON',
      total: '1502.44',
    });
  });

  it('converts the CII issue date', () => {
    const facts = factsOf(Buffer.from(CII), 'CII');
    expect(facts.issueDate).toBe('2025-01-15');
  });

  it('reads the CII seller VAT identifier', () => {
    const facts = factsOf(Buffer.from(CII), 'CII');
    expect(facts.sellerCif).toBe(company(0).cif);
  });

  it('falls back to the legal identifier', () => {
    const xml = INVOICE.replace(
      /<cac:PartyTaxScheme>.*?<\/cac:PartyTaxScheme>/,
      '',
    ).replace(
      `<cbc:CompanyID>${company(0).registrationNumber}</cbc:CompanyID>`,
      '<cbc:CompanyID>12345678</cbc:CompanyID>',
    );
    const facts = factsOf(Buffer.from(xml), 'UBL');
    expect(facts.sellerCif).toBe('12345678');
  });
});

describe('checkStructure rejects', () => {
  it.each([
    [
      'UBL',
      CREDIT_NOTE,
      "cvc-elt.1.a: Cannot find the declaration of element 'CreditNote'.",
    ],
    [
      'CN',
      INVOICE,
      "cvc-elt.1.a: Cannot find the declaration of element 'Invoice'.",
    ],
    [
      'CII',
      INVOICE,
      "cvc-elt.1.a: Cannot find the declaration of element 'Invoice'.",
    ],
    [
      'UBL',
      CII,
      "cvc-elt.1.a: Cannot find the declaration of element 'CrossIndustryInvoice'.",
    ],
  ] as const)('a root that does not match %s', (standard, xml, expected) => {
    const message = failureOf(xml, standard);
    expect(message).toMatch(SAX_PREFIX);
    expect(message).toContain(expected);
  });

  it('the Invoice root in another namespace', () => {
    const xml = INVOICE.replace(
      'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
      'urn:example:Invoice',
    );
    expect(failureOf(xml)).toContain(
      "Cannot find the declaration of element 'Invoice'",
    );
  });

  it('a cbc prefix bound to another namespace', () => {
    const xml = INVOICE.replace(
      'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"',
      'xmlns:cbc="urn:example:cbc"',
    );
    expect(failureOf(xml)).toContain('cvc-complex-type.2.4.b');
  });

  it('a mismatched end tag, with its line', () => {
    const xml = INVOICE.replace('</cbc:Note>', '</cbc:Notes>');
    const message = failureOf(xml);
    expect(message).toContain(
      'The element type "cbc:Note" must be terminated by the matching end-tag "</cbc:Note>".',
    );
    expect(message).toContain('lineNumber: 3;');
  });

  it('a truncated document', () => {
    expect(failureOf(INVOICE.slice(0, 2000))).toContain(
      'XML document structures must start and end within the same entity.',
    );
  });

  it('an empty body', () => {
    expect(failureOf('')).toContain('Premature end of file.');
  });

  it('text before the root', () => {
    expect(
      failureOf(`junk${INVOICE.replace(/^<\?xml[^>]*>\n/, '')}`),
    ).toContain('Content is not allowed in prolog.');
  });

  it('a DOCTYPE with internal entities', () => {
    const bomb =
      '<?xml version="1.0"?>\n<!DOCTYPE Invoice [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n' +
      INVOICE.replace(/^<\?xml[^>]*>\n/, '').replace('Factură de test', '&b;');
    const message = failureOf(bomb);
    expect(message).toContain('DOCTYPE is disallowed');
    expect(message).toContain('lineNumber: 2;');
  });

  it('a DOCTYPE after a comment', () => {
    const xml = `<!-- x -->\n<!DOCTYPE Invoice SYSTEM "file:///etc/passwd">\n${INVOICE.replace(/^<\?xml[^>]*>\n/, '')}`;
    expect(failureOf(xml)).toContain('DOCTYPE is disallowed');
  });

  it('an undeclared entity', () => {
    expect(failureOf(INVOICE.replace('Factură de test', '&xxe;'))).toContain(
      'The entity "xxe" was referenced, but not declared.',
    );
  });

  it('bytes that are not UTF-8', () => {
    const body = Buffer.from(
      INVOICE.replace('Factură de test', 'Factura XX'),
      'utf8',
    );
    const at = body.indexOf('XX');
    body[at] = 0xff;
    expect(failureOf(body)).toContain(
      'Invalid byte 1 of 1-byte UTF-8 sequence.',
    );
  });

  it('an unknown encoding name', () => {
    expect(
      failureOf(INVOICE.replace('encoding="UTF-8"', 'encoding="X-NOPE"')),
    ).toContain('Invalid encoding name "X-NOPE".');
  });

  it('a control character', () => {
    expect(
      failureOf(INVOICE.replace('Factură de test', 'Factură\u0001')),
    ).toContain('An invalid XML character (Unicode: 0x1)');
  });

  it.each([
    ['CustomizationID', /<cbc:CustomizationID>.*?<\/cbc:CustomizationID>/],
    ['ID', /<cbc:ID>TST-2025-0001<\/cbc:ID>/],
    ['IssueDate', /<cbc:IssueDate>.*?<\/cbc:IssueDate>/],
    ['InvoiceTypeCode', /<cbc:InvoiceTypeCode>.*?<\/cbc:InvoiceTypeCode>/],
    [
      'DocumentCurrencyCode',
      /<cbc:DocumentCurrencyCode>.*?<\/cbc:DocumentCurrencyCode>/,
    ],
    [
      'AccountingSupplierParty',
      /<cac:AccountingSupplierParty>.*?<\/cac:AccountingSupplierParty>/,
    ],
    [
      'AccountingCustomerParty',
      /<cac:AccountingCustomerParty>.*?<\/cac:AccountingCustomerParty>/,
    ],
    [
      'LegalMonetaryTotal',
      /<cac:LegalMonetaryTotal>.*?<\/cac:LegalMonetaryTotal>/,
    ],
    ['PayableAmount', /<cbc:PayableAmount[^>]*>.*?<\/cbc:PayableAmount>/],
  ])('a UBL invoice without %s', (name, pattern) => {
    const message = failureOf(INVOICE.replace(pattern, ''));
    expect(message).toContain('cvc-complex-type.2.4.b');
    expect(message).toContain(`:${name}}' is expected.`);
  });

  it.each([
    [
      'GuidelineSpecifiedDocumentContextParameter',
      /<ram:GuidelineSpecifiedDocumentContextParameter>.*?<\/ram:GuidelineSpecifiedDocumentContextParameter>/,
    ],
    ['TypeCode', /<ram:TypeCode>380<\/ram:TypeCode>/],
    ['SellerTradeParty', /<ram:SellerTradeParty>.*?<\/ram:SellerTradeParty>/],
    [
      'InvoiceCurrencyCode',
      /<ram:InvoiceCurrencyCode>.*?<\/ram:InvoiceCurrencyCode>/,
    ],
    ['DuePayableAmount', /<ram:DuePayableAmount>.*?<\/ram:DuePayableAmount>/],
  ])('a CII invoice without %s', (name, pattern) => {
    const message = failureOf(CII.replace(pattern, ''), 'CII');
    expect(message).toContain(`:${name}}' is expected.`);
  });

  it('an empty invoice number', () => {
    expect(
      failureOf(
        INVOICE.replace('<cbc:ID>TST-2025-0001</cbc:ID>', '<cbc:ID> </cbc:ID>'),
      ),
    ).toContain('cvc-minLength-valid');
  });

  it.each(['2025-13-01', '2025-02-30', '15.01.2025'])(
    'the issue date %s',
    (date) => {
      const message = failureOf(
        INVOICE.replace('<cbc:IssueDate>2025-01-15', `<cbc:IssueDate>${date}`),
      );
      expect(message).toContain(
        `cvc-datatype-valid.1.2.1: '${date}' is not a valid value for 'date'.`,
      );
    },
  );

  it('a CII date not in format 102', () => {
    expect(
      failureOf(CII.replace('>20250115<', '>2025-01-15<'), 'CII'),
    ).toContain("'2025-01-15' is not a valid value for 'date'");
  });
});
