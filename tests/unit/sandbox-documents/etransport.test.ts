import { readFileSync } from 'node:fs';

import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';

import { checkEtransportDeclaration } from '../../../electron/sandbox/documents/index.ts';
import * as codes from '../../../electron/sandbox/documents/etransport-codes.ts';
import { ETRANSPORT_XSD, xmllint } from './support.ts';

const XS = 'http://www.w3.org/2001/XMLSchema';

/** Reads the enumeration values of a named simple type from the schema. */
function schemaEnumeration(typeName: string): Set<string> {
  const schema = new DOMParser().parseFromString(
    readFileSync(ETRANSPORT_XSD, 'utf8'),
    'text/xml',
  );
  const type = [...schema.getElementsByTagNameNS(XS, 'simpleType')].find(
    (element) => element.getAttribute('name') === typeName,
  );
  if (!type) throw new Error(`The schema has no simple type ${typeName}`);
  return new Set(
    [...type.getElementsByTagNameNS(XS, 'enumeration')].map(
      (element) => element.getAttribute('value') ?? '',
    ),
  );
}

const VALID = `<?xml version="1.0" encoding="UTF-8"?>
<eTransport xmlns="mfp:anaf:dgti:eTransport:declaratie:v2" codDeclarant="18654326" refDeclarant="LIV-0042">
  <notificare codTipOperatiune="30">
    <bunuriTransportate codScopOperatiune="101" codTarifar="44071100" denumireMarfa="Cherestea de brad uscată" cantitate="12.5" codUnitateMasura="MTQ" greutateNeta="6000" greutateBruta="6250.50" valoareLeiFaraTva="15000.00"/>
    <bunuriTransportate codScopOperatiune="101" denumireMarfa="Ţiglă ceramică" cantitate="40" codUnitateMasura="MTK" greutateBruta="900"/>
    <partenerComercial codTara="RO" cod="24019370" denumire="Moara Veche Panificaţie SRL"/>
    <dateTransport nrVehicul="CJ12ABC" nrRemorca1="CJ34XYZ" codTaraOrgTransport="RO" codOrgTransport="18654326" denumireOrgTransport="Carpatica Distribuție SRL" dataTransport="2025-09-30"/>
    <locStartTraseuRutier>
      <locatie codJudet="8" denumireLocalitate="Brașov" denumireStrada="Str. Gheorghe Şincai" numar="16" codPostal="500019"/>
    </locStartTraseuRutier>
    <locFinalTraseuRutier codPtf="4"/>
    <documenteTransport tipDocument="30" numarDocument="AV-118" dataDocument="2025-09-30"/>
    <documenteTransport tipDocument="20" numarDocument="CD-2025-0042" dataDocument="2025-09-30"/>
  </notificare>
</eTransport>
`;

const CONFIRMATION = `<eTransport xmlns="mfp:anaf:dgti:eTransport:declaratie:v2" codDeclarant="24019370">
  <confirmare uit="ACDEFHJKLMNPQR42" tipConfirmare="10" observatii="Marfă recepţionată"/>
</eTransport>`;

/** Invalid declarations, each with the fault the sandbox must report. */
const INVALID: Array<[string, string, string]> = [
  [
    'a missing codDeclarant',
    VALID.replace(' codDeclarant="18654326"', ''),
    "Attribute 'codDeclarant' must appear on element 'eTransport'",
  ],
  [
    'an unknown operation type',
    VALID.replace('codTipOperatiune="30"', 'codTipOperatiune="31"'),
    "Value '31' is not facet-valid with respect to enumeration",
  ],
  [
    'a misnamed element',
    VALID.replace('<partenerComercial', '<partener'),
    "Invalid content was found starting with element 'partener'",
  ],
  [
    'no goods',
    VALID.replace(/<bunuriTransportate[^>]*\/>\s*/g, ''),
    "Invalid content was found starting with element 'partenerComercial'",
  ],
  [
    'no transport document',
    VALID.replace(/<documenteTransport[^>]*\/>\s*/g, ''),
    "The content of element 'notificare' is not complete",
  ],
  [
    'a zero gross weight',
    VALID.replace('greutateBruta="900"', 'greutateBruta="0"'),
    'minExclusive',
  ],
  [
    'three decimals',
    VALID.replace('cantitate="12.5"', 'cantitate="12.505"'),
    'cvc-pattern-valid',
  ],
  [
    'a lower-case plate',
    VALID.replace('nrVehicul="CJ12ABC"', 'nrVehicul="cj12abc"'),
    'NrVehiculType',
  ],
  [
    'an invalid date',
    VALID.replace('dataTransport="2025-09-30"', 'dataTransport="2025-02-30"'),
    "'2025-02-30' is not a valid value for 'date'",
  ],
  [
    'GR for Greece',
    VALID.replace('codTara="RO"', 'codTara="GR"'),
    "Value 'GR' is not facet-valid",
  ],
  [
    'an unknown attribute',
    VALID.replace('codTipOperatiune="30"', 'codTipOperatiune="30" urgent="da"'),
    "Attribute 'urgent' is not allowed",
  ],
  [
    'a name over 200 characters',
    VALID.replace(
      'denumire="Moara Veche Panificaţie SRL"',
      `denumire="${'x'.repeat(201)}"`,
    ),
    'maxLength',
  ],
  [
    'two choices',
    CONFIRMATION.replace(
      '</eTransport>',
      '<stergere uit="ACDEFHJKLMNPQR42"/></eTransport>',
    ),
    'No child element is expected at this point',
  ],
  [
    'a malformed UIT',
    CONFIRMATION.replace('ACDEFHJKLMNPQR42', 'ACDEFHJKLMNOPQ42'),
    'UitType',
  ],
  [
    'the v1 namespace',
    VALID.replace('declaratie:v2', 'declaratie:v1'),
    "Cannot find the declaration of element 'eTransport'",
  ],
];

describe('checkEtransportDeclaration', () => {
  it.each([
    ['a notification', VALID],
    ['a confirmation', CONFIRMATION],
  ])('accepts %s', (_name, xml) => {
    expect(checkEtransportDeclaration(Buffer.from(xml))).toEqual([]);
  });

  it.each(INVALID)('rejects %s', (_name, xml, fault) => {
    const messages = checkEtransportDeclaration(Buffer.from(xml));
    expect(messages.join('\n')).toContain(fault);
  });

  it('writes SAX-style messages with the line', () => {
    const [message] = checkEtransportDeclaration(
      Buffer.from(VALID.replace('<partenerComercial', '<partener')),
    );
    expect(message).toMatch(
      /^Fisierul transmis nu este valid\. org\.xml\.sax\.SAXParseException; lineNumber: 6; columnNumber: \d+; /,
    );
  });

  it('rejects XML that is not well-formed', () => {
    expect(checkEtransportDeclaration(Buffer.from('<eTransport'))[0]).toContain(
      'XML document structures must start and end within the same entity.',
    );
  });
});

describe('checkEtransportDeclaration against xmllint', () => {
  it.each([
    ['a notification', VALID],
    ['a confirmation', CONFIRMATION],
  ])('agrees that %s is valid', (_name, xml) => {
    expect(xmllint(ETRANSPORT_XSD, [Buffer.from(xml)]).status).toBe(0);
  });

  it.each(INVALID)('agrees that %s is invalid', (_name, xml) => {
    expect(xmllint(ETRANSPORT_XSD, [Buffer.from(xml)]).status).not.toBe(0);
  });
});

describe('e-Transport code lists', () => {
  it.each([
    ['CodTipOperatiuneType', codes.OPERATION_TYPES],
    ['CodScopOperatiuneType', codes.OPERATION_PURPOSES],
    ['CodJudetType', codes.COUNTY_NUMBERS],
    ['CodPtfType', codes.BORDER_POINTS],
    ['CodBirouVamalType', codes.CUSTOMS_OFFICES],
    ['CodTaraType', codes.COUNTRY_CODES],
    ['TipConfirmareType', codes.CONFIRMATION_TYPES],
    ['TipDocumentType', codes.DOCUMENT_TYPES],
  ] as const)('match %s in the schema', (typeName, list) => {
    expect(new Set(list)).toEqual(schemaEnumeration(typeName));
  });
});
