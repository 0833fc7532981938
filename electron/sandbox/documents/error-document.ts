// The error document ANAF puts in the ZIP of a rejected (`nok`) upload. The
// namespace really is spelt "mesajEroriFactuta", and the element is the
// singular `Error`, unlike the `Errors` of upload and status responses.
import { escapeAttribute } from './xml-escape.ts';

export const ERROR_DOCUMENT_NAMESPACE =
  'mfp:anaf:dgti:efactura:mesajEroriFactuta:v1';

/** Builds the UTF-8 error document for an upload index and the seller's CIF. */
export function buildErrorDocument(
  uploadIndex: string,
  cifEmitent: string,
  messages: string[],
): Buffer {
  const errors = messages
    .map(
      (message) => `    <Error errorMessage="${escapeAttribute(message)}"/>\n`,
    )
    .join('');
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<header xmlns="${ERROR_DOCUMENT_NAMESPACE}" Index_incarcare="${escapeAttribute(uploadIndex)}" Cif_emitent="${escapeAttribute(cifEmitent)}">\n` +
    errors +
    '</header>\n';
  return Buffer.from(xml, 'utf8');
}
