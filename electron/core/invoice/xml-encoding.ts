/**
 * Bytes to text for XML files: byte order mark first, then the encoding that
 * the XML declaration names, else UTF-8 (the XML default).
 */
import { isUtf8 } from 'node:buffer';

import iconv from 'iconv-lite';

import { documentFailure, formatMegabytes } from './failure.ts';

const NEXT_STEP_ENCODING =
  'Save the file as UTF-8, or declare its real encoding in the XML declaration.';

interface DetectedEncoding {
  /** Lower-case encoding name for iconv-lite, or `'utf-8'`. */
  name: string;
  /** Bytes taken by the byte order mark. */
  bomLength: number;
  /** True when the name comes from a BOM or the byte pattern of UTF-16. */
  fromBytes: boolean;
}

/**
 * Decodes an XML file to a string, checking its size first. Throws an
 * `input.invalid` failure for files over `maxBytes`, files that do not start
 * like XML, unsupported encodings and bytes that are invalid in UTF-8.
 */
export function decodeXmlBytes(bytes: Uint8Array, maxBytes: number): string {
  if (bytes.length > maxBytes) {
    throw documentFailure(
      'tooLarge',
      `The file is ${formatMegabytes(bytes.length)}, over the ${formatMegabytes(maxBytes)} limit for one document. Split the invoice or reduce its attachments.`,
      { size: bytes.length, maxBytes },
    );
  }

  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const encoding = detectEncoding(buffer);
  if (!encoding.fromBytes) rejectNonXmlStart(buffer, encoding.bomLength);

  const body = buffer.subarray(encoding.bomLength);
  if (encoding.name === 'utf-8') return decodeUtf8(body);
  if (encoding.fromBytes) {
    return iconv.decode(body, encoding.name, { stripBOM: true });
  }
  return decodeDeclared(body, encoding.name);
}

/**
 * Decodes with a declared legacy encoding such as windows-1250. Rejects
 * bytes that are valid UTF-8 with non-ASCII characters, because legacy
 * Romanian text almost never forms valid UTF-8 sequences by chance, and
 * rejects bytes the encoding does not define (decoded as U+FFFD).
 */
function decodeDeclared(body: Buffer, name: string): string {
  const firstNonAscii = body.findIndex((byte) => byte >= 0x80);
  if (firstNonAscii >= 0 && isUtf8(body)) {
    const line = lineAt(body.toString('latin1'), firstNonAscii);
    throw documentFailure(
      'encoding',
      `The file declares the encoding '${name}' but its text is UTF-8 (first seen at line ${line}). Change the declaration to encoding="UTF-8".`,
      { encoding: name, line },
    );
  }

  const text = iconv.decode(body, name);
  const undefinedByte = text.indexOf('\uFFFD');
  if (undefinedByte >= 0) {
    const line = lineAt(text, undefinedByte);
    throw documentFailure(
      'encoding',
      `The file declares the encoding '${name}' but line ${line} contains bytes that '${name}' does not define, so the declaration is wrong. ${NEXT_STEP_ENCODING}`,
      { encoding: name, line },
    );
  }
  return text;
}

function detectEncoding(buffer: Buffer): DetectedEncoding {
  const [b0, b1, b2, b3] = buffer;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { name: 'utf-8', bomLength: 3, fromBytes: true };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return { name: 'utf-16le', bomLength: 2, fromBytes: true };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { name: 'utf-16be', bomLength: 2, fromBytes: true };
  }
  // Without a BOM, UTF-16 still shows in the first two characters '<?'.
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) {
    return { name: 'utf-16le', bomLength: 0, fromBytes: true };
  }
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) {
    return { name: 'utf-16be', bomLength: 0, fromBytes: true };
  }
  return { name: declaredEncoding(buffer), bomLength: 0, fromBytes: false };
}

/**
 * Reads `encoding="..."` from the XML declaration of an ASCII-compatible
 * file. Returns `'utf-8'` when there is no declaration or no encoding in it.
 */
function declaredEncoding(buffer: Buffer): string {
  const head = buffer.subarray(0, 512).toString('latin1');
  const match =
    /^\s*<\?xml\s[^?]*?encoding\s*=\s*(["'])([A-Za-z][\w.:-]*)\1/.exec(head);
  const name = match?.[2]?.toLowerCase() ?? 'utf-8';

  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (name.startsWith('utf-16') || name.startsWith('utf16')) {
    throw documentFailure(
      'encoding',
      `The file declares the encoding '${match?.[2]}' but its bytes are not UTF-16 (it has no byte order mark and starts with single-byte characters). ${NEXT_STEP_ENCODING}`,
      { encoding: match?.[2] },
    );
  }
  if (!iconv.encodingExists(name)) {
    throw documentFailure(
      'encoding',
      `The file declares the encoding '${match?.[2]}', which is not supported. ${NEXT_STEP_ENCODING}`,
      { encoding: match?.[2] },
    );
  }
  return name;
}

/** Rejects files whose first non-space byte is not '<', naming common types. */
function rejectNonXmlStart(buffer: Buffer, offset: number): void {
  let i = offset;
  while (i < buffer.length && isAsciiSpace(buffer[i] ?? 0)) i++;
  if (buffer[i] === 0x3c) return;

  const kind = guessFileKind(buffer.subarray(i, i + 5).toString('latin1'));
  const problem =
    buffer.length === 0 ? 'The file is empty' : `The file is not XML${kind}`;
  throw documentFailure(
    'notXml',
    `${problem}: an invoice is an XML file that starts with '<'. Choose the invoice's XML file.`,
  );
}

function guessFileKind(head: string): string {
  if (head.startsWith('PK'))
    return ' (it looks like a ZIP archive; extract the XML from it first)';
  if (head.startsWith('%PDF')) return ' (it is a PDF)';
  if (head.startsWith('{') || head.startsWith('['))
    return ' (it looks like JSON)';
  return '';
}

function isAsciiSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

function decodeUtf8(body: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      body,
    );
  } catch {
    // The lenient decoder marks the first invalid byte with U+FFFD, which
    // gives the line to report. A genuine U+FFFD earlier in the file would
    // point to an earlier line, which is rare enough to accept.
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    const line = lineAt(lenient, lenient.indexOf('\uFFFD'));
    throw documentFailure(
      'encoding',
      `The file is read as UTF-8 (the encoding it declares, or the default when it declares none) but line ${line} contains bytes that are not valid UTF-8; it was probably saved as windows-1250 or ISO-8859-2. ${NEXT_STEP_ENCODING}`,
      { line },
    );
  }
}

/** 1-based line number of a string index. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 0x0a) line++;
  }
  return line;
}
