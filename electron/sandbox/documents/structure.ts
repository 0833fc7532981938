// The synchronous upload check: the stand-in for ANAF's XSD validation.
// It rejects what the schema would (malformed XML, a root that does not match
// the declared standard, missing header elements) with Xerces-style messages.
import type { Element } from '@xmldom/xmldom';

import { normalizeCif } from './cif.ts';
import {
  readInvoice,
  type InvoiceView,
  type PartyView,
} from './invoice-view.ts';
import { isoDate } from './cii-reader.ts';
import type { InvoiceFacts, UploadStandard } from './types.ts';
import { formatSaxMessage, type XmlProblem } from './xml-problem.ts';
import { child, NS, parseXml, positionOf, textOf } from './xml.ts';

export type StructureResult =
  | { ok: true; facts: InvoiceFacts; view: InvoiceView }
  | { ok: false; message: string };

/** A required element: its namespace, local name and, optionally, its own required children. */
interface Requirement {
  ns: string;
  name: string;
  children?: Requirement[];
}

const cbc = (name: string, children?: Requirement[]): Requirement => ({
  ns: NS.cbc,
  name,
  children,
});
const cac = (name: string, children?: Requirement[]): Requirement => ({
  ns: NS.cac,
  name,
  children,
});
const ram = (name: string, children?: Requirement[]): Requirement => ({
  ns: NS.ram,
  name,
  children,
});
const rsm = (name: string, children?: Requirement[]): Requirement => ({
  ns: NS.rsm,
  name,
  children,
});

function ublRequirements(typeCode: string): Requirement[] {
  return [
    cbc('CustomizationID'),
    cbc('ID'),
    cbc('IssueDate'),
    cbc(typeCode),
    cbc('DocumentCurrencyCode'),
    cac('AccountingSupplierParty', [cac('Party')]),
    cac('AccountingCustomerParty', [cac('Party')]),
    cac('LegalMonetaryTotal', [cbc('PayableAmount')]),
  ];
}

const CII_REQUIREMENTS: Requirement[] = [
  rsm('ExchangedDocumentContext', [
    ram('GuidelineSpecifiedDocumentContextParameter', [ram('ID')]),
  ]),
  rsm('ExchangedDocument', [
    ram('ID'),
    ram('TypeCode'),
    ram('IssueDateTime', [{ ns: NS.udt, name: 'DateTimeString' }]),
  ]),
  rsm('SupplyChainTradeTransaction', [
    ram('ApplicableHeaderTradeAgreement', [
      ram('SellerTradeParty'),
      ram('BuyerTradeParty'),
    ]),
    ram('ApplicableHeaderTradeSettlement', [
      ram('InvoiceCurrencyCode'),
      ram('SpecifiedTradeSettlementHeaderMonetarySummation', [
        ram('DuePayableAmount'),
      ]),
    ]),
  ]),
];

const EXPECTED_ROOT: Record<
  UploadStandard,
  { ns: string; name: string; requirements: Requirement[] }
> = {
  UBL: {
    ns: NS.ublInvoice,
    name: 'Invoice',
    requirements: ublRequirements('InvoiceTypeCode'),
  },
  CN: {
    ns: NS.ublCreditNote,
    name: 'CreditNote',
    requirements: ublRequirements('CreditNoteTypeCode'),
  },
  CII: {
    ns: NS.rsm,
    name: 'CrossIndustryInvoice',
    requirements: CII_REQUIREMENTS,
  },
};

/** Finds the first missing required element, depth first, in document order. */
function findMissing(
  parent: Element,
  requirements: Requirement[],
): XmlProblem | null {
  for (const requirement of requirements) {
    const found = child(parent, requirement.ns, requirement.name);
    // Empty text counts as missing for leaf elements, because the facts need
    // a value. NOTE: the UBL schema itself accepts an empty cbc:ID; ANAF
    // would reject such a file only later, with its schematron rules.
    const missing = !found || (!requirement.children && textOf(found) === null);
    if (missing) {
      return {
        ...positionOf(found ?? parent),
        message: found
          ? `cvc-minLength-valid: Value '' with length = '0' is not facet-valid with respect to minLength '1' for type '${requirement.name}'.`
          : `cvc-complex-type.2.4.b: The content of element '${parent.tagName}' is not complete. One of '{"${requirement.ns}":${requirement.name}}' is expected.`,
      };
    }
    const nested = requirement.children
      ? findMissing(found, requirement.children)
      : null;
    if (nested) return nested;
  }
  return null;
}

/** Checks a calendar date written as YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Returns the issue date as YYYY-MM-DD, or null when it is not a valid date. */
function normalizedIssueDate(view: InvoiceView): string | null {
  const raw = view.issueDate ?? '';
  const value =
    view.syntax === 'CII'
      ? /^\d{8}$/.test(raw)
        ? isoDate(raw)
        : null
      : raw.slice(0, 10);
  const zoneSuffix = view.syntax === 'UBL' ? raw.slice(10) : '';
  if (zoneSuffix && !/^(Z|[+-]\d{2}:\d{2})$/.test(zoneSuffix)) return null;
  return value && isCalendarDate(value) ? value : null;
}

/**
 * Returns the seller's CIF as R6.1 reads it: the digits of the VAT identifier
 * (BT-31) without its RO prefix when present, else of the legal identifier (BT-30).
 */
export function sellerCifOf(party: PartyView): string | null {
  const raw = party.vatId ?? party.legalId;
  if (!raw) return null;
  const digits = raw.replace(/^\s*RO/i, '').replace(/\D/g, '');
  return digits || null;
}

/**
 * Returns the buyer's CIF when one of its identifiers is a Romanian one (digits,
 * optionally after RO): the VAT identifier (BT-48), another tax identifier,
 * then the legal identifier (BT-47). Foreign identifiers give null.
 */
export function buyerCifOf(party: PartyView): string | null {
  const candidates = [party.vatId, ...party.taxIds, party.legalId];
  for (const candidate of candidates) {
    const cif = normalizeCif(candidate);
    if (cif) return cif;
  }
  return null;
}

function factsOf(view: InvoiceView, issueDate: string): InvoiceFacts {
  return {
    root: view.root,
    customizationId: view.customizationId ?? '',
    number: view.number ?? '',
    issueDate,
    sellerCif: sellerCifOf(view.seller),
    buyerCif: buyerCifOf(view.buyer),
    buyerCountry: view.buyer.country,
    sellerName: view.seller.name ?? '',
    buyerName: view.buyer.name ?? '',
    currency: view.currency ?? '',
    total: view.taxInclusiveTotal ?? view.payableAmount ?? '',
  };
}

/** Returns the Xerces message for a root that is not the one `standard` declares, else null. */
function rootProblem(
  root: Element | null,
  standard: UploadStandard,
): XmlProblem | null {
  const expected = EXPECTED_ROOT[standard];
  if (
    root &&
    root.namespaceURI === expected.ns &&
    root.localName === expected.name
  ) {
    return null;
  }
  const position = root ? positionOf(root) : { lineNumber: 1, columnNumber: 1 };
  return {
    ...position,
    message: `cvc-elt.1.a: Cannot find the declaration of element '${root?.localName ?? ''}'.`,
  };
}

/** Runs the upload-time check of a document declared as `standard`. */
export function checkDocumentStructure(
  body: Buffer,
  standard: UploadStandard,
): StructureResult {
  const parsed = parseXml(body);
  if (!parsed.ok)
    return { ok: false, message: formatSaxMessage(parsed.problem) };

  const root = parsed.document.documentElement;
  const wrongRoot = rootProblem(root, standard);
  if (wrongRoot || !root) {
    return {
      ok: false,
      message: formatSaxMessage(
        wrongRoot ?? {
          lineNumber: 1,
          columnNumber: 1,
          message: 'Premature end of file.',
        },
      ),
    };
  }

  const missing = findMissing(root, EXPECTED_ROOT[standard].requirements);
  if (missing) return { ok: false, message: formatSaxMessage(missing) };

  const view = readInvoice(parsed.document);
  if (!view)
    throw new Error(
      'readInvoice() rejected a root that checkStructure accepted',
    );
  const issueDate = normalizedIssueDate(view);
  if (!issueDate) {
    const message = `cvc-datatype-valid.1.2.1: '${view.issueDate ?? ''}' is not a valid value for 'date'.`;
    return {
      ok: false,
      message: formatSaxMessage({ ...positionOf(root), message }),
    };
  }
  return { ok: true, facts: factsOf(view, issueDate), view };
}
