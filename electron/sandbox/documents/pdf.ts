// The PDF the transformare service returns: a readable rendering of a UBL or
// CII invoice. Text is set in DejaVu Sans because the PDF standard fonts lack
// the Romanian letters ș ț (comma below) and ş ţ (cedilla).
import { createRequire } from 'node:module';

import PDFDocument from 'pdfkit';

import {
  readInvoice,
  type InvoiceView,
  type PartyView,
} from './invoice-view.ts';
import { isoDate } from './cii-reader.ts';
import { parseXml } from './xml.ts';

const FONT = 'DejaVuSans';
const FONT_BOLD = 'DejaVuSans-Bold';
const MARGIN = 40;
const PAGE_BOTTOM = 842 - MARGIN - 30;

/** Columns of the line table: label, x position, width and alignment. */
const COLUMNS = [
  { label: 'Nr.', x: 40, width: 25, align: 'left' },
  { label: 'Denumire produs/serviciu', x: 65, width: 190, align: 'left' },
  { label: 'U.M.', x: 255, width: 35, align: 'left' },
  { label: 'Cantitate', x: 290, width: 55, align: 'right' },
  { label: 'Preț unitar', x: 345, width: 70, align: 'right' },
  { label: 'Valoare', x: 415, width: 75, align: 'right' },
  { label: 'Cotă TVA', x: 490, width: 65, align: 'right' },
] as const;

function fontPath(file: string): string {
  return createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);
}

/** Formats YYYY-MM-DD (or CII YYYYMMDD) as the dd.mm.yyyy Romanian documents use. */
function displayDate(value: string | null): string {
  const iso = isoDate(value);
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return match ? `${match[3]}.${match[2]}.${match[1]}` : (value ?? '-');
}

function title(view: InvoiceView): string {
  const isCredit = view.root === 'CreditNote' || view.typeCode === '381';
  return isCredit ? 'NOTĂ DE CREDIT' : 'FACTURĂ';
}

function partyLines(party: PartyView): string[] {
  const address = [party.street, party.city, party.postalCode]
    .filter(Boolean)
    .join(', ');
  return [
    party.name ?? '-',
    `Cod de înregistrare fiscală: ${party.vatId ?? party.taxIds[0] ?? '-'}`,
    `Nr. înregistrare: ${party.legalId ?? '-'}`,
    `Adresă poștală: ${address || '-'}`,
    `Județ: ${party.countrySubentity ?? '-'}`,
    `Țară: ${party.country ?? '-'}`,
  ];
}

function drawParties(
  doc: PDFKit.PDFDocument,
  view: InvoiceView,
  top: number,
): number {
  const blocks: Array<[string, PartyView, number]> = [
    ['Furnizor', view.seller, MARGIN],
    ['Cumpărător', view.buyer, 310],
  ];
  let bottom = top;
  for (const [label, party, x] of blocks) {
    doc.font(FONT_BOLD).fontSize(10).text(label, x, top, { width: 245 });
    doc.font(FONT).fontSize(9);
    for (const line of partyLines(party))
      doc.text(line, x, doc.y, { width: 245 });
    bottom = Math.max(bottom, doc.y);
  }
  return bottom + 16;
}

function drawRow(
  doc: PDFKit.PDFDocument,
  cells: string[],
  y: number,
  bold: boolean,
): number {
  doc.font(bold ? FONT_BOLD : FONT).fontSize(8.5);
  let bottom = y;
  COLUMNS.forEach((column, i) => {
    doc.text(cells[i] ?? '', column.x, y, {
      width: column.width - 4,
      align: column.align,
    });
    bottom = Math.max(bottom, doc.y);
  });
  return bottom + 4;
}

function drawLines(
  doc: PDFKit.PDFDocument,
  view: InvoiceView,
  top: number,
): number {
  let y = drawRow(
    doc,
    COLUMNS.map((column) => column.label),
    top,
    true,
  );
  for (const [index, line] of view.lines.entries()) {
    if (y > PAGE_BOTTOM) {
      doc.addPage();
      y = drawRow(
        doc,
        COLUMNS.map((column) => column.label),
        MARGIN,
        true,
      );
    }
    const rate =
      line.vatRate === null
        ? '-'
        : `${line.vatRate}% (${line.vatCategory ?? '-'})`;
    y = drawRow(
      doc,
      [
        line.id ?? String(index + 1),
        line.name ?? '-',
        line.unitCode ?? '-',
        line.quantity ?? '-',
        line.price ?? '-',
        line.netAmount ?? '-',
        rate,
      ],
      y,
      false,
    );
  }
  return y + 10;
}

function drawTotals(
  doc: PDFKit.PDFDocument,
  view: InvoiceView,
  top: number,
): void {
  const currency = view.currency ?? '';
  const rows: Array<[string, string | null]> = [
    ['Total fără TVA', view.taxExclusiveTotal],
    ...view.vatBreakdown.map((group): [string, string | null] => [
      `TVA ${group.rate ?? '0'}% (${group.category ?? '-'}) la baza ${group.taxableAmount ?? '-'}`,
      group.taxAmount,
    ]),
    ['Total TVA', view.vatTotal],
    ['Total de plată', view.payableAmount ?? view.taxInclusiveTotal],
  ];
  if (view.vatTotalInTaxCurrency)
    rows.push([
      `Total TVA în ${view.taxCurrency ?? 'RON'}`,
      view.vatTotalInTaxCurrency,
    ]);
  let y = top > PAGE_BOTTOM - rows.length * 14 ? (doc.addPage(), MARGIN) : top;
  for (const [label, amount] of rows) {
    doc.font(label === 'Total de plată' ? FONT_BOLD : FONT).fontSize(9);
    doc.text(label, 300, y, { width: 160 });
    const suffix = label.startsWith('Total TVA în')
      ? ` ${view.taxCurrency ?? ''}`
      : ` ${currency}`;
    doc.text(amount ? `${amount}${suffix}` : '-', 460, y, {
      width: 95,
      align: 'right',
    });
    y = doc.y + 2;
  }
  const notes = view.notes.filter((note) => note.length > 0);
  if (notes.length > 0) {
    doc
      .font(FONT)
      .fontSize(8.5)
      .text(`Mențiuni: ${notes.join(' ')}`, MARGIN, y + 12, { width: 515 });
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * Renders a UBL Invoice, CreditNote or CII invoice as an A4 PDF. Throws when
 * the body is not well-formed XML or not one of those documents.
 */
export async function renderInvoicePdf(body: Buffer): Promise<Buffer> {
  const parsed = parseXml(body);
  if (!parsed.ok)
    throw new Error(`Cannot render a PDF: ${parsed.problem.message}`);
  const view = readInvoice(parsed.document);
  if (!view)
    throw new Error(
      'Cannot render a PDF: the root is not a UBL Invoice, CreditNote or CII invoice',
    );

  const heading = `${title(view)} ${view.number ?? ''}`.trim();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: heading, Creator: 'e-Factura sandbox' },
  });
  const done = collect(doc);
  doc.registerFont(FONT, fontPath('DejaVuSans.ttf'));
  doc.registerFont(FONT_BOLD, fontPath('DejaVuSans-Bold.ttf'));

  doc.font(FONT_BOLD).fontSize(16).text(heading, MARGIN, MARGIN);
  doc.font(FONT).fontSize(9);
  doc.text(
    `Data emiterii: ${displayDate(view.issueDate)}    Data scadenței: ${displayDate(view.dueDate)}    Moneda: ${view.currency ?? '-'}`,
  );
  const partiesBottom = drawParties(doc, view, doc.y + 12);
  const linesBottom = drawLines(doc, view, partiesBottom);
  drawTotals(doc, view, linesBottom);
  doc.end();
  return done;
}
