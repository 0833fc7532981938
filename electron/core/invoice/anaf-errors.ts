/**
 * ANAF's error document, the `<upload index>.xml` inside the ZIP of a `nok`
 * upload: root `header` in the namespace
 * `mfp:anaf:dgti:efactura:mesajEroriFactuta:v1` with attributes
 * `Index_incarcare` and `Cif_emitent` and one `<Error errorMessage="..."/>`
 * child per failed rule.
 */
import type {
  AnafErrorDocument,
  AnafValidationError,
} from '../../../shared/invoice.ts';
import type { Result } from '../../../shared/result.ts';
import type { Element } from '@xmldom/xmldom';

import { catchFailure, documentFailure } from './failure.ts';
import { NS } from './namespaces.ts';
import { parseXmlBytes, ZIP_DOCUMENT_MAX_BYTES } from './parse-invoice.ts';
import { attribute, childElements } from './xml-path.ts';

/** A schematron id in brackets: `[BR-RO-110]`, `[BR-CO-15]`, `[UBL-SR-12]`. */
const BRACKETED_RULE = /\[([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\]/;

/**
 * A rule id outside brackets: `BR-...` or `...-SR-...` ids, and ANAF's own
 * numbered rules as in "eroare regula: R6.1: CIF-ul vanzatorului ...".
 */
const BARE_RULE =
  /(?:^|[\s:(])((?:BR|[A-Z]+-SR)-[A-Z0-9]+(?:-[A-Z0-9]+)*|R\d+(?:\.\d+)+)(?=$|[\s:.,)\]-])/;

/**
 * Pulls the rule id out of one of ANAF's error messages, or `null` when the
 * message names none (for example the duplicate-invoice message).
 */
export function extractRuleId(message: string): string | null {
  return (
    BRACKETED_RULE.exec(message)?.[1] ?? BARE_RULE.exec(message)?.[1] ?? null
  );
}

/**
 * Reads the error document of a `nok` upload. A `Signature` appended by
 * ANAF (the enveloped signature file) is ignored. Fails with `input.invalid`
 * for XML that is not well-formed or has another root.
 */
export function readAnafErrorDocument(
  bytes: Uint8Array,
  options: { maxBytes?: number } = {},
): Result<AnafErrorDocument> {
  return catchFailure(() => {
    const document = parseXmlBytes(
      bytes,
      options.maxBytes ?? ZIP_DOCUMENT_MAX_BYTES,
    );
    const root = document.documentElement;
    if (!root || !isErrorDocumentRoot(root)) {
      throw documentFailure(
        'notErrorDocument',
        `The file is not ANAF's error document: its root element is '${root?.localName}' in the namespace '${root?.namespaceURI ?? '(none)'}', expected 'header' in '${NS.anafErrors}'.`,
      );
    }

    const errors = ['Error', 'Errors'].flatMap((name) =>
      childElements(root, root.namespaceURI ?? '', name),
    );
    return {
      uploadIndex: attribute(root, 'Index_incarcare'),
      sellerCif: attribute(root, 'Cif_emitent'),
      errors: errors.map(readError),
    };
  });
}

/** Tells whether an element is the root of ANAF's error document. */
export function isErrorDocumentRoot(root: Element): boolean {
  return root.localName === 'header' && root.namespaceURI === NS.anafErrors;
}

function readError(element: Element): AnafValidationError {
  const message = element.getAttribute('errorMessage')?.trim() ?? '';
  return { ruleId: extractRuleId(message), message };
}
