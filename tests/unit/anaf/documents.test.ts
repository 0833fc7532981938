import { describe, expect, it } from 'vitest';
import { buildBuyerMessage } from '../../../electron/core/anaf/buyer-message.ts';
import { parseErrorDocument } from '../../../electron/core/anaf/error-document.ts';
import { parseXmlDocument } from '../../../electron/core/anaf/xml.ts';
import { failureOf } from './helpers.ts';

const ERROR_DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<header xmlns="mfp:anaf:dgti:efactura:mesajEroriFactuta:v1" Index_incarcare="5009871240" Cif_emitent="11112222">
    <Error errorMessage="E: validari globale SCHEMATRON eroare: [BR-RO-110]-Subdiviziunea tarii vanzatorului trebuie codificata ISO 3166-2:RO"/>
    <Error errorMessage="E: validari globale SCHEMATRON eroare: [BR-CO-15]-Total"/>
    <Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo/></Signature>
</header>`;

describe('parseErrorDocument', () => {
  it('reads every error', () => {
    expect(parseErrorDocument(ERROR_DOCUMENT).errors).toEqual([
      'E: validari globale SCHEMATRON eroare: [BR-RO-110]-Subdiviziunea tarii vanzatorului trebuie codificata ISO 3166-2:RO',
      'E: validari globale SCHEMATRON eroare: [BR-CO-15]-Total',
    ]);
  });

  it('reads the index and seller', () => {
    const document = parseErrorDocument(ERROR_DOCUMENT);
    expect(document.uploadIndex).toBe('5009871240');
    expect(document.sellerCif).toBe('11112222');
  });

  it('rejects another namespace', () => {
    const failure = failureOf(() =>
      parseErrorDocument('<header xmlns="urn:x"/>'),
    );
    expect(failure.code).toBe('anaf.badResponse');
  });

  it('rejects malformed XML', () => {
    const failure = failureOf(() => parseErrorDocument('<header'));
    expect(failure.code).toBe('anaf.badResponse');
  });
});

describe('buildBuyerMessage', () => {
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

  it('writes the RASP header', () => {
    const root = parseXmlDocument(
      decode(buildBuyerMessage('5009871234', 'Cantitate diferita')),
    );
    expect(root.namespaceURI).toBe('mfp:anaf:dgti:spv:reqMesaj:v1');
    expect(root.getAttribute('index_incarcare')).toBe('5009871234');
  });

  it('escapes the message', () => {
    const text = 'Preț "corect" <nu> & linie\nnouă';
    const root = parseXmlDocument(decode(buildBuyerMessage('1', text)));
    expect(root.getAttribute('message')).toBe(text);
  });

  it('rejects a bad index', () => {
    expect(failureOf(() => buildBuyerMessage('12a', 'x')).code).toBe(
      'input.invalid',
    );
  });

  it('rejects an empty message', () => {
    expect(failureOf(() => buildBuyerMessage('1', '  ')).code).toBe(
      'input.invalid',
    );
  });

  it('rejects control characters', () => {
    expect(failureOf(() => buildBuyerMessage('1', 'a\u0001b')).code).toBe(
      'input.invalid',
    );
  });
});
