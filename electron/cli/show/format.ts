/** Text rendering of an invoice or an ANAF error document for `efactura show`. */
import type {
  AnafErrorDocument,
  DecimalValue,
  Invoice,
  InvoiceParty,
} from '../../../shared/invoice.ts';
import { formatTable } from '../output.ts';

function amount(value: DecimalValue | null): string {
  return value?.text ?? '-';
}

function party(role: string, value: InvoiceParty): string[] {
  const ids = [
    value.cif ? `CIF ${value.cif}` : null,
    value.vatId ? `VAT ${value.vatId}` : null,
    value.registrationNumber && value.registrationNumber !== value.cif
      ? `reg. ${value.registrationNumber}`
      : null,
  ].filter((part) => part !== null);
  const address = [
    value.address.street,
    value.address.city,
    value.address.countySubentity,
    value.address.countryCode,
  ]
    .filter((part) => part)
    .join(', ');
  return [
    `${role}: ${value.name ?? '-'}${ids.length > 0 ? ` (${ids.join(', ')})` : ''}`,
    ...(address ? [`  ${address}`] : []),
  ];
}

function lines(invoice: Invoice): string[] {
  if (invoice.lines.length === 0) return [];
  const rows = invoice.lines.map((line) => [
    line.id ?? '-',
    line.name ?? '-',
    `${amount(line.quantity)} ${line.unitCode ?? ''}`.trim(),
    amount(line.price),
    line.vatRate ? `${line.vatRate.text}%` : (line.vatCategory ?? '-'),
    amount(line.netAmount),
  ]);
  return [
    '',
    formatTable(['LINE', 'ITEM', 'QUANTITY', 'PRICE', 'VAT', 'NET'], rows),
  ];
}

function vatBreakdown(invoice: Invoice): string[] {
  if (invoice.vatBreakdown.length === 0) return [];
  const rows = invoice.vatBreakdown.map((row) => [
    row.category ?? '-',
    row.rate ? `${row.rate.text}%` : '-',
    amount(row.taxableAmount),
    amount(row.taxAmount),
    row.exemptionReason ?? '',
  ]);
  return [
    '',
    formatTable(['VAT CATEGORY', 'RATE', 'TAXABLE', 'VAT', 'EXEMPTION'], rows),
  ];
}

function payment(invoice: Invoice): string[] {
  return invoice.paymentMeans
    .filter((means) => means.iban)
    .map(
      (means) =>
        `Pay to: ${means.iban}${means.bic ? ` (BIC ${means.bic})` : ''}${means.paymentId ? `, reference ${means.paymentId}` : ''}`,
    );
}

export function formatInvoice(invoice: Invoice): string {
  const kind = invoice.rootKind === 'CreditNote' ? 'Credit note' : 'Invoice';
  const totals = invoice.totals;
  return [
    `${kind} ${invoice.number} of ${invoice.issueDate}${invoice.dueDate ? `, due ${invoice.dueDate}` : ''} (${invoice.syntax}, type ${invoice.typeCode ?? '-'}, ${invoice.currency})`,
    ...(invoice.uploadIndex ? [`Upload index: ${invoice.uploadIndex}`] : []),
    '',
    ...party('Seller', invoice.seller),
    ...party('Buyer', invoice.buyer),
    ...lines(invoice),
    ...vatBreakdown(invoice),
    '',
    `Net ${amount(totals.net)}, VAT ${amount(totals.vat)}, total ${amount(totals.withVat)}, payable ${amount(totals.payable)} ${invoice.currency}`,
    ...payment(invoice),
    ...invoice.notes.map((note) => `Note: ${note}`),
    ...invoice.attachments.map(
      (attachment) =>
        `Attachment ${attachment.index}: ${attachment.filename ?? attachment.id ?? '-'} (${attachment.mimeType ?? 'unknown type'})`,
    ),
  ].join('\n');
}

export function formatErrorDocument(document: AnafErrorDocument): string {
  const header = `ANAF rejected upload ${document.uploadIndex ?? '-'} (CIF ${document.sellerCif ?? '-'}) with ${document.errors.length} error(s):`;
  return [
    header,
    ...document.errors.map(
      (error) =>
        `  ${error.ruleId ? `[${error.ruleId}] ` : ''}${error.message}`,
    ),
  ].join('\n');
}
