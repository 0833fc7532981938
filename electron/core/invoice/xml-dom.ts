/**
 * Safe XML parsing with @xmldom/xmldom. No DOCTYPE is accepted, so no entity
 * can be declared. That blocks external entities (XXE) and entity expansion
 * bombs before the text reaches the parser. xmldom 0.9 does not fetch
 * external resources in any case.
 */
import {
  DOMParser,
  ParseError,
  type Document,
  type Element,
} from '@xmldom/xmldom';

import { documentFailure } from './failure.ts';
import { lineAt } from './xml-encoding.ts';

const NEXT_STEP_MALFORMED =
  'Open the file in an XML editor and correct it, or ask the sender for a corrected file.';

/** Characters that XML 1.0 forbids anywhere in a document. */
const FORBIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Markup where '&' is plain text (CDATA, comments, processing instructions),
 * or an '&' that does not start a character or entity reference.
 */
const RAW_SECTION_OR_BARE_AMPERSAND =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|&(?!(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z_:][\w.:-]*);)/g;

/**
 * Parses XML text into a namespace-aware DOM. Throws an `input.invalid`
 * failure naming the line for a DOCTYPE, a forbidden character, a bare '&'
 * or any error or warning that xmldom reports.
 */
export function parseXml(text: string): Document {
  rejectDoctype(text);
  rejectForbiddenCharacters(text);
  rejectBareAmpersands(text);

  const document = parseWithXmldom(text);
  if (document.doctype) {
    throw doctypeFailure(1);
  }
  return document;
}

/**
 * Runs xmldom and stops at its first error or warning. xmldom wraps what
 * `onError` throws without keeping it, so the first report is kept here.
 */
function parseWithXmldom(text: string): Document {
  const reports: Array<{ message: string; line: number | null }> = [];
  const parser = new DOMParser({
    onError: (_level, message, context: unknown) => {
      // A literal U+FFFD is legal XML; an encoding that produced it by
      // mistake has already been rejected while decoding.
      if (message.startsWith('Unicode replacement character')) return;
      reports.push({ message, line: locatorLine(context) });
      throw new Error(message);
    },
  });

  try {
    return parser.parseFromString(text, 'text/xml');
  } catch (error) {
    const report = reports[0] ?? parseErrorReport(error);
    throw documentFailure(
      'notWellFormed',
      `The file is not well-formed XML${report.line ? ` at line ${report.line}` : ''}: ${report.message}. ${NEXT_STEP_MALFORMED}`,
      { line: report.line },
    );
  }
}

function parseErrorReport(error: unknown): {
  message: string;
  line: null;
} {
  if (error instanceof ParseError)
    return { message: error.message, line: null };
  throw error;
}

function locatorLine(context: unknown): number | null {
  const locator = (context as { locator?: { lineNumber?: unknown } } | null)
    ?.locator;
  return typeof locator?.lineNumber === 'number' ? locator.lineNumber : null;
}

/** Walks the prolog (declaration, comments, PIs) and rejects a DOCTYPE. */
function rejectDoctype(text: string): void {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s|\uFEFF/.test(text.charAt(i))) i++;

    if (text.startsWith('<?', i)) {
      i = skipPast(text, i, '?>');
    } else if (text.startsWith('<!--', i)) {
      i = skipPast(text, i, '-->');
    } else if (text.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      throw doctypeFailure(lineAt(text, i));
    } else {
      return;
    }
    if (i < 0) return;
  }
}

function skipPast(text: string, from: number, end: string): number {
  const found = text.indexOf(end, from);
  return found < 0 ? -1 : found + end.length;
}

function doctypeFailure(line: number): Error {
  return documentFailure(
    'doctype',
    `The file contains a DOCTYPE declaration at line ${line}. Invoices never need one, and it is rejected because it can define entities that expand to huge text or read local files (XXE). Remove the DOCTYPE and try again.`,
    { line },
  );
}

function rejectForbiddenCharacters(text: string): void {
  const match = FORBIDDEN_CHARACTER.exec(text);
  if (!match) return;

  const code = match[0]
    .charCodeAt(0)
    .toString(16)
    .toUpperCase()
    .padStart(4, '0');
  const line = lineAt(text, match.index);
  throw documentFailure(
    'notWellFormed',
    `The file is not well-formed XML at line ${line}: it contains the control character U+${code}, which XML does not allow (the file may be binary or damaged). ${NEXT_STEP_MALFORMED}`,
    { line },
  );
}

function rejectBareAmpersands(text: string): void {
  RAW_SECTION_OR_BARE_AMPERSAND.lastIndex = 0;
  for (const match of text.matchAll(RAW_SECTION_OR_BARE_AMPERSAND)) {
    if (match[0] !== '&') continue;

    const line = lineAt(text, match.index);
    throw documentFailure(
      'notWellFormed',
      `The file is not well-formed XML at line ${line}: an '&' must be written as '&amp;'. ${NEXT_STEP_MALFORMED}`,
      { line },
    );
  }
}

export type { Document, Element };
