/**
 * Entry points for invoice XML: the full model for display, the archive and
 * exports, and a summary for the upload checks.
 */
import type { Document, Element } from '@xmldom/xmldom';

import type {
  DocumentSummary,
  Invoice,
  InvoiceRootKind,
} from '../../../shared/invoice.ts';
import type { Result } from '../../../shared/result.ts';

import { readCiiInvoice, readCiiSummary } from './cii.ts';
import { catchFailure, documentFailure } from './failure.ts';
import { NS } from './namespaces.ts';
import { readUblInvoice, readUblSummary } from './ubl.ts';
import { parseXml } from './xml-dom.ts';
import { decodeXmlBytes } from './xml-encoding.ts';

/**
 * Size limit for a file the user uploads. ANAF rejects uploads over "10 MB"
 * ("Marime fisier transmis mai mare de 10 MB").
 * NOTE: ANAF does not document whether a MB is 10^6 or 2^20 bytes. This
 * takes 2^20, so a file between the two passes here and ANAF rejects it with
 * its own message.
 */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Size limit for a document read from an ANAF ZIP. The invoice inside passed
 * ANAF's 10 MB upload limit, but the enveloped signature file repeats the
 * whole document plus the signature, and a margin covers older or
 * differently counted uploads.
 */
export const ZIP_DOCUMENT_MAX_BYTES = 32 * 1024 * 1024;

export interface ParseOptions {
  /** Largest accepted input in bytes; `UPLOAD_MAX_BYTES` by default. */
  maxBytes?: number;
}

export interface ParseInvoiceOptions extends ParseOptions {
  /** ANAF upload index to record in the model, when the caller knows it. */
  uploadIndex?: string | null;
}

const ROOT_KINDS: ReadonlyArray<{
  kind: InvoiceRootKind;
  namespace: string;
}> = [
  { kind: 'Invoice', namespace: NS.ublInvoice },
  { kind: 'CreditNote', namespace: NS.ublCreditNote },
  { kind: 'CrossIndustryInvoice', namespace: NS.rsm },
];

/**
 * Parses a UBL Invoice, UBL CreditNote or CII CrossIndustryInvoice. Fails
 * with `input.invalid`, whose `details.reason` is a `DocumentProblem`. The
 * failures are a file over the size limit, an unsupported or wrong encoding,
 * a DOCTYPE, XML that is not well-formed, another root element, a missing
 * number, issue date or currency, and malformed amounts or dates.
 */
export function parseInvoice(
  bytes: Uint8Array,
  options: ParseInvoiceOptions = {},
): Result<Invoice> {
  return catchFailure(() => {
    const document = parseXmlBytes(bytes, options.maxBytes);
    const { root, kind } = invoiceRoot(document);
    const invoice =
      kind === 'CrossIndustryInvoice'
        ? readCiiInvoice(root)
        : readUblInvoice(root, kind);
    return { ...invoice, uploadIndex: options.uploadIndex ?? null };
  });
}

/**
 * Reads what the upload checks need: root kind and ANAF `standard`,
 * customization id, number, issue date, currency, seller and buyer ids.
 * Fails like `parseInvoice` for files that are not well-formed invoices, but
 * reports missing or invalid header values as `null` instead of failing.
 * It still parses the whole XML, because well-formedness is one of the
 * checks, but it skips lines, totals and attachments.
 */
export function detectDocument(
  bytes: Uint8Array,
  options: ParseOptions = {},
): Result<DocumentSummary> {
  return catchFailure(() => {
    const document = parseXmlBytes(bytes, options.maxBytes);
    const { root, kind } = invoiceRoot(document);
    return kind === 'CrossIndustryInvoice'
      ? readCiiSummary(root)
      : readUblSummary(root, kind);
  });
}

/** Decodes and parses XML bytes with the checks of this module. */
export function parseXmlBytes(
  bytes: Uint8Array,
  maxBytes = UPLOAD_MAX_BYTES,
): Document {
  return parseXml(decodeXmlBytes(bytes, maxBytes));
}

/** Returns the root element of an invoice, and throws `notInvoice` for any other root. */
export function invoiceRoot(document: Document): {
  root: Element;
  kind: InvoiceRootKind;
} {
  const root = document.documentElement;
  if (!root) {
    throw documentFailure('notXml', 'The file contains no XML element.');
  }

  const match = ROOT_KINDS.find(
    (candidate) =>
      candidate.kind === root.localName &&
      candidate.namespace === root.namespaceURI,
  );
  if (match) return { root, kind: match.kind };
  throw notInvoiceFailure(root);
}

function notInvoiceFailure(root: Element): Error {
  const name = root.localName ?? root.nodeName;
  const namespace = root.namespaceURI ?? '(none)';
  const sameName = ROOT_KINDS.find((candidate) => candidate.kind === name);

  let problem = `The root element '${name}' is not an invoice: expected UBL Invoice, UBL CreditNote or CII CrossIndustryInvoice.`;
  if (sameName) {
    problem = `The root element '${name}' is in the namespace '${namespace}' instead of '${sameName.namespace}', so it is not an e-invoice.`;
  } else if (namespace === NS.anafErrors) {
    problem = `The file is ANAF's error document for a rejected upload, not an invoice.`;
  }
  return documentFailure(
    'notInvoice',
    `${problem} Choose the invoice's XML file (UBL 2.1 or CII).`,
    { rootElement: name, namespace },
  );
}
