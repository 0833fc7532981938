// Namespace-aware XML parsing for uploads. Elements are always matched by
// namespace URI and local name, never by prefix, because any prefix (or none)
// may be bound to the UBL and CII namespaces.
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

import { decodeXml } from './xml-decode.ts';
import { positionAt, type XmlProblem } from './xml-problem.ts';

export const NS = {
  ublInvoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  ublCreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

export type ParseResult =
  | { ok: true; document: Document; text: string; encoding: string }
  | { ok: false; problem: XmlProblem };

// Control characters, U+FFFE/U+FFFF and unpaired surrogates are outside
// XML 1.0's Char production, so matching them is the point of this pattern.
const INVALID_CHARACTER =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Finds a character XML 1.0 does not allow anywhere in a document. */
function findInvalidCharacter(text: string): XmlProblem | null {
  const match = INVALID_CHARACTER.exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0).toString(16);
  return {
    ...positionAt(text, match.index),
    message: `An invalid XML character (Unicode: 0x${code}) was found in the element content of the document.`,
  };
}

/**
 * Finds a DOCTYPE declaration in the prolog. Uploads never need one, and
 * refusing it outright means no entity is ever declared or expanded.
 */
function findDoctype(text: string): XmlProblem | null {
  let offset = 0;
  for (;;) {
    const rest = text.slice(offset);
    const space = /^\s+/.exec(rest);
    if (space) {
      offset += space[0].length;
      continue;
    }
    if (rest.startsWith('<?') || rest.startsWith('<!--')) {
      const end = rest.startsWith('<?')
        ? rest.indexOf('?>')
        : rest.indexOf('-->');
      if (end < 0) return null;
      offset += end + (rest.startsWith('<?') ? 2 : 3);
      continue;
    }
    if (!rest.startsWith('<!DOCTYPE')) return null;
    return {
      ...positionAt(text, offset + '<!DOCTYPE'.length),
      message:
        'DOCTYPE is disallowed when the feature "http://apache.org/xml/features/disallow-doctype-decl" set to true.',
    };
  }
}

/** Rewords the parser's messages the way Xerces words the same faults. */
function saxWording(message: string): string {
  const mismatch =
    /^Opening and ending tag mismatch: "([^"]*)" != "([^"]*)"/.exec(message);
  if (mismatch) {
    return `The element type "${mismatch[1]}" must be terminated by the matching end-tag "</${mismatch[1]}>".`;
  }
  const entity = /^entity not found:&([^;]*);/.exec(message);
  if (entity)
    return `The entity "${entity[1]}" was referenced, but not declared.`;
  if (
    message.startsWith('unclosed xml tag') ||
    message.startsWith('unexpected end of input')
  ) {
    return 'XML document structures must start and end within the same entity.';
  }
  if (message.startsWith('missing root element'))
    return 'Premature end of file.';
  if (message.startsWith('Unexpected content outside root element')) {
    return 'Content is not allowed in prolog.';
  }
  if (message.startsWith('Extra content at the end of the document')) {
    return 'Content is not allowed in trailing section.';
  }
  if (message.includes('Only one element can be added')) {
    return 'The markup in the document following the root element must be well-formed.';
  }
  return message;
}

/** Parses uploaded bytes into a namespace-aware DOM, or reports the first problem. */
export function parseXml(bytes: Buffer): ParseResult {
  const decoded = decodeXml(bytes);
  if (!decoded.ok) return decoded;
  const { text, encoding } = decoded;
  if (text.trim() === '') {
    return {
      ok: false,
      problem: {
        lineNumber: 1,
        columnNumber: 1,
        message: 'Premature end of file.',
      },
    };
  }
  const early = findInvalidCharacter(text) ?? findDoctype(text);
  if (early) return { ok: false, problem: early };

  let first: XmlProblem | null = null;
  const parser = new DOMParser({
    locator: true,
    // Warnings count too: xmldom warns about faults (an unquoted attribute
    // value) that make a document not well-formed.
    onError: (_level, message, context) => {
      if (first) return;
      const locator = (
        context as
          | { locator?: { lineNumber?: number; columnNumber?: number } }
          | undefined
      )?.locator;
      first = {
        lineNumber: Math.max(locator?.lineNumber ?? 1, 1),
        columnNumber: Math.max(locator?.columnNumber ?? 1, 1),
        message: saxWording(message),
      };
    },
  });
  let document: Document | null = null;
  try {
    document = parser.parseFromString(text, 'text/xml');
  } catch {
    // The problem was already recorded by onError before the parser stopped.
  }
  if (first) return { ok: false, problem: first };
  if (!document?.documentElement || document.doctype) {
    return {
      ok: false,
      problem: {
        lineNumber: 1,
        columnNumber: 1,
        message: 'Premature end of file.',
      },
    };
  }
  return { ok: true, document, text, encoding };
}

/** Lists the child elements with this namespace and local name. */
export function children(
  parent: Element | null,
  ns: string,
  localName: string,
): Element[] {
  if (!parent) return [];
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.namespaceURI === ns && element.localName === localName)
      found.push(element);
  }
  return found;
}

/** Returns the first child element with this namespace and local name. */
export function child(
  parent: Element | null,
  ns: string,
  localName: string,
): Element | null {
  return children(parent, ns, localName)[0] ?? null;
}

/** Follows a path of [namespace, local name] steps, taking the first match at each step. */
export function descend(
  parent: Element | null,
  ...steps: Array<readonly [string, string]>
): Element | null {
  let current = parent;
  for (const [ns, localName] of steps) {
    current = child(current, ns, localName);
    if (!current) return null;
  }
  return current;
}

/** Returns an element's trimmed text, or null for a missing or empty element. */
export function textOf(element: Element | null): string | null {
  const text = element?.textContent?.trim();
  return text ? text : null;
}

/** Returns the 1-based position where an element starts in the source text. */
export function positionOf(element: Element): {
  lineNumber: number;
  columnNumber: number;
} {
  return {
    lineNumber: element.lineNumber ?? 1,
    columnNumber: element.columnNumber ?? 1,
  };
}
