/**
 * Strict, entity-free XML reading for ANAF's responses. Elements are matched by
 * namespace URI and local name, never by prefix, because the prefix is the
 * sender's choice.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';

/** The error raised when a text is not acceptable XML. */
export class XmlReadError extends Error {
  override readonly name = 'XmlReadError';
}

/**
 * Parses an XML document. Throws `XmlReadError` for malformed text and for
 * any document type declaration, because ANAF's responses never carry one and
 * a DTD is how entity expansion attacks arrive.
 */
export function parseXmlDocument(text: string): Element {
  if (/<!DOCTYPE/i.test(text)) {
    throw new XmlReadError('the XML contains a DOCTYPE declaration');
  }
  const parser = new DOMParser({
    locator: false,
    onError: (level, message) => {
      if (level !== 'warning') throw new XmlReadError(message);
    },
  });
  let root: Element | null;
  try {
    root = parser.parseFromString(text, 'text/xml').documentElement;
  } catch (error) {
    if (error instanceof XmlReadError) throw error;
    throw new XmlReadError(
      error instanceof Error ? error.message : 'malformed',
    );
  }
  if (!root) throw new XmlReadError('the XML has no root element');
  return root;
}

const ELEMENT_NODE = 1;

/** Checks whether an element has the given namespace URI and local name. */
export function isElement(
  element: Element,
  namespace: string,
  localName: string,
): boolean {
  return element.namespaceURI === namespace && element.localName === localName;
}

/** Returns the direct child elements with a namespace URI and local name. */
export function childElements(
  parent: Element,
  namespace: string,
  localName: string,
): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    if (isElement(element, namespace, localName)) found.push(element);
  }
  return found;
}

/** Returns an unqualified attribute's value, or null when it is absent. */
export function attribute(element: Element, name: string): string | null {
  return element.hasAttribute(name) ? element.getAttribute(name) : null;
}
