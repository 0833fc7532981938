import { describe, expect, it } from 'vitest';

import { renderInvoicePdf } from '../../../electron/sandbox/documents/index.ts';
import { writeCii } from '../../../electron/sandbox/documents/cii-writer.ts';
import { writeUbl } from '../../../electron/sandbox/documents/ubl-writer.ts';
import { company, sampleDraft } from './support.ts';

/** Extracts the text of every page with pdfjs-dist. */
async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
  });
  const document = await task.promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(
      content.items.map((item) => ('str' in item ? item.str : '')).join(' '),
    );
  }
  await task.destroy();
  return pages.join('\n');
}

const draft = sampleDraft({
  seller: { ...company(0), name: 'Ţesătoria Şură SRL' },
  buyer: { ...company(1), name: 'Grădinița Științei SRL' },
});

describe('renderInvoicePdf', () => {
  it('writes a PDF file', async () => {
    const pdf = await renderInvoicePdf(writeUbl(draft));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('keeps comma-below ș and ț', async () => {
    const text = await pdfText(await renderInvoicePdf(writeUbl(draft)));
    expect(text).toContain('ș');
    expect(text).toContain('ț');
    expect(text).toContain('Grădinița Științei SRL');
  });

  it('keeps cedilla ş and ţ', async () => {
    const text = await pdfText(await renderInvoicePdf(writeUbl(draft)));
    expect(text).toContain('Ţesătoria Şură SRL');
  });

  it('shows number, totals and the RON VAT total', async () => {
    const foreign = sampleDraft({ currency: 'EUR', exchangeRate: '5.0000' });
    const text = await pdfText(await renderInvoicePdf(writeUbl(foreign)));
    expect(text).toContain('FACTURĂ TST-2025-0001');
    expect(text).toContain('1502.44 EUR');
    expect(text).toContain('Total TVA în RON');
    expect(text).toContain('501.20 RON');
  });

  it('titles a credit note', async () => {
    const text = await pdfText(
      await renderInvoicePdf(writeUbl(sampleDraft({ kind: 'creditNote' }))),
    );
    expect(text).toContain('NOTĂ DE CREDIT');
  });

  it('renders CII', async () => {
    const text = await pdfText(await renderInvoicePdf(writeCii(draft)));
    expect(text).toContain('Data emiterii: 15.01.2025');
  });

  it('continues long invoices on more pages', async () => {
    const lines = Array.from({ length: 80 }, (_, i) => ({
      name: `Articol ${i + 1}`,
      unitCode: 'H87',
      quantity: '1',
      price: '1.00',
      vatRate: 21 as const,
    }));
    const text = await pdfText(
      await renderInvoicePdf(writeUbl(sampleDraft({ lines }))),
    );
    expect(text).toContain('Articol 80');
  });

  it('rejects a document that is not an invoice', async () => {
    await expect(renderInvoicePdf(Buffer.from('<a/>'))).rejects.toThrow(
      'not a UBL Invoice, CreditNote or CII invoice',
    );
  });
});
