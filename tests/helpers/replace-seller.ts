// Swaps the seller's CIF in a UBL or CII invoice, so that a published example
// (whose seller is fictitious) can be sent as a company of the sandbox's
// registry. The element replaced is the one the sandbox's R6.1 check reads:
// the seller's VAT identifier when present, else its legal identifier.
import { XMLSerializer, type Element } from '@xmldom/xmldom';

import {
  child,
  children,
  descend,
  NS,
  parseXml,
  textOf,
} from '../../electron/sandbox/documents/xml.ts';

function ublSellerIdentifier(
  root: Element,
): { element: Element; isVat: boolean } | null {
  const party = descend(
    root,
    [NS.cac, 'AccountingSupplierParty'],
    [NS.cac, 'Party'],
  );
  for (const scheme of children(party, NS.cac, 'PartyTaxScheme')) {
    const companyId = child(scheme, NS.cbc, 'CompanyID');
    if (
      companyId &&
      textOf(descend(scheme, [NS.cac, 'TaxScheme'], [NS.cbc, 'ID'])) === 'VAT'
    ) {
      return { element: companyId, isVat: true };
    }
  }
  const legal = descend(
    party,
    [NS.cac, 'PartyLegalEntity'],
    [NS.cbc, 'CompanyID'],
  );
  return legal ? { element: legal, isVat: false } : null;
}

function ciiSellerParty(root: Element): Element | null {
  return descend(
    root,
    [NS.rsm, 'SupplyChainTradeTransaction'],
    [NS.ram, 'ApplicableHeaderTradeAgreement'],
    [NS.ram, 'SellerTradeParty'],
  );
}

function ciiSellerIdentifier(
  root: Element,
): { element: Element; isVat: boolean } | null {
  const party = ciiSellerParty(root);
  for (const registration of children(
    party,
    NS.ram,
    'SpecifiedTaxRegistration',
  )) {
    const id = child(registration, NS.ram, 'ID');
    if (id?.getAttribute('schemeID') === 'VA')
      return { element: id, isVat: true };
  }
  const legal = descend(
    party,
    [NS.ram, 'SpecifiedLegalOrganization'],
    [NS.ram, 'ID'],
  );
  return legal ? { element: legal, isVat: false } : null;
}

/** Appends a VAT registration to a CII seller that has no identifier at all (its last allowed child). */
function addCiiVatRegistration(root: Element): Element {
  const party = ciiSellerParty(root);
  const document = root.ownerDocument;
  if (!party || !document)
    throw new Error('The CII invoice has no SellerTradeParty');
  const prefix = party.prefix ? `${party.prefix}:` : '';
  const registration = document.createElementNS(
    NS.ram,
    `${prefix}SpecifiedTaxRegistration`,
  );
  const id = document.createElementNS(NS.ram, `${prefix}ID`);
  id.setAttribute('schemeID', 'VA');
  registration.appendChild(id);
  party.appendChild(registration);
  return id;
}

/**
 * Returns a copy of the invoice whose seller has the CIF `cif` (digits): a VAT
 * identifier becomes `RO<cif>`, a legal identifier `<cif>`.
 * The copy is serialized as UTF-8, so the input must declare UTF-8 too.
 */
export function replaceSellerCif(xml: Buffer, cif: string): Buffer {
  const parsed = parseXml(xml);
  if (!parsed.ok)
    throw new Error(`Cannot replace the seller CIF: ${parsed.problem.message}`);
  const root = parsed.document.documentElement;
  if (!root)
    throw new Error('Cannot replace the seller CIF: the document is empty');
  const isCii = root.namespaceURI === NS.rsm;
  const found = isCii ? ciiSellerIdentifier(root) : ublSellerIdentifier(root);
  if (!found && !isCii)
    throw new Error('The UBL invoice names no seller VAT or legal identifier');
  const target = found ?? { element: addCiiVatRegistration(root), isVat: true };
  target.element.textContent = target.isVat ? `RO${cif}` : cif;
  return Buffer.from(
    new XMLSerializer().serializeToString(parsed.document),
    'utf8',
  );
}
