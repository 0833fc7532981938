/**
 * Recognises an ANAF response body by its bytes. ANAF's Content-Type headers
 * are unreliable (JSON errors arrive as `text/plain`, ZIPs as
 * `application/octet-stream`, the firewall page as `text/html` on HTTP 200),
 * so every parser starts from what the body is.
 */
import { redactText } from '../log/redact.ts';

export type BodyKind =
  'empty' | 'zip' | 'pdf' | 'json' | 'html' | 'xml' | 'text';

const decoder = new TextDecoder('utf-8');

/** Decodes UTF-8 and drops a byte order mark. Invalid bytes become U+FFFD. */
export function bodyText(body: Uint8Array): string {
  const text = decoder.decode(body);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function startsWithBytes(body: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => body[i] === byte);
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** Classifies a body by its first bytes, after a BOM and white space. */
export function sniffBody(body: Uint8Array): BodyKind {
  if (
    startsWithBytes(body, ZIP_LOCAL_HEADER) ||
    startsWithBytes(body, ZIP_EMPTY_ARCHIVE)
  ) {
    return 'zip';
  }
  if (startsWithBytes(body, PDF_MAGIC)) return 'pdf';

  const head = bodyText(body.subarray(0, 512)).trimStart();
  if (head === '') return 'empty';
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (/^<(!doctype\s+html|html)[\s>]/i.test(head)) return 'html';
  if (/^<(\?xml|[A-Za-z_])/.test(head)) return 'xml';
  return 'text';
}

/** Returns a short, redacted excerpt of a body for an error message. */
export function bodyExcerpt(body: Uint8Array, length = 80): string {
  const text = bodyText(body.subarray(0, length * 4))
    .replace(/\p{Cc}+/gu, ' ')
    .trim();
  const cut = text.length > length ? `${text.slice(0, length)}...` : text;
  return redactText(cut);
}

/** Describes what arrived, for `anaf.badResponse` messages. */
export function describeBody(body: Uint8Array): string {
  const kind = sniffBody(body);
  if (kind === 'empty') {
    return body.length === 0 ? 'an empty body' : 'a body of white space';
  }
  const size = `${body.length} bytes`;
  if (kind === 'zip' || kind === 'pdf') {
    return `a ${kind.toUpperCase()} body (${size})`;
  }
  const label = kind === 'text' ? 'plain text' : kind.toUpperCase();
  return `${label} (${size}): "${bodyExcerpt(body)}"`;
}

export type JsonParse =
  { ok: true; value: unknown } | { ok: false; reason: 'truncated' | 'invalid' };

/**
 * Parses JSON and tolerates one known defect: extra closing brackets after a
 * complete value, as in the swagger's own daily-limit example for
 * `descarcare` (a stray trailing `}`). A body that stops before its value is
 * complete is reported as truncated.
 */
export function parseJsonLenient(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Fall through to find out whether the value is cut short or followed
    // by stray brackets.
  }
  const end = endOfFirstValue(text);
  if (end === null) return { ok: false, reason: 'truncated' };
  if (!/^[\s}\]]*$/.test(text.slice(end))) {
    return { ok: false, reason: 'invalid' };
  }
  try {
    return { ok: true, value: JSON.parse(text.slice(0, end)) as unknown };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
}

/**
 * Returns the index just past the first top-level object or array, or null
 * when the text ends inside it. Brackets inside strings do not count.
 */
function endOfFirstValue(text: string): number | null {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return null;
}

/** Checks whether a value is a plain JSON object. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
