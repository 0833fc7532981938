// The asynchronous business rules the sandbox applies to an accepted upload:
// a small real subset of EN 16931 and CIUS-RO plus ANAF's registry and
// duplicate checks.
import type { InvoiceView, PartyView } from './invoice-view.ts';
import {
  CIUS_RO_CUSTOMIZATION_ID,
  duplicateMessage,
  MESSAGES,
  unknownSellerMessage,
} from './messages.ts';
import { parseDecimal, roundToCents, sum, type Micros } from './money.ts';
import type { InvoiceFacts, RuleContext } from './types.ts';

/** ISO 3166-2:RO: the 41 counties and Bucharest (RO-B). */
export const ROMANIAN_COUNTY_CODES: readonly string[] = [
  'RO-AB',
  'RO-AG',
  'RO-AR',
  'RO-B',
  'RO-BC',
  'RO-BH',
  'RO-BN',
  'RO-BR',
  'RO-BT',
  'RO-BV',
  'RO-BZ',
  'RO-CJ',
  'RO-CL',
  'RO-CS',
  'RO-CT',
  'RO-CV',
  'RO-DB',
  'RO-DJ',
  'RO-GJ',
  'RO-GL',
  'RO-GR',
  'RO-HD',
  'RO-HR',
  'RO-IF',
  'RO-IL',
  'RO-IS',
  'RO-MH',
  'RO-MM',
  'RO-MS',
  'RO-NT',
  'RO-OT',
  'RO-PH',
  'RO-SB',
  'RO-SJ',
  'RO-SM',
  'RO-SV',
  'RO-TL',
  'RO-TM',
  'RO-TR',
  'RO-VL',
  'RO-VN',
  'RO-VS',
];

const BUCHAREST_SECTORS = [
  'SECTOR1',
  'SECTOR2',
  'SECTOR3',
  'SECTOR4',
  'SECTOR5',
  'SECTOR6',
];

/** Collapses runs of whitespace, as XPath's normalize-space() does. */
function normalizeSpace(value: string | null): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * BR-CO-15: BT-112 = round(BT-109 + BT-110). An absent amount fails, as an
 * empty XPath sequence does. The CII form of the rule also accepts
 * BT-112 = BT-109, which covers invoices without any VAT total.
 */
function totalWithVatMatches(view: InvoiceView): boolean {
  const inclusive = parseDecimal(view.taxInclusiveTotal);
  const exclusive = parseDecimal(view.taxExclusiveTotal);
  const vat = parseDecimal(view.vatTotal);
  if (inclusive === null || exclusive === null) return false;
  if (view.syntax === 'CII' && inclusive === exclusive) return true;
  return vat !== null && inclusive === roundToCents(exclusive + vat);
}

/** BR-CO-10: BT-106 = round(Σ BT-131); lines without an amount add nothing. */
function lineTotalMatches(view: InvoiceView): boolean {
  const stated = parseDecimal(view.lineTotal);
  if (stated === null) return false;
  const amounts = view.lines
    .map((line) => parseDecimal(line.netAmount))
    .filter((amount): amount is Micros => amount !== null);
  return stated === roundToCents(sum(amounts));
}

/** BR-RO-100/101 and BR-RO-110/111 for one party; returns the failed rules' messages. */
function addressFailures(party: PartyView, role: 'seller' | 'buyer'): string[] {
  if (normalizeSpace(party.country).toUpperCase() !== 'RO') return [];
  const failures: string[] = [];
  const county = normalizeSpace(party.countrySubentity);
  const city = normalizeSpace(party.city).toUpperCase();
  if (county.toUpperCase() === 'RO-B' && !BUCHAREST_SECTORS.includes(city)) {
    failures.push(
      role === 'seller' ? MESSAGES.sellerSector : MESSAGES.buyerSector,
    );
  }
  if (!ROMANIAN_COUNTY_CODES.includes(county)) {
    failures.push(
      role === 'seller' ? MESSAGES.sellerCounty : MESSAGES.buyerCounty,
    );
  }
  return failures;
}

/** Applies the rules that read only the document, as the public validare service does. */
export function documentRuleFailures(view: InvoiceView): string[] {
  const failures: string[] = [];
  if (view.customizationId !== CIUS_RO_CUSTOMIZATION_ID)
    failures.push(MESSAGES.customizationId);
  if (!lineTotalMatches(view)) failures.push(MESSAGES.lineTotal);
  if (!totalWithVatMatches(view)) failures.push(MESSAGES.totalWithVat);
  failures.push(...addressFailures(view.seller, 'seller'));
  failures.push(...addressFailures(view.buyer, 'buyer'));
  return failures;
}

/** Adds the registry (R6.1) and duplicate checks to the document rules. */
export function uploadRuleFailures(
  view: InvoiceView,
  facts: InvoiceFacts,
  context: RuleContext,
): string[] {
  const failures = documentRuleFailures(view);
  const sellerCif = facts.sellerCif;
  if (!sellerCif || !context.isRegistered(sellerCif)) {
    failures.push(unknownSellerMessage(sellerCif ?? ''));
  }
  if (sellerCif) {
    const earlier = context.findEarlierUpload(
      sellerCif,
      facts.number,
      facts.issueDate,
    );
    if (earlier)
      failures.push(duplicateMessage(earlier.index, earlier.uploadedAt));
  }
  return failures;
}
