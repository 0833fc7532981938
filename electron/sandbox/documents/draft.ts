// An invoice to be written as XML, and the EN 16931 totals derived from it.
// Writers take the computed totals, so every generated file satisfies
// BR-CO-10 and BR-CO-15 by construction.
import {
  formatCents,
  fromCents,
  multiply,
  parseDecimal,
  roundToCents,
  sum,
  type Micros,
} from './money.ts';
import type { Company } from './types.ts';

export type VatRate = 21 | 11 | 0;

export interface LineDraft {
  name: string;
  /** UN/ECE Recommendation 20 unit code. */
  unitCode: string;
  quantity: string;
  /** Net unit price with two decimals. */
  price: string;
  vatRate: VatRate;
}

export interface AttachmentDraft {
  id: string;
  description: string;
  filename: string;
  pdf: Buffer;
}

export interface InvoiceDraft {
  kind: 'invoice' | 'creditNote';
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  /** RON for one unit of `currency`; present only for foreign-currency invoices. */
  exchangeRate: string | null;
  note: string;
  seller: Company;
  buyer: Company;
  lines: LineDraft[];
  precedingInvoice: { number: string; issueDate: string } | null;
  attachment: AttachmentDraft | null;
}

export interface VatGroup {
  /** UNCL5305: S (standard or reduced rate) or E (exempt). */
  category: 'S' | 'E';
  rate: VatRate;
  taxableAmount: string;
  taxAmount: string;
}

export interface DraftTotals {
  lineAmounts: string[];
  vatGroups: VatGroup[];
  lineTotal: string;
  vatTotal: string;
  /** BT-111, for foreign-currency invoices. */
  vatTotalRon: string | null;
  totalWithVat: string;
}

/** The exemption the generator cites for 0% lines (Romanian Fiscal Code, art. 292). */
export const EXEMPTION = {
  code: 'VATEX-EU-132',
  reason: 'Scutit de TVA conform art. 292 din Codul fiscal',
};

function requireDecimal(text: string): Micros {
  const value = parseDecimal(text);
  if (value === null)
    throw new Error(`Invalid decimal "${text}" in an invoice draft`);
  return value;
}

/** Computes line amounts, the VAT breakdown per rate and the document totals. */
export function computeTotals(draft: InvoiceDraft): DraftTotals {
  const lineAmounts = draft.lines.map((line) =>
    roundToCents(
      multiply(requireDecimal(line.quantity), requireDecimal(line.price)),
    ),
  );
  const rates = [...new Set(draft.lines.map((line) => line.vatRate))].sort(
    (a, b) => b - a,
  );
  const groups = rates.map((rate) => {
    const taxable = sum(
      lineAmounts.filter((_, i) => draft.lines[i]?.vatRate === rate),
    );
    const tax = roundToCents((taxable * BigInt(rate)) / 100n);
    return { rate, taxable, tax };
  });
  const lineTotal = sum(lineAmounts);
  const vatTotal = sum(groups.map((group) => group.tax));
  const vatTotalRon = draft.exchangeRate
    ? formatCents(
        roundToCents(multiply(vatTotal, requireDecimal(draft.exchangeRate))),
      )
    : null;
  return {
    lineAmounts: lineAmounts.map(formatCents),
    vatGroups: groups.map(({ rate, taxable, tax }) => ({
      category: rate === 0 ? 'E' : 'S',
      rate,
      taxableAmount: formatCents(taxable),
      taxAmount: formatCents(tax),
    })),
    lineTotal: formatCents(lineTotal),
    vatTotal: formatCents(vatTotal),
    vatTotalRon,
    totalWithVat: formatCents(lineTotal + vatTotal),
  };
}

/** Formats a whole number of cents as an amount ("12.30"). */
export function centsToAmount(cents: number): string {
  return formatCents(fromCents(cents));
}
