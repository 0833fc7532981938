// Turns uploaded bytes into text the way an XML parser must: a byte order
// mark wins, then the encoding the XML declaration names, else UTF-8.
import iconv from 'iconv-lite';

import { positionAt, type XmlProblem } from './xml-problem.ts';

export type DecodeResult =
  | { ok: true; text: string; encoding: string }
  | { ok: false; problem: XmlProblem };

const DECLARED_ENCODING = /^<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']/;

/** Detects the encoding from a byte order mark or UTF-16 "<?" bytes. */
function encodingFromBytes(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f)
    return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00)
    return 'utf-16be';
  return null;
}

/** Reads the encoding name of the XML declaration, if there is one. */
function declaredEncoding(
  bytes: Buffer,
  byteEncoding: string | null,
): string | null {
  const head = iconv.decode(bytes.subarray(0, 400), byteEncoding ?? 'latin1');
  const match = DECLARED_ENCODING.exec(head.replace(/^\uFEFF/, ''));
  return match ? (match[1] ?? null) : null;
}

/** Returns the offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead < 0xe0
          ? 2
          : lead >= 0xe0 && lead < 0xf0
            ? 3
            : lead >= 0xf0 && lead < 0xf5
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    // Overlong three- and four-byte forms, UTF-16 surrogates and values past
    // U+10FFFF are not UTF-8 either.
    const second = bytes[i + 1] ?? 0;
    if (lead === 0xe0 && second < 0xa0) return i;
    if (lead === 0xed && second >= 0xa0) return i;
    if (lead === 0xf0 && second < 0x90) return i;
    if (lead === 0xf4 && second >= 0x90) return i;
    i += length;
  }
  return -1;
}

/** Decodes an XML document's bytes to a string without a byte order mark. */
export function decodeXml(bytes: Buffer): DecodeResult {
  const byteEncoding = encodingFromBytes(bytes);
  const declared = declaredEncoding(bytes, byteEncoding);
  const encoding = byteEncoding ?? declared ?? 'utf-8';
  if (!iconv.encodingExists(encoding)) {
    return {
      ok: false,
      problem: {
        lineNumber: 1,
        columnNumber: 1,
        message: `Invalid encoding name "${encoding}".`,
      },
    };
  }
  if (/^utf-?8$/i.test(encoding)) {
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) {
      const prefix = bytes.subarray(0, bad).toString('utf8');
      return {
        ok: false,
        problem: {
          ...positionAt(prefix, prefix.length),
          message: 'Invalid byte 1 of 1-byte UTF-8 sequence.',
        },
      };
    }
  }
  const text = iconv.decode(bytes, encoding, { stripBOM: true });
  return { ok: true, text, encoding };
}
