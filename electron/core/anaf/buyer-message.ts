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
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(message)) {
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
