/**
 * The CSV export of an archive search, for accounting programs: one row per
 * invoice (with the taxable base and VAT of each rate in its own columns),
 * or one row per invoice line.
 *
 * Format: UTF-8 with a byte order mark, CRLF line ends, `;` between fields
 * and `,` before decimals, ISO dates (`2025-01-31`), ANAF's message time in
 * Romania time (`2025-01-31 13:30`), no thousands separator. Romanian regional settings use the comma as the decimal
 * separator, so spreadsheets and import dialogs there expect `;` between
 * fields. The other choice is `,` between fields with `.` decimals.
 * Headers, directions and message states are in Romanian, because the
 * export options carry no language. Credit notes have negative amounts, as in the
 * archive's index.
 */
import { codeName, MESSAGE_STATE_NAMES } from '../../../shared/code-lists.ts';
import type { InvoiceQuery } from '../../../shared/domain.ts';
import type { InvoiceLine } from '../../../shared/invoice.ts';
import { AppFailure } from '../../../shared/result.ts';
import type {
  Archive,
  ArchivedInvoice,
  ExportSelection,
  VatRow,
} from '../archive/index.ts';
import { readAnafMessage } from '../invoice/index.ts';

import {
  centsCell,
  csvLine,
  decimalCell,
  romaniaTimeCell,
  textCell,
  UTF8_BOM,
  type CsvFormat,
} from './csv-format.ts';

export interface CsvOptions {
  /** One row per invoice line instead of one per invoice. */
  perLine?: boolean;
  /** `;` (default) or `,`. */
  delimiter?: CsvFormat['delimiter'];
  /** `,` (default with `;`) or `.`; must be `.` when the delimiter is `,`. */
  decimalSeparator?: CsvFormat['decimalSeparator'];
  /** Only these messages of the search, e.g. the rows picked in the list. */
  messageIds?: readonly string[];
}

export interface CsvExport {
  /** UTF-8 bytes with the byte order mark. */
  bytes: Uint8Array;
  /** Data rows written, without the header. */
  rows: number;
  fileName: string;
}

const DIRECTION_NAMES: Record<string, string> = {
  received: 'primită',
  sent: 'emisă',
  errors: 'eroare',
};

const INVOICE_HEADER = [
  'Direcție',
  'CIF partener',
  'Partener',
  'Număr',
  'Tip',
  'Data emiterii',
  'Data scadenței',
  'Monedă',
  'Valoare fără TVA',
  'TVA',
  'Total',
];
const TRAILING_HEADER = [
  'Index încărcare',
  'ID descărcare',
  'Data ANAF',
  'Stare',
];
const LINE_HEADER = [
  'Direcție',
  'CIF partener',
  'Partener',
  'Număr',
  'Tip',
  'Data emiterii',
  'Monedă',
  'Nr. linie',
  'Denumire',
  'Cantitate',
  'U.M.',
  'Preț unitar',
  'Categorie TVA',
  'Cotă TVA',
  'Valoare linie',
  'ID descărcare',
];

/**
 * Exports every row of a search (paging ignored), or with `messageIds`
 * only those of its rows, which are read by id. Per-line rows are read
 * from the archived ZIPs; messages without an archived invoice have no
 * lines and give no row there. Fails with `input.invalid` for `,` as both
 * delimiter and decimal separator, and for more ids than
 * `MAX_SELECTED_MESSAGES`.
 */
export async function exportCsv(
  archive: Archive,
  query: InvoiceQuery,
  options: CsvOptions = {},
): Promise<CsvExport> {
  // Checks the options before anything is read.
  csvFormat(options);
  const selection = options.messageIds
    ? archive.selectByIds(query.cif, options.messageIds, query)
    : archive.selectForExport(query);
  const csv = await selectionCsv(archive, selection, options);
  const date = new Date().toISOString().slice(0, 10);
  const kind = options.perLine ? 'linii' : 'facturi';
  return {
    bytes: new TextEncoder().encode(`${UTF8_BOM}${csv.text}`),
    rows: csv.rows,
    fileName: `${kind}-${query.cif}-${date}.csv`,
  };
}

/** Writes the CSV text, without the byte order mark, of a selection. */
export async function selectionCsv(
  archive: Archive,
  selection: ExportSelection,
  options: CsvOptions = {},
): Promise<{ text: string; rows: number }> {
  const format = csvFormat(options);
  return options.perLine
    ? lineRows(archive, selection, format)
    : invoiceRows(selection, format);
}

function csvFormat(options: CsvOptions): CsvFormat {
  const delimiter = options.delimiter ?? ';';
  const decimalSeparator =
    options.decimalSeparator ?? (delimiter === ';' ? ',' : '.');
  if (delimiter === ',' && decimalSeparator === ',') {
    throw new AppFailure(
      'input.invalid',
      'A CSV with "," between fields needs "." as the decimal separator. Choose ";" between fields to keep "," for decimals.',
    );
  }
  return { delimiter, decimalSeparator };
}

/**
 * Returns the key of a VAT column pair: the rate, and the category unless
 * it is `S`. The rate is written the Romanian way (`19%`, `9,5%`), so
 * `19.00` and `19` in different XMLs share one column.
 */
function vatKey(vat: VatRow): string {
  const rate = vat.rate === null ? '?' : romanianRate(vat.rate);
  return vat.category && vat.category !== 'S'
    ? `${rate}% (${vat.category})`
    : `${rate}%`;
}

/** Formats `19.00` as `19` and `9.50` as `9,5`. Other text stays as is. */
function romanianRate(rate: string): string {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(rate.trim());
  if (!match) return rate;
  const whole = String(Number(match[1]));
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return fraction ? `${whole},${fraction}` : whole;
}

function compareVatKeys(a: string, b: string): number {
  const value = (key: string) => parseFloat(key.replace(',', '.'));
  return value(b) - value(a) || a.localeCompare(b);
}

function invoiceRows(
  selection: ExportSelection,
  format: CsvFormat,
): { text: string; rows: number } {
  // Both passes run without an await in between, so no sync can change a
  // row's VAT breakdown after its columns were chosen.
  const keys = new Set<string>();
  for (const item of selection.rows()) {
    for (const vat of item.vat) keys.add(vatKey(vat));
  }
  const vatKeys = [...keys].sort(compareVatKeys);
  const header = [
    ...INVOICE_HEADER,
    ...vatKeys.flatMap((key) => [`Bază TVA ${key}`, `TVA ${key}`]),
    ...TRAILING_HEADER,
  ];

  const parts = [
    csvLine(
      header.map((cell) => textCell(cell, format)),
      format,
    ),
  ];
  let rows = 0;
  for (const item of selection.rows()) {
    parts.push(csvLine(invoiceCells(item, vatKeys, format), format));
    rows += 1;
  }
  return { text: parts.join(''), rows };
}

function invoiceCells(
  item: ArchivedInvoice,
  vatKeys: string[],
  format: CsvFormat,
): string[] {
  const { row } = item;
  const cents = (amount: number | null) =>
    centsCell(amount === null ? null : Math.round(amount * 100), format);
  const vatCells = vatKeys.flatMap((key) => {
    const matching = item.vat.filter((vat) => vatKey(vat) === key);
    if (matching.length === 0) return ['', ''];
    const sum = (pick: (vat: VatRow) => number | null) =>
      matching.reduce((total, vat) => total + (pick(vat) ?? 0), 0);
    return [
      centsCell(
        sum((vat) => vat.taxableCents),
        format,
      ),
      centsCell(
        sum((vat) => vat.taxCents),
        format,
      ),
    ];
  });
  return [
    textCell(DIRECTION_NAMES[row.direction] ?? row.direction, format),
    textCell(row.partnerCif, format),
    textCell(row.partnerName, format),
    textCell(row.number, format),
    textCell(item.typeCode, format),
    textCell(row.issueDate, format),
    textCell(row.dueDate, format),
    textCell(row.currency, format),
    cents(row.net),
    cents(row.vat),
    cents(row.total),
    ...vatCells,
    textCell(row.uploadIndex, format),
    textCell(row.messageId, format),
    romaniaTimeCell(row.createdAt, format),
    textCell(codeName(MESSAGE_STATE_NAMES, row.state) ?? row.state, format),
  ];
}

async function lineRows(
  archive: Archive,
  selection: ExportSelection,
  format: CsvFormat,
): Promise<{ text: string; rows: number }> {
  const parts = [
    csvLine(
      LINE_HEADER.map((cell) => textCell(cell, format)),
      format,
    ),
  ];
  let rows = 0;
  for (const item of selection.rows()) {
    if (item.row.state !== 'downloaded') continue;
    const zip = await archive.readStoredZip(item.row.cif, item.row.messageId);
    const message = await readAnafMessage(zip);
    if (!message.ok || message.value.content.kind !== 'invoice') continue;

    const { invoice } = message.value.content;
    const negate =
      invoice.rootKind === 'CreditNote' || invoice.typeCode === '381';
    invoice.lines.forEach((line, index) => {
      parts.push(csvLine(lineCells(item, line, index, negate, format), format));
      rows += 1;
    });
  }
  return { text: parts.join(''), rows };
}

function lineCells(
  item: ArchivedInvoice,
  line: InvoiceLine,
  index: number,
  negate: boolean,
  format: CsvFormat,
): string[] {
  const { row } = item;
  return [
    textCell(DIRECTION_NAMES[row.direction] ?? row.direction, format),
    textCell(row.partnerCif, format),
    textCell(row.partnerName, format),
    textCell(row.number, format),
    textCell(item.typeCode, format),
    textCell(row.issueDate, format),
    textCell(row.currency, format),
    textCell(line.id ?? String(index + 1), format),
    textCell(line.name, format),
    decimalCell(line.quantity?.text ?? null, format),
    textCell(line.unitCode, format),
    decimalCell(line.price?.text ?? null, format),
    textCell(line.vatCategory, format),
    decimalCell(line.vatRate?.text ?? null, format),
    decimalCell(line.netAmount?.text ?? null, format, negate),
    textCell(row.messageId, format),
  ];
}
