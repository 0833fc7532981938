/**
 * Content of embedded attachments. The invoice model lists attachments
 * without their content, so that a model with megabytes of base64 does not
 * cross IPC; this reads one attachment from the original XML on request.
 */
import type { Element } from '@xmldom/xmldom';

import type { Result } from '../../../shared/result.ts';

import { decodeBase64 } from './attachment-content.ts';
import { ciiAttachmentElements, ciiEmbeddedObject } from './cii-parts.ts';
import { catchFailure, documentFailure } from './failure.ts';
import { NS } from './namespaces.ts';
import {
  invoiceRoot,
  parseXmlBytes,
  ZIP_DOCUMENT_MAX_BYTES,
} from './parse-invoice.ts';
import { ublAttachmentElements, ublEmbeddedObject } from './ubl-parts.ts';
import { attribute, one } from './xml-path.ts';

export interface AttachmentContent {
  /** As the sender wrote it: show it, or sanitise it before saving. */
  filename: string | null;
  mimeType: string | null;
  bytes: Uint8Array;
}

/**
 * Decodes the embedded attachment at `index` (the `index` of
 * `InvoiceAttachment`). Fails with `input.invalid` when the XML is not an
 * invoice, there is no attachment at that index, the attachment is only an
 * external link, or its base64 is invalid.
 */
export function extractAttachment(
  invoiceBytes: Uint8Array,
  index: number,
  options: { maxBytes?: number } = {},
): Result<AttachmentContent> {
  return catchFailure(() => {
    const document = parseXmlBytes(
      invoiceBytes,
      options.maxBytes ?? ZIP_DOCUMENT_MAX_BYTES,
    );
    const { root } = invoiceRoot(document);
    const references = attachmentElements(root);
    const reference = references[index];
    if (!reference) {
      throw documentFailure(
        'notFound',
        `The invoice has no attachment number ${index + 1} (it has ${references.length}).`,
        { index },
      );
    }

    const embedded = isCii(root)
      ? ciiEmbeddedObject(reference)
      : ublEmbeddedObject(reference);
    const filename = attribute(embedded, 'filename');
    if (!embedded) {
      throw documentFailure(
        'notFound',
        `Attachment number ${index + 1} is a link to an external document, not an embedded file.`,
        { index },
      );
    }
    return {
      filename,
      mimeType: attribute(embedded, 'mimeCode'),
      bytes: decodeBase64(
        embedded.textContent ?? '',
        filename ?? `${index + 1}`,
      ),
    };
  });
}

function isCii(root: Element): boolean {
  return root.namespaceURI === NS.rsm;
}

function attachmentElements(root: Element): Element[] {
  if (isCii(root)) {
    const agreement = one(
      root,
      'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement',
    );
    return ciiAttachmentElements(agreement);
  }
  return ublAttachmentElements(root);
}
