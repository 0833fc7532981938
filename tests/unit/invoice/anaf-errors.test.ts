import { describe, expect, it } from 'vitest';

import {
  extractRuleId,
  readAnafErrorDocument,
} from '../../../electron/core/invoice/index.ts';

import { expectFailure, expectOk, readHostileFixture } from './helpers.ts';
import { sampleInvoiceXml, utf8 } from './sample-invoice.ts';

describe('extractRuleId', () => {
  const cases: Array<[string, string | null]> = [
    [
      'E: validari globale SCHEMATRON eroare: [BR-RO-110]-Subdiviziunea tarii vanzatorului trebuie codificata ISO 3166-2:RO',
      'BR-RO-110',
    ],
    [
      '[BR-CO-15] Invoice total amount with VAT = total without VAT + VAT',
      'BR-CO-15',
    ],
    [
      'E: validari globale SCHEMATRON eroare: [BR-S-08]-For each different value',
      'BR-S-08',
    ],
    ['[UBL-SR-12]-Buyer reference shall occur maximum once', 'UBL-SR-12'],
    [
      'E: validari globale eroare regula: R6.1: CIF-ul vanzatorului nu figureaza in baza de date:12345674',
      'R6.1',
    ],
    ['eroare: BR-CL-14 codul tarii nu este valid', 'BR-CL-14'],
    [
      'Factura a mai fost transmisa anterior cu index=5009871234 si data incarcare=2025-01-15',
      null,
    ],
    [
      "Fisierul transmis nu este valid. org.xml.sax.SAXParseException; lineNumber: 2; columnNumber: 9; cvc-elt.1.a: Cannot find the declaration of element 'Invoice1'.",
      null,
    ],
    ['', null],
  ];

  it.each(cases)('%s', (message, ruleId) => {
    expect(extractRuleId(message)).toBe(ruleId);
  });
});

describe('readAnafErrorDocument', () => {
  it('reads the documented sample', () => {
    const document = expectOk(
      readAnafErrorDocument(readHostileFixture('anaf-error-document.xml')),
    );
    expect(document.uploadIndex).toBe('5009871240');
    expect(document.sellerCif).toBe('2816464');
    expect(document.errors).toEqual([
      {
        ruleId: 'BR-RO-110',
        message:
          'E: validari globale SCHEMATRON eroare: [BR-RO-110]-Subdiviziunea tarii vanzatorului trebuie codificata ISO 3166-2:RO',
      },
    ]);
  });

  it('reads several errors with a prefixed namespace', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<e:header xmlns:e="mfp:anaf:dgti:efactura:mesajEroriFactuta:v1" Index_incarcare="5001" Cif_emitent="12345674">
  <e:Error errorMessage="[BR-CO-15] total"/>
  <e:Error errorMessage="E: validari globale eroare regula: R6.1: CIF-ul vanzatorului nu figureaza in baza de date:12345674"/>
  <e:Error errorMessage="Factura a mai fost transmisa anterior cu index=4999 si data incarcare=2025-01-14"/>
</e:header>`;
    const document = expectOk(readAnafErrorDocument(utf8(xml)));
    expect(document.errors.map((error) => error.ruleId)).toEqual([
      'BR-CO-15',
      'R6.1',
      null,
    ]);
  });

  it('reads a document with no errors listed', () => {
    const xml =
      '<header xmlns="mfp:anaf:dgti:efactura:mesajEroriFactuta:v1" Index_incarcare="5002"/>';
    const document = expectOk(readAnafErrorDocument(utf8(xml)));
    expect(document.errors).toEqual([]);
    expect(document.sellerCif).toBeNull();
  });

  it('rejects an invoice', () => {
    const error = expectFailure(
      readAnafErrorDocument(utf8(sampleInvoiceXml())),
    );
    expect(error.details?.['reason']).toBe('notErrorDocument');
    expect(error.message).toMatch(/root element is 'Invoice'/);
  });

  it('rejects an upload answer header', () => {
    const xml =
      '<header xmlns="mfp:anaf:dgti:spv:respUploadFisier:v1" ExecutionStatus="1"/>';
    const error = expectFailure(readAnafErrorDocument(utf8(xml)));
    expect(error.details?.['reason']).toBe('notErrorDocument');
  });

  it('rejects a DOCTYPE', () => {
    const error = expectFailure(
      readAnafErrorDocument(readHostileFixture('billion-laughs.xml')),
    );
    expect(error.details?.['reason']).toBe('doctype');
  });
});
