/**
 * A buyer's message about an invoice, the document of a RASP upload and of
 * the "MESAJ CUMPARATOR ..." messages it produces: root `header` in the
 * namespace `mfp:anaf:dgti:spv:reqMesaj:v1`, with the invoice's upload
 * index in `index_incarcare` and the text in `message`, as in ANAF's
 * upload swagger.
 *
 * NOTE: ANAF documents only the upload's body. That the downloaded ZIP of a
 * buyer message carries the same document is an assumption, which the
 * sandbox follows.
 */
import type { Result } from '../../../shared/result.ts';

import { catchFailure, documentFailure } from './failure.ts';
import { NS } from './namespaces.ts';
import { parseXmlBytes, ZIP_DOCUMENT_MAX_BYTES } from './parse-invoice.ts';

export interface BuyerMessageDocument {
  /** Upload index of the invoice the message is about. */
  invoiceUploadIndex: string | null;
  /** The message as written, without surrounding white space. */
  text: string;
}

/**
 * Reads a buyer message. A `Signature` appended by ANAF (the enveloped
 * signature file) is ignored. Fails with `input.invalid` for XML that is
 * not well-formed, another root, or an `index_incarcare` that is not a
 * whole number.
 */
export function readBuyerMessage(
  bytes: Uint8Array,
  options: { maxBytes?: number } = {},
): Result<BuyerMessageDocument> {
  return catchFailure(() => {
    const document = parseXmlBytes(
      bytes,
      options.maxBytes ?? ZIP_DOCUMENT_MAX_BYTES,
    );
    const root = document.documentElement;
    if (
      !root ||
      root.localName !== 'header' ||
      root.namespaceURI !== NS.buyerMessage
    ) {
      throw documentFailure(
        'notBuyerMessage',
        `The file is not a buyer message: its root element is '${root?.localName}' in the namespace '${root?.namespaceURI ?? '(none)'}', expected 'header' in '${NS.buyerMessage}'.`,
      );
    }

    const index = root.getAttribute('index_incarcare')?.trim() ?? '';
    if (index !== '' && !/^\d+$/.test(index)) {
      throw documentFailure(
        'invalidValue',
        `The buyer message's index_incarcare '${index}' is not a whole number.`,
        { field: 'index_incarcare' },
      );
    }
    return {
      invoiceUploadIndex: index === '' ? null : index,
      text: root.getAttribute('message')?.trim() ?? '',
    };
  });
}
