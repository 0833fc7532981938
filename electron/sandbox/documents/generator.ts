// Deterministic seeded invoices between registry companies, for the
// sandbox's --seed-messages option. The same seed, company list, count and
// `now` always produce the same bytes.
import { CATALOG, NOTES } from './catalog.ts';
import type { AttachmentDraft, InvoiceDraft, LineDraft } from './draft.ts';
import { writeCii } from './cii-writer.ts';
import { bucharestDate } from './messages.ts';
import { buildMinimalPdf } from './minimal-pdf.ts';
import { createRandom, pick, randomInt } from './random.ts';
import type { Company, SeedInvoice, UploadStandard } from './types.ts';
import { writeUbl } from './ubl-writer.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Seeded messages stay inside ANAF's 60-day retention, with a margin at the old end. */
const MAX_AGE_MS = 59 * DAY_MS;
const MIN_AGE_MS = 10 * 60 * 1000;

/** Shares of the generated mix; the rest are UBL invoices in RON. */
const SHARE = {
  creditNote: 0.15,
  cii: 0.2,
  foreignCurrency: 0.2,
  attachment: 0.3,
};

/** RON per unit, a rough estimate of the 2025 National Bank of Romania reference rates. */
const CURRENCIES = [
  { code: 'EUR', minRate: 4.97, maxRate: 5.09 },
  { code: 'USD', minRate: 4.3, maxRate: 4.7 },
] as const;

interface Plan {
  createdAt: Date;
  seller: Company;
  buyer: Company;
  standard: UploadStandard;
}

/** Returns the day `days` after a YYYY-MM-DD date. */
function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/** Builds a series prefix from the initials of a company name ("Moara Veche" → "MV"). */
function seriesOf(company: Company): string {
  const initials = company.name
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .split(' ')
    .filter((word) => word.length > 0 && !['SRL', 'SA'].includes(word))
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
  return initials.slice(0, 3) || 'F';
}

function makeLines(random: () => number, currencyRate: number): LineDraft[] {
  const count = randomInt(random, 1, 5);
  const lines: LineDraft[] = [];
  for (let i = 0; i < count; i++) {
    const item = pick(random, CATALOG);
    const quantity = item.fractional
      ? (randomInt(random, 50, 5000) / 100).toFixed(2)
      : String(randomInt(random, 1, 40));
    const ronCents = randomInt(
      random,
      item.minPrice * 100,
      item.maxPrice * 100,
    );
    // Foreign-currency invoices price the same goods in that currency.
    const price = (Math.round(ronCents / currencyRate) / 100).toFixed(2);
    lines.push({
      name: item.name,
      unitCode: item.unitCode,
      quantity,
      price,
      vatRate: item.vatRate,
    });
  }
  return lines;
}

function makeAttachment(random: () => number, number: string): AttachmentDraft {
  const kind = pick(random, [
    {
      file: 'proces-verbal',
      title: 'Proces-verbal de receptie',
      description: 'Proces-verbal de recepție',
    },
    {
      file: 'aviz',
      title: 'Aviz de insotire a marfii',
      description: 'Aviz de însoţire a mărfii',
    },
    {
      file: 'deviz',
      title: 'Deviz de lucrari',
      description: 'Deviz de lucrări',
    },
  ]);
  const safeNumber = number.replace(/[^A-Za-z0-9-]/g, '');
  return {
    id: `${kind.file}-${safeNumber}`.slice(0, 30),
    description: kind.description,
    filename: `${kind.file}-${safeNumber}.pdf`,
    pdf: buildMinimalPdf([kind.title, `Anexa la documentul ${number}`]),
  };
}

function planInvoices(
  random: () => number,
  count: number,
  companies: Company[],
  now: Date,
): Plan[] {
  const plans: Plan[] = [];
  for (let i = 0; i < count; i++) {
    const seller = pick(random, companies);
    let buyer = pick(random, companies);
    while (buyer.cif === seller.cif) buyer = pick(random, companies);
    const roll = random();
    const standard: UploadStandard =
      roll < SHARE.creditNote
        ? 'CN'
        : roll < SHARE.creditNote + SHARE.cii
          ? 'CII'
          : 'UBL';
    const age = MIN_AGE_MS + Math.floor(random() * (MAX_AGE_MS - MIN_AGE_MS));
    plans.push({
      createdAt: new Date(now.getTime() - age),
      seller,
      buyer,
      standard,
    });
  }
  // Numbers grow with dates within each seller's series, as real ones do.
  return plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * Generates `count` seeded invoices between distinct companies of the list
 * (at least two are needed), spread over the 60 days before `now`.
 */
export function generateSeedInvoices(options: {
  seed: string;
  count: number;
  companies: Company[];
  now: Date;
}): SeedInvoice[] {
  const { seed, count, companies, now } = options;
  if (count <= 0) return [];
  if (new Set(companies.map((company) => company.cif)).size < 2) {
    throw new Error(
      'generateSeedInvoices() needs at least two companies with different CIFs',
    );
  }
  const random = createRandom(`seed-invoices:${seed}`);
  const sequences = new Map<string, number>();
  const lastInvoice = new Map<string, { number: string; issueDate: string }>();

  return planInvoices(random, count, companies, now).map((plan) => {
    const sequence = (sequences.get(plan.seller.cif) ?? 0) + 1;
    sequences.set(plan.seller.cif, sequence);
    const isCredit = plan.standard === 'CN';
    const issueDate = addDays(
      bucharestDate(plan.createdAt),
      -randomInt(random, 0, 2),
    );
    const number = `${seriesOf(plan.seller)}${isCredit ? '-NC' : ''}-${issueDate.slice(0, 4)}-${String(sequence).padStart(4, '0')}`;
    const currency =
      random() < SHARE.foreignCurrency ? pick(random, CURRENCIES) : null;
    const rate = currency
      ? currency.minRate + random() * (currency.maxRate - currency.minRate)
      : 1;
    const pairKey = `${plan.seller.cif}>${plan.buyer.cif}`;
    const draft: InvoiceDraft = {
      kind: isCredit ? 'creditNote' : 'invoice',
      number,
      issueDate,
      dueDate: addDays(issueDate, pick(random, [15, 30, 45])),
      currency: currency?.code ?? 'RON',
      exchangeRate: currency ? rate.toFixed(4) : null,
      note: pick(random, NOTES),
      seller: plan.seller,
      buyer: plan.buyer,
      lines: makeLines(random, rate),
      precedingInvoice: isCredit
        ? (lastInvoice.get(pairKey) ?? {
            number: `${seriesOf(plan.seller)}-${Number(issueDate.slice(0, 4)) - 1}-0001`,
            issueDate: addDays(issueDate, -40),
          })
        : null,
      attachment:
        random() < SHARE.attachment ? makeAttachment(random, number) : null,
    };
    if (!isCredit) lastInvoice.set(pairKey, { number, issueDate });
    const body = plan.standard === 'CII' ? writeCii(draft) : writeUbl(draft);
    return {
      standard: plan.standard,
      sellerCif: plan.seller.cif,
      buyerCif: plan.buyer.cif,
      body,
      createdAt: plan.createdAt,
    };
  });
}
