/**
 * Widths of the invoice grid's number and amount columns, taken from the
 * rows loaded so far, so that no invoice number or amount is cut off with
 * an ellipsis. AG Grid's own autosize measures only rendered cells, and the
 * infinite row model renders a few rows at a time, so the grid widens these
 * columns itself as blocks arrive.
 */
import type { InvoiceListRow } from '../../../../shared/ipc/contract.ts';
import { formatAmount } from '../format.ts';

export const CONTENT_COLUMNS = ['number', 'net', 'vat', 'total'] as const;
export type ContentColumn = (typeof CONTENT_COLUMNS)[number];

/** Minimum column widths in pixels, by column id. */
export type ContentWidths = Partial<Record<ContentColumn, number>>;

/** The grid's font size in pixels, as set in `grid/setup.ts`. */
const FONT_PX = 13;
/** Cell padding on both sides, the sort icon's room and a little slack. */
const CELL_PADDING_PX = 36;
/** Estimated character width where no canvas exists (tests), above a 13 px digit's. */
const FALLBACK_CHAR_PX = 9;

let context: CanvasRenderingContext2D | null | undefined;

function canvasContext(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  try {
    context = document.createElement('canvas').getContext('2d');
  } catch {
    context = null;
  }
  if (context) {
    const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
    context.font = `${FONT_PX}px ${family}`;
  }
  return context;
}

/** Measures text in the grid's font, or estimates it where no canvas exists. */
export function textWidth(text: string): number {
  const measured = canvasContext()?.measureText(text).width;
  const width = typeof measured === 'number' && measured > 0 ? measured : text.length * FALLBACK_CHAR_PX;
  return Math.ceil(width + CELL_PADDING_PX);
}

function cellText(row: InvoiceListRow, column: ContentColumn, language: string): string {
  if (column === 'number') return row.number ?? '';
  return formatAmount(row[column], language);
}

/**
 * Returns the widths that fit `rows`, never narrower than `previous`. The
 * same object comes back when nothing widened, so a React state update
 * with it does not re-render the grid.
 */
export function widenToContent(
  previous: ContentWidths,
  rows: readonly InvoiceListRow[],
  language: string,
): ContentWidths {
  let next = previous;
  for (const column of CONTENT_COLUMNS) {
    let width = 0;
    for (const row of rows) {
      const text = cellText(row, column, language);
      if (text) width = Math.max(width, textWidth(text));
    }
    if (width > (next[column] ?? 0)) next = { ...next, [column]: width };
  }
  return next;
}
