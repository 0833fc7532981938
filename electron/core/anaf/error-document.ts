/**
 * Reads the error document inside the ZIP of a `nok` upload: root `header`
 * in `mfp:anaf:dgti:efactura:mesajEroriFactuta:v1` ("Factuta" is ANAF's
 * spelling), attributes `Index_incarcare` and `Cif_emitent`, and one
 * `<Error errorMessage="..."/>` per failed rule. A signature appended to the
 * root (the enveloped shape of test-environment ZIPs) is ignored.
 */
import { anafFailure } from './errors.ts';
import {
  attribute,
  childElements,
  isElement,
  parseXmlDocument,
  XmlReadError,
} from './xml.ts';

export const ERROR_DOCUMENT_NS = 'mfp:anaf:dgti:efactura:mesajEroriFactuta:v1';

export interface InvoiceErrorDocument {
  uploadIndex: string | null;
  sellerCif: string | null;
  /** Every error message, in document order. */
  errors: string[];
}

/** Parses an error document, or throws `anaf.badResponse` naming why. */
export function parseErrorDocument(xml: string): InvoiceErrorDocument {
  let root;
  try {
    root = parseXmlDocument(xml);
  } catch (error) {
    if (!(error instanceof XmlReadError)) throw error;
    throw invalidDocument(error.message);
  }
  if (!isElement(root, ERROR_DOCUMENT_NS, 'header')) {
    throw invalidDocument(
      `its root is {${root.namespaceURI ?? ''}}${root.localName}`,
    );
  }
  const errors = childElements(root, ERROR_DOCUMENT_NS, 'Error')
    .map((element) => attribute(element, 'errorMessage')?.trim() ?? '')
    .filter((message) => message !== '');
  return {
    uploadIndex: attribute(root, 'Index_incarcare'),
    sellerCif: attribute(root, 'Cif_emitent'),
    errors,
  };
}

function invalidDocument(reason: string) {
  return anafFailure(
    'badResponse',
    `The error document in ANAF's ZIP cannot be read: ${reason}`,
    { endpoint: 'download' },
  );
}
