/**
 * Builds the body of a RASP upload: a buyer's message to the seller about
 * an invoice, `<header xmlns="mfp:anaf:dgti:spv:reqMesaj:v1"
 * index_incarcare="..." message="..."/>` as in ANAF's upload swagger.
 */
import { invalidInput } from './errors.ts';
import { requireNumericId } from './ids.ts';

export const BUYER_MESSAGE_NS = 'mfp:anaf:dgti:spv:reqMesaj:v1';

/** Escapes text for a double-quoted XML attribute, line breaks included. */
function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * Checks for characters XML 1.0 cannot carry: control characters other than
 * tab, line feed and carriage return, and U+FFFE and U+FFFF.
 */
function hasForbiddenCharacter(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const control =
      code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    if (control || code === 0xfffe || code === 0xffff) return true;
  }
  return false;
}

/**
 * Returns the UTF-8 RASP document for the invoice with `uploadIndex`.
 * Throws `input.invalid` for a bad index, an empty message or characters
 * XML 1.0 cannot carry.
 */
export function buildBuyerMessage(
  uploadIndex: string,
  message: string,
): Uint8Array {
  requireNumericId(uploadIndex, 'upload index');
  if (message.trim() === '') {
    throw invalidInput('The buyer message is empty', 'message');
  }
  if (hasForbiddenCharacter(message)) {
    throw invalidInput(
      'The buyer message contains control characters',
      'message',
    );
  }

  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<header xmlns="${BUYER_MESSAGE_NS}" index_incarcare="${uploadIndex}" ` +
    `message="${escapeAttribute(message)}"/>\n`;
  return new TextEncoder().encode(xml);
}
