// The fields e-Transport's list shows for a declaration, read from its XML
// (namespace mfp:anaf:dgti:eTransport:declaratie:v2), and new UIT codes.
import { randomInt } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import type { EtransportSummary } from './records.ts';

const ETRANSPORT_NS = 'mfp:anaf:dgti:eTransport:declaratie:v2';

// The list's `tip` for each kind of declaration.
const DECLARATION_TYPES: Record<string, string> = {
  notificare: 'NOT',
  stergere: 'DEL',
  confirmare: 'CON',
  modifVehicul: 'MVH',
};

type XmlElement = NonNullable<
  ReturnType<DOMParser['parseFromString']>['documentElement']
>;

function children(element: XmlElement, localName: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (let node = element.firstChild; node !== null; node = node.nextSibling) {
    const child = node as XmlElement;
    if (
      child.nodeType === 1 &&
      child.localName === localName &&
      child.namespaceURI === ETRANSPORT_NS
    ) {
      found.push(child);
    }
  }
  return found;
}

function firstChildElement(element: XmlElement): XmlElement | null {
  for (let node = element.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 1) return node as XmlElement;
  }
  return null;
}

function attribute(
  element: XmlElement | undefined,
  name: string,
): string | null {
  if (!element || !element.hasAttribute(name)) return null;
  return element.getAttribute(name);
}

function sum(values: (string | null)[]): string {
  const total = values.reduce((acc, value) => acc + Number(value ?? 0), 0);
  return total.toFixed(2);
}

/** Reads a declaration that checkEtransportDeclaration has accepted. */
export function summarizeDeclaration(body: Buffer): EtransportSummary {
  const parser = new DOMParser({ onError: () => undefined });
  const root = parser.parseFromString(
    body.toString('utf8'),
    'text/xml',
  ).documentElement;
  if (!root) throw new Error('The declaration has no root element');

  const declaration = firstChildElement(root);
  const kind = declaration?.localName ?? '';
  const notice = kind === 'notificare' && declaration ? declaration : null;
  const goods = notice ? children(notice, 'bunuriTransportate') : [];
  const partner = notice ? children(notice, 'partenerComercial')[0] : undefined;
  const transport = notice ? children(notice, 'dateTransport')[0] : undefined;
  const correction = notice ? children(notice, 'corectie')[0] : undefined;

  return {
    tip: correction ? 'COR' : (DECLARATION_TYPES[kind] ?? kind),
    codTipOperatiune: attribute(notice ?? undefined, 'codTipOperatiune'),
    dataTransport: attribute(transport, 'dataTransport'),
    partnerCountry: attribute(partner, 'codTara'),
    partnerCode: attribute(partner, 'cod'),
    partnerName: attribute(partner, 'denumire'),
    carrierCountry: attribute(transport, 'codTaraOrgTransport'),
    carrierCode: attribute(transport, 'codOrgTransport'),
    carrierName: attribute(transport, 'denumireOrgTransport'),
    vehicle: attribute(transport, 'nrVehicul'),
    lineCount: goods.length,
    grossWeight: sum(goods.map((line) => attribute(line, 'greutateBruta'))),
    netWeight: sum(goods.map((line) => attribute(line, 'greutateNeta'))),
    value: sum(goods.map((line) => attribute(line, 'valoareLeiFaraTva'))),
    codDeclarant: attribute(root, 'codDeclarant'),
    refDeclarant: attribute(root, 'refDeclarant') ?? '',
    // A correction, deletion, confirmation or vehicle change names the UIT
    // of the notice it refers to.
    uit: attribute(correction ?? declaration ?? undefined, 'uit'),
  };
}

// UIT alphabet: digits and capitals without O, I, Z, S, G and B, which look
// like 0, 1, 2, 5, 6 and 8 (from the declaration schema's UitType).
const UIT_ALPHABET = '0123456789ACDEFHJKLMNPQRTUVWXY';

/** A new UIT: 14 characters, then the last two digits of their ASCII sum. */
export function newUit(): string {
  let body = '';
  for (let i = 0; i < 14; i += 1) {
    body += UIT_ALPHABET[randomInt(UIT_ALPHABET.length)];
  }
  let asciiSum = 0;
  for (const character of body) asciiSum += character.charCodeAt(0);
  return body + String(asciiSum % 100).padStart(2, '0');
}
