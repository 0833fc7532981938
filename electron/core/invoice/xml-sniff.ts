/**
 * A quick look at the root element of an XML document without parsing it,
 * to route a document to the right reader. The reader then parses the whole
 * document with every check, so a wrong guess here only leads to that
 * reader's clear error.
 */
import { AppFailure } from '../../../shared/result.ts';

import { decodeXmlBytes } from './xml-encoding.ts';

export interface RootElementName {
  localName: string;
  /** Namespace URI bound to the root's prefix on the root itself, else `null`. */
  namespace: string | null;
}

/**
 * Returns the root element's local name and namespace, or `null` when the
 * bytes cannot be decoded or no start tag is found in the first 64 KB.
 */
export function sniffRootElement(
  bytes: Uint8Array,
  maxBytes: number,
): RootElementName | null {
  let text: string;
  try {
    text = decodeXmlBytes(bytes, maxBytes).slice(0, 64 * 1024);
  } catch (error) {
    if (error instanceof AppFailure) return null;
    throw error;
  }

  const startTag = firstStartTag(text);
  if (!startTag) return null;

  const [qualifiedName = ''] = startTag.split(/[\s/>]/, 1);
  const colon = qualifiedName.indexOf(':');
  const prefix = colon >= 0 ? qualifiedName.slice(0, colon) : '';
  const localName = qualifiedName.slice(colon + 1);
  const attributeName = prefix ? `xmlns:${prefix}` : 'xmlns';
  const declaration = new RegExp(
    `\\s${escapeRegExp(attributeName)}\\s*=\\s*(["'])(.*?)\\1`,
  ).exec(startTag);

  return { localName, namespace: declaration?.[2] ?? null };
}

/** Returns the text of the first start tag after the prolog, without its '<'. */
function firstStartTag(text: string): string | null {
  let i = 0;
  for (;;) {
    i = text.indexOf('<', i);
    if (i < 0) return null;

    if (text.startsWith('<?', i)) i = text.indexOf('?>', i);
    else if (text.startsWith('<!--', i)) i = text.indexOf('-->', i);
    else if (text.startsWith('<!', i)) i = text.indexOf('>', i);
    else {
      const end = text.indexOf('>', i);
      return end < 0 ? null : text.slice(i + 1, end + 1);
    }
    if (i < 0) return null;
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
