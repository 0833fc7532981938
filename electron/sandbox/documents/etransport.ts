// The e-Transport declaration check: well-formed XML whose root is
// `eTransport` in the version 2 namespace, validated against the v2 schema's
// content models, required attributes and simple types. Messages use the
// Xerces wording of ANAF's e-Factura schema errors.
// NOTE: the wording of ANAF's own e-Transport schema errors is not documented.
import type { Element } from '@xmldom/xmldom';

import { TYPES, type SimpleType } from './etransport-types.ts';
import { formatSaxMessage } from './xml-problem.ts';
import { parseXml, positionOf } from './xml.ts';

export const ETRANSPORT_NAMESPACE = 'mfp:anaf:dgti:eTransport:declaratie:v2';

const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

interface AttributeModel {
  type: SimpleType;
  required?: boolean;
}

interface Particle {
  name: string;
  min: number;
  max: number;
}

interface ElementModel {
  attributes: Record<string, AttributeModel>;
  /** Child elements: none, a sequence, or exactly one of a choice. */
  content:
    | { kind: 'empty' }
    | { kind: 'sequence'; particles: Particle[] }
    | { kind: 'choice'; names: string[] };
}

const EMPTY = { kind: 'empty' } as const;
const required = (type: SimpleType): AttributeModel => ({
  type,
  required: true,
});
const optional = (type: SimpleType): AttributeModel => ({ type });
const UNBOUNDED = Number.POSITIVE_INFINITY;

const ROUTE_POINT: ElementModel = {
  attributes: {
    codPtf: optional(TYPES.borderPoint),
    codBirouVamal: optional(TYPES.customsOffice),
  },
  content: {
    kind: 'sequence',
    particles: [{ name: 'locatie', min: 0, max: 1 }],
  },
};

const CORRECTION: ElementModel = {
  attributes: { uit: required(TYPES.uit) },
  content: EMPTY,
};

const MODELS: Record<string, ElementModel> = {
  eTransport: {
    attributes: {
      codDeclarant: required(TYPES.codDeclarant),
      refDeclarant: optional(TYPES.str50),
      declPostAvarie: optional(TYPES.declPostAvarie),
    },
    content: {
      kind: 'choice',
      names: ['notificare', 'stergere', 'confirmare', 'modifVehicul'],
    },
  },
  notificare: {
    attributes: { codTipOperatiune: required(TYPES.operationType) },
    content: {
      kind: 'sequence',
      particles: [
        { name: 'corectie', min: 0, max: 1 },
        { name: 'bunuriTransportate', min: 1, max: UNBOUNDED },
        { name: 'partenerComercial', min: 1, max: 1 },
        { name: 'dateTransport', min: 1, max: 1 },
        { name: 'locStartTraseuRutier', min: 1, max: 1 },
        { name: 'locFinalTraseuRutier', min: 1, max: 1 },
        { name: 'documenteTransport', min: 1, max: UNBOUNDED },
        { name: 'notificareAnterioara', min: 0, max: UNBOUNDED },
      ],
    },
  },
  corectie: CORRECTION,
  stergere: CORRECTION,
  confirmare: {
    attributes: {
      uit: required(TYPES.uit),
      tipConfirmare: required(TYPES.confirmation),
      observatii: optional(TYPES.str200),
    },
    content: EMPTY,
  },
  modifVehicul: {
    attributes: {
      uit: required(TYPES.uit),
      nrVehicul: required(TYPES.nrVehicul),
      nrRemorca1: optional(TYPES.nrVehicul),
      nrRemorca2: optional(TYPES.nrVehicul),
      dataModificare: required(TYPES.dateTime),
      observatii: optional(TYPES.str200),
    },
    content: EMPTY,
  },
  bunuriTransportate: {
    attributes: {
      codScopOperatiune: required(TYPES.operationPurpose),
      codTarifar: optional(TYPES.codTarifar),
      denumireMarfa: required(TYPES.str200),
      cantitate: required(TYPES.positiveAmount),
      codUnitateMasura: required(TYPES.codUm),
      greutateNeta: optional(TYPES.positiveAmount),
      greutateBruta: required(TYPES.positiveAmount),
      valoareLeiFaraTva: optional(TYPES.nonNegativeAmount),
      refDeclarant: optional(TYPES.str50),
    },
    content: EMPTY,
  },
  notificareAnterioara: {
    attributes: {
      uit: required(TYPES.uit),
      observatii: optional(TYPES.str200),
      refDeclarant: optional(TYPES.str50),
    },
    content: EMPTY,
  },
  partenerComercial: {
    attributes: {
      codTara: required(TYPES.country),
      cod: optional(TYPES.cod30),
      denumire: required(TYPES.str200),
    },
    content: EMPTY,
  },
  dateTransport: {
    attributes: {
      nrVehicul: required(TYPES.nrVehicul),
      nrRemorca1: optional(TYPES.nrVehicul),
      nrRemorca2: optional(TYPES.nrVehicul),
      codTaraOrgTransport: required(TYPES.country),
      codOrgTransport: optional(TYPES.cod30),
      denumireOrgTransport: required(TYPES.str200),
      dataTransport: required(TYPES.date),
    },
    content: EMPTY,
  },
  locStartTraseuRutier: ROUTE_POINT,
  locFinalTraseuRutier: ROUTE_POINT,
  locatie: {
    attributes: {
      codJudet: required(TYPES.county),
      denumireLocalitate: required(TYPES.str100),
      denumireStrada: required(TYPES.str100),
      numar: optional(TYPES.str20),
      bloc: optional(TYPES.str30),
      scara: optional(TYPES.str20),
      etaj: optional(TYPES.str20),
      apartament: optional(TYPES.str20),
      alteInfo: optional(TYPES.str200),
      codPostal: optional(TYPES.str20),
    },
    content: EMPTY,
  },
  documenteTransport: {
    attributes: {
      tipDocument: required(TYPES.documentType),
      numarDocument: optional(TYPES.str50),
      dataDocument: required(TYPES.date),
      observatii: optional(TYPES.str200),
    },
    content: EMPTY,
  },
};

type Report = (element: Element, message: string) => void;

function expectedList(names: string[]): string {
  return names.map((name) => `"${ETRANSPORT_NAMESPACE}":${name}`).join(', ');
}

function checkAttributes(
  element: Element,
  model: ElementModel,
  report: Report,
): void {
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes.item(i);
    if (
      !attribute ||
      attribute.namespaceURI === XMLNS_NAMESPACE ||
      attribute.namespaceURI === XSI_NAMESPACE
    )
      continue;
    const declared = attribute.namespaceURI
      ? undefined
      : model.attributes[attribute.localName ?? attribute.name];
    if (!declared) {
      report(
        element,
        `cvc-complex-type.3.2.2: Attribute '${attribute.name}' is not allowed to appear in element '${element.tagName}'.`,
      );
      continue;
    }
    const problem = declared.type.check(attribute.value);
    if (problem) {
      report(element, problem);
      report(
        element,
        `cvc-attribute.3: The value '${attribute.value}' of attribute '${attribute.name}' on element '${element.tagName}' is not valid with respect to its type, '${declared.type.name}'.`,
      );
    }
  }
  for (const [name, declared] of Object.entries(model.attributes)) {
    if (
      declared.required &&
      !element.hasAttributeNS(null, name) &&
      !element.hasAttribute(name)
    ) {
      report(
        element,
        `cvc-complex-type.4: Attribute '${name}' must appear on element '${element.tagName}'.`,
      );
    }
  }
}

function elementChildren(element: Element): Element[] {
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) found.push(node as Element);
  }
  return found;
}

function hasText(element: Element): boolean {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (
      (node.nodeType === 3 || node.nodeType === 4) &&
      (node.nodeValue ?? '').trim() !== ''
    )
      return true;
  }
  return false;
}

/** Matches children against a sequence; returns the children that matched a particle. */
function checkSequence(
  element: Element,
  particles: Particle[],
  report: Report,
): Element[] {
  const matched: Element[] = [];
  let index = 0;
  let count = 0;
  for (const childElement of elementChildren(element)) {
    const name =
      childElement.namespaceURI === ETRANSPORT_NAMESPACE
        ? childElement.localName
        : null;
    let placed = false;
    while (index < particles.length) {
      const particle = particles[index];
      if (!particle) break;
      if (name === particle.name && count < particle.max) {
        count++;
        matched.push(childElement);
        placed = true;
        break;
      }
      if (name !== particle.name && count < particle.min) break;
      index++;
      count = 0;
    }
    if (!placed) {
      const particle = particles[index];
      report(
        childElement,
        particle
          ? `cvc-complex-type.2.4.a: Invalid content was found starting with element '${childElement.tagName}'. One of '{${expectedList([particle.name])}}' is expected.`
          : `cvc-complex-type.2.4.d: Invalid content was found starting with element '${childElement.tagName}'. No child element is expected at this point.`,
      );
      return matched;
    }
  }
  const missing = particles
    .slice(index)
    .find((particle, offset) => (offset === 0 ? count : 0) < particle.min);
  if (missing) {
    report(
      element,
      `cvc-complex-type.2.4.b: The content of element '${element.tagName}' is not complete. One of '{${expectedList([missing.name])}}' is expected.`,
    );
  }
  return matched;
}

function checkChoice(
  element: Element,
  names: string[],
  report: Report,
): Element[] {
  const [first, second] = elementChildren(element);
  if (!first) {
    report(
      element,
      `cvc-complex-type.2.4.b: The content of element '${element.tagName}' is not complete. One of '{${expectedList(names)}}' is expected.`,
    );
    return [];
  }
  if (
    first.namespaceURI !== ETRANSPORT_NAMESPACE ||
    !names.includes(first.localName ?? '')
  ) {
    report(
      first,
      `cvc-complex-type.2.4.a: Invalid content was found starting with element '${first.tagName}'. One of '{${expectedList(names)}}' is expected.`,
    );
    return [];
  }
  if (second) {
    report(
      second,
      `cvc-complex-type.2.4.d: Invalid content was found starting with element '${second.tagName}'. No child element is expected at this point.`,
    );
  }
  return [first];
}

function checkElement(element: Element, report: Report): void {
  const model = MODELS[element.localName ?? ''];
  if (!model) return;
  checkAttributes(element, model, report);
  const content = model.content;
  if (content.kind === 'empty') {
    if (elementChildren(element).length > 0 || hasText(element)) {
      report(
        element,
        `cvc-complex-type.2.1: Element '${element.tagName}' must have no character or element information item [children], because the type's content type is empty.`,
      );
    }
    return;
  }
  if (hasText(element)) {
    report(
      element,
      `cvc-complex-type.2.3: Element '${element.tagName}' cannot have character [children], because the type's content type is element-only.`,
    );
  }
  const matched =
    content.kind === 'sequence'
      ? checkSequence(element, content.particles, report)
      : checkChoice(element, content.names, report);
  for (const childElement of matched) checkElement(childElement, report);
}

/** Checks an e-Transport declaration; returns every problem as a SAX-style message, empty when valid. */
export function checkEtransportDeclaration(body: Buffer): string[] {
  const parsed = parseXml(body);
  if (!parsed.ok) return [formatSaxMessage(parsed.problem)];
  const root = parsed.document.documentElement;
  if (
    !root ||
    root.namespaceURI !== ETRANSPORT_NAMESPACE ||
    root.localName !== 'eTransport'
  ) {
    const position = root
      ? positionOf(root)
      : { lineNumber: 1, columnNumber: 1 };
    return [
      formatSaxMessage({
        ...position,
        message: `cvc-elt.1.a: Cannot find the declaration of element '${root?.tagName ?? ''}'.`,
      }),
    ];
  }
  const messages: string[] = [];
  checkElement(root, (element, message) =>
    messages.push(formatSaxMessage({ ...positionOf(element), message })),
  );
  return messages;
}
