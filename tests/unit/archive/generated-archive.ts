/**
 * A generated archive for the search and export tests: invoices of one
 * company with partners whose names use the comma-below letters (ș ț), the
 * older cedilla letters (ş ţ) and no diacritics at all.
 */
import type { Archive } from '../../../electron/core/archive/index.ts';

import { listedMessage } from './archive-fixture.ts';
import {
  invoiceXml,
  messageZip,
  type InvoiceSpec,
  type PartySpec,
} from './invoice-builder.ts';

export const COMPANY: PartySpec = {
  cif: '18654326',
  name: 'Carpatica Distribuție SRL',
};

export const PARTNERS: readonly PartySpec[] = [
  { cif: '24019370', name: 'Ștefănescu Construcții SRL' },
  { cif: '31902844', name: 'Şerban Ţesătorie SA' },
  { cif: '15790263', name: 'Stefan Tehnic SRL' },
  { cif: '43127581', name: 'Îngrijire Țară Verde SRL' },
];

export interface GeneratedInvoice {
  messageId: string;
  direction: 'received' | 'sent';
  spec: InvoiceSpec;
  partner: PartySpec;
  /** Total with VAT, negative for credit notes. */
  total: number;
}

/**
 * Invoice `i` has partner `i % 4`, currency EUR when `i % 5 === 0`, an
 * issue date in January 2025, lines worth `(i + 1) * 10` net at 19 % VAT
 * plus 5 net at 9 % for odd `i`, and is a credit note when `i % 7 === 6`.
 * Even `i` are received, odd `i` sent.
 */
export function generatedInvoices(count: number): GeneratedInvoice[] {
  return Array.from({ length: count }, (_, i) => {
    const partner = PARTNERS[i % PARTNERS.length] as PartySpec;
    const direction = i % 2 === 0 ? 'received' : 'sent';
    const creditNote = i % 7 === 6;
    const lines = [
      { name: `Marfă ${i}`, quantity: 1, price: (i + 1) * 10, rate: 19 },
    ];
    if (i % 2 === 1) {
      lines.push({ name: 'Transport', quantity: 1, price: 5, rate: 9 });
    }
    const spec: InvoiceSpec = {
      number: `CD-2025-${String(i + 1).padStart(4, '0')}`,
      issueDate: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
      dueDate: `2025-02-${String((i % 28) + 1).padStart(2, '0')}`,
      currency: i % 5 === 0 ? 'EUR' : 'RON',
      seller: direction === 'received' ? partner : COMPANY,
      buyer: direction === 'received' ? COMPANY : partner,
      lines,
      creditNote,
    };
    const net = (i + 1) * 10 + (i % 2 === 1 ? 5 : 0);
    const vat = Math.round((i + 1) * 10 * 19) / 100 + (i % 2 === 1 ? 0.45 : 0);
    const total = Math.round((net + vat) * 100) / 100;
    return {
      messageId: String(3_000_000 + i),
      direction,
      spec,
      partner,
      total: creditNote ? -total : total,
    };
  });
}

/** Lists and stores every generated invoice in the archive. */
export async function fillArchive(
  archive: Archive,
  invoices: readonly GeneratedInvoice[],
): Promise<void> {
  archive.recordListed(
    COMPANY.cif,
    invoices.map((invoice, i) =>
      listedMessage({
        downloadId: invoice.messageId,
        uploadIndex: String(5_000_000 + i),
        createdAt: new Date(Date.UTC(2025, 0, 2, 8, i)),
        type:
          invoice.direction === 'received'
            ? 'FACTURA PRIMITA'
            : 'FACTURA TRIMISA',
        direction: invoice.direction,
      }),
    ),
  );
  for (const [i, invoice] of invoices.entries()) {
    const zip = await messageZip(
      String(5_000_000 + i),
      invoiceXml(invoice.spec),
    );
    await archive.storeDownload(COMPANY.cif, invoice.messageId, zip);
  }
}
