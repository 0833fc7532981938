/**
 * The PDF of an archived message, rendered in main from the parsed XML.
 * An invoice shows its parties and addresses, lines, allowances and
 * charges, VAT breakdown, totals, payment details, notes and attachments.
 * A rejected upload shows the errors ANAF listed. Labels are in Romanian,
 * as on a Romanian invoice.
 */
import {
  codeName,
  MEANS_NAMES,
  TYPE_CODE_NAMES,
  UNIT_NAMES,
  VAT_CATEGORY_NAMES,
} from '../../../shared/code-lists.ts';
import type { InvoiceDocument } from '../../../shared/domain.ts';
import type {
  DecimalValue,
  Invoice,
  InvoiceParty,
} from '../../../shared/invoice.ts';
import { AppFailure } from '../../../shared/result.ts';
import { ROMANIA_TIME_ZONE } from '../time/romania-time.ts';

import {
  CONTENT_WIDTH,
  createDocument,
  ensureSpace,
  FONT,
  FONT_BOLD,
  labelledLines,
  MARGIN,
  renderToBytes,
  sectionTitle,
  table,
  type Doc,
} from './pdf-layout.ts';

/**
 * Renders the PDF of a document from `Archive.getDocument`. Fails with
 * `archive.notFound` when the document has neither an invoice nor errors
 * (its ZIP is missing or could not be read).
 */
export async function renderDocumentPdf(
  document: InvoiceDocument,
): Promise<Uint8Array> {
  if (document.invoice) return renderInvoice(document, document.invoice);
  if (document.row.direction === 'errors' && document.errors.length > 0) {
    return renderErrors(document);
  }
  throw new AppFailure(
    'archive.notFound',
    `There is no readable document for message ${document.row.messageId}: ${document.problem ?? 'its ZIP holds no invoice'}`,
    { cif: document.row.cif, messageId: document.row.messageId },
  );
}

async function renderInvoice(
  document: InvoiceDocument,
  invoice: Invoice,
): Promise<Uint8Array> {
  const isCredit =
    invoice.rootKind === 'CreditNote' || invoice.typeCode === '381';
  const title = isCredit ? 'NOTĂ DE CREDIT' : 'FACTURĂ';
  const doc = createDocument(`${title} ${invoice.number}`);

  heading(doc, title, invoice);
  parties(doc, invoice);
  lines(doc, invoice);
  allowancesAndCharges(doc, invoice);
  vatBreakdown(doc, invoice);
  totals(doc, invoice);
  payment(doc, invoice);
  notesAndAttachments(doc, invoice);
  footer(doc, document);
  return renderToBytes(doc);
}

async function renderErrors(document: InvoiceDocument): Promise<Uint8Array> {
  const doc = createDocument('Erori de validare');
  doc.font(FONT_BOLD).fontSize(16).text('FACTURĂ RESPINSĂ DE ANAF');
  doc.font(FONT).fontSize(9).moveDown(0.5);
  labelledLines(doc, [
    ['Index încărcare', document.row.uploadIndex],
    ['CIF', document.row.cif],
    ['Data mesajului', formatDateTime(document.row.createdAt)],
  ]);
  sectionTitle(doc, `Erori (${document.errors.length})`);
  table(
    doc,
    [
      { label: 'Regula', width: 90 },
      { label: 'Mesaj', width: CONTENT_WIDTH - 90 },
    ],
    document.errors.map((error) => [error.ruleId ?? '-', error.message]),
  );
  footer(doc, document);
  return renderToBytes(doc);
}

function heading(doc: Doc, title: string, invoice: Invoice): void {
  doc.font(FONT_BOLD).fontSize(18).text(title, MARGIN, MARGIN);
  doc.font(FONT).fontSize(9).moveDown(0.3);
  labelledLines(doc, [
    ['Număr', invoice.number],
    ['Data emiterii', formatDate(invoice.issueDate)],
    ['Data scadenței', formatDate(invoice.dueDate)],
    ['Tip', formatTypeCode(invoice.typeCode)],
    ['Moneda', invoice.currency],
    ['Moneda TVA', invoice.taxCurrency],
    ['Referință cumpărător', invoice.buyerReference],
    ['Comandă', invoice.orderReference],
    ['Contract', invoice.contractReference],
    [
      'Facturi anterioare',
      invoice.precedingInvoices
        .map((preceding) =>
          [preceding.number, formatDate(preceding.issueDate)]
            .filter(Boolean)
            .join(' din '),
        )
        .join('; '),
    ],
  ]);
}

function parties(doc: Doc, invoice: Invoice): void {
  ensureSpace(doc, 130);
  doc.moveDown(0.8);
  const top = doc.y;
  const half = CONTENT_WIDTH / 2;
  const ends = [
    party(doc, 'Furnizor', invoice.seller, MARGIN, top, half - 10),
    party(doc, 'Cumpărător', invoice.buyer, MARGIN + half, top, half - 10),
  ];
  doc.x = MARGIN;
  doc.y = Math.max(...ends);
}

/** Writes one party's block; returns the y where it ends. */
function party(
  doc: Doc,
  label: string,
  value: InvoiceParty,
  x: number,
  top: number,
  width: number,
): number {
  doc.font(FONT_BOLD).fontSize(10).text(label, x, top, { width });
  doc.fontSize(9).text(value.name ?? '-', x, doc.y, { width });
  doc.font(FONT);
  const address = value.address;
  labelledLines(
    doc,
    [
      ['Denumire comercială', value.tradingName],
      ['CIF', value.cif],
      ['Cod TVA', value.vatId],
      ['Nr. înregistrare', value.registrationNumber],
      ['Informații juridice', value.legalInfo],
      [
        'Adresă',
        [address.street, address.additionalStreet].filter(Boolean).join(', '),
      ],
      [
        'Localitate',
        [address.postalCode, address.city].filter(Boolean).join(' '),
      ],
      ['Județ', address.countySubentity],
      ['Țara', address.countryCode],
      ['Contact', value.contact.name],
      ['Telefon', value.contact.phone],
      ['E-mail', value.contact.email],
    ],
    x,
    width,
  );
  return doc.y;
}

function lines(doc: Doc, invoice: Invoice): void {
  sectionTitle(doc, 'Linii');
  table(
    doc,
    [
      { label: 'Nr.', width: 28 },
      { label: 'Denumire', width: 162 },
      { label: 'Cantitate', width: 55, align: 'right' },
      { label: 'U.M.', width: 60 },
      { label: 'Preț unitar', width: 65, align: 'right' },
      { label: 'Cotă TVA', width: 50, align: 'right' },
      { label: 'Valoare', width: CONTENT_WIDTH - 420, align: 'right' },
    ],
    invoice.lines.map((line, index) => [
      line.id ?? String(index + 1),
      [line.name, line.description, line.note].filter(Boolean).join('\n'),
      formatQuantity(line.quantity),
      codeName(UNIT_NAMES, line.unitCode) ?? line.unitCode ?? '',
      formatAmount(line.price),
      formatRate(line.vatCategory, line.vatRate),
      formatAmount(line.netAmount),
    ]),
  );
}

function allowancesAndCharges(doc: Doc, invoice: Invoice): void {
  if (invoice.allowancesCharges.length === 0) return;
  sectionTitle(doc, 'Reduceri și taxe suplimentare');
  table(
    doc,
    [
      { label: 'Tip', width: 80 },
      { label: 'Motiv', width: 235 },
      { label: 'Cotă TVA', width: 80, align: 'right' },
      { label: 'Valoare', width: CONTENT_WIDTH - 395, align: 'right' },
    ],
    invoice.allowancesCharges.map((item) => [
      item.isCharge ? 'Taxă' : 'Reducere',
      item.reason ?? item.reasonCode ?? '',
      formatRate(item.vatCategory, item.vatRate),
      formatAmount(item.amount),
    ]),
  );
}

function vatBreakdown(doc: Doc, invoice: Invoice): void {
  sectionTitle(doc, 'Defalcare TVA');
  table(
    doc,
    [
      { label: 'Categorie', width: 110 },
      { label: 'Cotă', width: 50, align: 'right' },
      { label: 'Bază impozabilă', width: 100, align: 'right' },
      { label: 'TVA', width: 90, align: 'right' },
      { label: 'Motiv scutire', width: CONTENT_WIDTH - 350 },
    ],
    invoice.vatBreakdown.map((row) => [
      codeName(VAT_CATEGORY_NAMES, row.category) ?? row.category ?? '',
      row.rate ? `${formatDecimal(row.rate.text)}%` : '',
      formatAmount(row.taxableAmount),
      formatAmount(row.taxAmount),
      row.exemptionReason ?? row.exemptionReasonCode ?? '',
    ]),
  );
}

function totals(doc: Doc, invoice: Invoice): void {
  sectionTitle(doc, `Totaluri (${invoice.currency})`);
  const { totals: sums } = invoice;
  const vatInTaxCurrency = sums.vatInTaxCurrency
    ? `${formatAmount(sums.vatInTaxCurrency)} ${invoice.taxCurrency ?? ''}`.trim()
    : null;
  labelledLines(doc, [
    ['Total linii', formatAmount(sums.lineNet)],
    ['Reduceri', formatAmount(sums.allowances)],
    ['Taxe suplimentare', formatAmount(sums.charges)],
    ['Total fără TVA', formatAmount(sums.net)],
    ['TVA', formatAmount(sums.vat)],
    ['TVA în moneda de contabilizare', vatInTaxCurrency],
    ['Total cu TVA', formatAmount(sums.withVat)],
    ['Plătit în avans', formatAmount(sums.prepaid)],
    ['Rotunjire', formatAmount(sums.rounding)],
    ['De plată', formatAmount(sums.payable)],
  ]);
}

function payment(doc: Doc, invoice: Invoice): void {
  if (invoice.paymentMeans.length === 0 && !invoice.paymentTerms) return;
  sectionTitle(doc, 'Plată');
  for (const means of invoice.paymentMeans) {
    labelledLines(doc, [
      ['Mod de plată', formatMeans(means.code, means.text)],
      ['IBAN', means.iban],
      ['Titular cont', means.accountName],
      ['BIC', means.bic],
      ['Referință plată', means.paymentId],
    ]);
  }
  labelledLines(doc, [['Termeni de plată', invoice.paymentTerms]]);
}

function notesAndAttachments(doc: Doc, invoice: Invoice): void {
  if (invoice.notes.length > 0) {
    sectionTitle(doc, 'Note');
    for (const note of invoice.notes) {
      ensureSpace(doc, 14);
      doc.text(note, MARGIN, doc.y, { width: CONTENT_WIDTH });
    }
  }
  if (invoice.attachments.length > 0) {
    sectionTitle(doc, 'Anexe');
    for (const attachment of invoice.attachments) {
      ensureSpace(doc, 14);
      const name =
        attachment.filename ?? attachment.id ?? attachment.externalUri ?? '-';
      const details = [attachment.description, attachment.mimeType]
        .filter(Boolean)
        .join(', ');
      doc.text(details ? `${name} (${details})` : name, MARGIN, doc.y, {
        width: CONTENT_WIDTH,
      });
    }
  }
}

function footer(doc: Doc, document: InvoiceDocument): void {
  const { row, signature } = document;
  sectionTitle(doc, 'Mesaj ANAF');
  const signer = signature
    ? `${signature.signerSubject ?? 'semnatar necunoscut'} (${signature.shape === 'detached' ? 'detașată' : 'înglobată'}${signature.digestMatches === false ? ', amprenta nu corespunde' : ''})`
    : null;
  labelledLines(doc, [
    ['ID descărcare', row.messageId],
    ['Index încărcare', row.uploadIndex],
    ['Data mesajului', formatDateTime(row.createdAt)],
    ['Semnătura', signer],
  ]);
}

/** `2025-01-31` as `31.01.2025`, the Romanian way. */
function formatDate(value: string | null): string | null {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}

/** Formats an ISO instant as Romania time, `dd.mm.yyyy, hh:mm`. */
function formatDateTime(value: string): string {
  return new Intl.DateTimeFormat('ro-RO', {
    timeZone: ROMANIA_TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(value));
}

/** Formats a decimal with `,` before the fraction and `.` between thousands. */
function formatDecimal(text: string, minimumFraction = 0): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return text;
  const [, sign = '', whole = '', fraction = ''] = match;
  const grouped = (whole || '0').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const digits = fraction.padEnd(minimumFraction, '0');
  return `${sign === '-' ? '-' : ''}${grouped}${digits ? `,${digits}` : ''}`;
}

function formatAmount(value: DecimalValue | null): string {
  return value ? formatDecimal(value.text, 2) : '';
}

function formatQuantity(value: DecimalValue | null): string {
  return value ? formatDecimal(value.text) : '';
}

/** Formats a rate, naming its VAT category unless it is standard. */
function formatRate(
  category: string | null,
  rate: DecimalValue | null,
): string {
  const percent = rate ? `${formatDecimal(rate.text)}%` : '';
  if (!category || category === 'S') return percent;
  const name = codeName(VAT_CATEGORY_NAMES, category) ?? category;
  return `${percent} ${name}`.trim();
}

/** Formats `380 (factură)` as the invoice view does. An unknown code stays bare. */
function formatTypeCode(code: string | null): string | null {
  const name = codeName(TYPE_CODE_NAMES, code);
  return name ? `${code} (${name})` : code;
}

/** Names the payment means (or keeps its code) and appends the invoice's text. */
function formatMeans(code: string | null, text: string | null): string {
  const name = codeName(MEANS_NAMES, code) ?? code;
  return [name, text].filter(Boolean).join(' — ');
}
