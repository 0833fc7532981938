/**
 * Namespace-aware lookups along child paths such as
 * `'cac:PartyLegalEntity/cbc:RegistrationName'`. The prefixes in a path are
 * this module's own (see `PATH_PREFIXES`), so they match the document's
 * elements by namespace URI whatever prefixes the document uses.
 */
import type { Element } from '@xmldom/xmldom';

import { PATH_PREFIXES } from './namespaces.ts';

interface Step {
  namespace: string;
  localName: string;
}

const compiledPaths = new Map<string, Step[]>();

function compile(path: string): Step[] {
  const cached = compiledPaths.get(path);
  if (cached) return cached;

  const steps = path.split('/').map((step): Step => {
    const [prefix, localName] = step.split(':');
    const namespace = prefix ? PATH_PREFIXES[prefix] : undefined;
    if (!namespace || !localName) {
      throw new Error(`Invalid element path step '${step}' in '${path}'`);
    }
    return { namespace, localName };
  });
  compiledPaths.set(path, steps);
  return steps;
}

/** Child elements of `parent` with this namespace URI and local name. */
export function childElements(
  parent: Element,
  namespace: string,
  localName: string,
): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== node.ELEMENT_NODE) continue;
    const element = node as Element;
    if (element.localName === localName && element.namespaceURI === namespace) {
      found.push(element);
    }
  }
  return found;
}

/** Returns every element reached by following `path` from `parent`, in document order. */
export function all(parent: Element | null, path: string): Element[] {
  if (!parent) return [];
  let level: Element[] = [parent];
  for (const step of compile(path)) {
    level = level.flatMap((element) =>
      childElements(element, step.namespace, step.localName),
    );
  }
  return level;
}

/** Returns the first element reached by following `path`, or `null`. */
export function one(parent: Element | null, path: string): Element | null {
  return all(parent, path)[0] ?? null;
}

/**
 * Returns the text of an element with each run of whitespace, line breaks
 * included, joined into one space. It is meant for one-line values such as
 * names and ids, so notes, which keep their line breaks, do not use it.
 * Returns `null` for a missing or blank element.
 */
export function textOf(element: Element | null): string | null {
  const text = element?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

/** One-line text (see `textOf`) of the first element at `path`, or `null`. */
export function text(parent: Element | null, path: string): string | null {
  return textOf(one(parent, path));
}

/** Trimmed attribute value, or `null` when missing or blank. */
export function attribute(
  element: Element | null,
  name: string,
): string | null {
  const value = element?.getAttribute(name)?.trim();
  return value ? value : null;
}
