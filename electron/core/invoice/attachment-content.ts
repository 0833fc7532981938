/** Base64 content of embedded attachments (UBL and CII binary objects). */
import { documentFailure } from './failure.ts';

const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Size in bytes of the decoded content, computed from the text without
 * decoding it. Whitespace, which senders wrap base64 with, is not counted.
 */
export function base64DecodedSize(base64: string): number {
  let length = 0;
  let padding = 0;
  for (let i = 0; i < base64.length; i++) {
    const code = base64.charCodeAt(i);
    if (code === 0x3d) padding++;
    else if (code > 0x20) length++;
  }
  return Math.floor(((length + padding) * 3) / 4) - padding;
}

/**
 * Decodes base64 after removing whitespace. Throws an `input.invalid`
 * failure naming the attachment when the text is not base64.
 */
export function decodeBase64(base64: string, name: string): Uint8Array {
  const compact = base64.replace(/\s+/g, '');
  if (!BASE64_BODY.test(compact) || compact.length % 4 === 1) {
    throw documentFailure(
      'invalidValue',
      `The attachment '${name}' is not valid base64, so its content cannot be read. Ask the sender to attach the file again.`,
      { attachment: name },
    );
  }
  return new Uint8Array(Buffer.from(compact, 'base64'));
}
