/**
 * Layout helpers for the invoice PDF on an A4 page: fonts, section titles,
 * label-value blocks and tables that continue on a new page. Text is set in
 * DejaVu Sans, embedded from the `dejavu-fonts-ttf` package, because the
 * 14 standard PDF fonts cannot show ș ț (comma below) and ş ţ (cedilla).
 */
import { createRequire } from 'node:module';

import PDFDocument from 'pdfkit';

export const FONT = 'DejaVuSans';
export const FONT_BOLD = 'DejaVuSans-Bold';
export const MARGIN = 40;
/** A4 in PostScript points. */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BOTTOM = PAGE_HEIGHT - MARGIN;

export type Doc = PDFKit.PDFDocument;

export interface Column {
  label: string;
  width: number;
  align?: 'left' | 'right';
}

function fontFile(name: string): string {
  return createRequire(import.meta.url).resolve(
    `dejavu-fonts-ttf/ttf/${name}.ttf`,
  );
}

/** Creates an A4 document with both fonts registered. */
export function createDocument(title: string): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: title, Producer: 'e-Factura Desktop' },
  });
  doc.registerFont(FONT, fontFile(FONT));
  doc.registerFont(FONT_BOLD, fontFile(FONT_BOLD));
  doc.font(FONT).fontSize(9);
  return doc;
}

/** Collects the document's bytes once it ends. */
export function renderToBytes(doc: Doc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

/** Starts a new page when less than `height` points are left. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage();
}

export function sectionTitle(doc: Doc, title: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.8);
  doc.font(FONT_BOLD).fontSize(10).text(title, MARGIN, doc.y);
  doc.font(FONT).fontSize(9);
  doc.moveDown(0.3);
}

/** Writes `label: value` lines, skipping empty values. */
export function labelledLines(
  doc: Doc,
  lines: ReadonlyArray<[string, string | null]>,
  x = MARGIN,
  width = CONTENT_WIDTH,
): void {
  for (const [label, value] of lines) {
    if (value === null || value === '') continue;
    ensureSpace(doc, 14);
    doc
      .font(FONT_BOLD)
      .text(`${label}: `, x, doc.y, { continued: true, width })
      .font(FONT)
      .text(value, { width });
  }
}

/**
 * Draws a table with a bold header row; a row that does not fit starts a
 * new page, which repeats the header.
 */
export function table(doc: Doc, columns: Column[], rows: string[][]): void {
  drawRow(
    doc,
    columns,
    columns.map((column) => column.label),
    true,
  );
  for (const cells of rows) {
    const height = rowHeight(doc, columns, cells);
    if (doc.y + height > BOTTOM) {
      doc.addPage();
      drawRow(
        doc,
        columns,
        columns.map((column) => column.label),
        true,
      );
    }
    drawRow(doc, columns, cells, false);
  }
}

function rowHeight(doc: Doc, columns: Column[], cells: string[]): number {
  return Math.max(
    ...columns.map((column, i) =>
      doc.heightOfString(cells[i] ?? '', { width: column.width - 4 }),
    ),
  );
}

function drawRow(
  doc: Doc,
  columns: Column[],
  cells: string[],
  header: boolean,
): void {
  doc.font(header ? FONT_BOLD : FONT);
  const top = doc.y;
  const height = rowHeight(doc, columns, cells);
  let x = MARGIN;
  columns.forEach((column, i) => {
    doc.text(cells[i] ?? '', x + 2, top, {
      width: column.width - 4,
      align: column.align ?? 'left',
    });
    x += column.width;
  });
  doc.font(FONT);
  const bottom = top + height + 3;
  doc
    .moveTo(MARGIN, bottom)
    .lineTo(MARGIN + CONTENT_WIDTH, bottom)
    .lineWidth(header ? 0.8 : 0.3)
    .strokeColor('#888888')
    .stroke();
  doc.x = MARGIN;
  doc.y = bottom + 3;
}
