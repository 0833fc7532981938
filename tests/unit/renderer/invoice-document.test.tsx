// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { TYPE_CODE_NAMES } from '../../../shared/code-lists.ts';
import { en } from '../../../renderer/src/i18n/en.ts';
import { ro } from '../../../renderer/src/i18n/ro.ts';
import { InvoiceDocumentScreen } from '../../../renderer/src/screens/InvoiceDocumentScreen.tsx';
import { renderWithApp } from './render.tsx';
import { rejectedDocument, sampleDocument, sampleInvoice } from './sample-data.ts';

afterEach(() => vi.restoreAllMocks());

describe('InvoiceDocumentScreen', () => {
  test('renders parties, lines, totals and payment', async () => {
    renderWithApp(<InvoiceDocumentScreen cif="2816464" messageId="3000000001" direction="received" />, {
      'invoices.document': () => sampleDocument,
    });
    expect(await screen.findByRole('heading', { name: 'Factura FCT-10001' })).toBeTruthy();
    expect(screen.getByText('Depozitul de Făină Ștefănești SRL')).toBeTruthy();
    expect(screen.getByText('RO49AAAA1B31007593840000')).toBeTruthy();
    expect(screen.getByText('Făină albă tip 000')).toBeTruthy();
    expect(screen.getByText('De plată').closest('tr')?.textContent).toBe('De plată3.867,50 RON');
    expect(screen.getByText('380 (factură)')).toBeTruthy();
    expect(screen.getByText('5000000001')).toBeTruthy();
  });

  test('lists every ANAF error of a rejected message', async () => {
    renderWithApp(<InvoiceDocumentScreen cif="2816464" messageId="3000000007" direction="errors" />, {
      'invoices.document': () => rejectedDocument,
    });
    expect(await screen.findByText('ANAF a respins factura')).toBeTruthy();
    expect(screen.getByText('R6.1')).toBeTruthy();
    expect(screen.getByText('BR-RO-110')).toBeTruthy();
    expect(screen.getByText(/CIF-ul furnizorului 12345674 nu figurează/)).toBeTruthy();
    expect(screen.getByText(/Factura a mai fost trimisă \(index 5009871234/)).toBeTruthy();
  });

  test('words why a message has no document', async () => {
    const expired = {
      ...sampleDocument,
      row: { ...sampleDocument.row, state: 'expired' as const },
      invoice: null,
      problem: 'ANAF no longer serves this message because its 60 days have passed.',
    };
    renderWithApp(<InvoiceDocumentScreen cif="2816464" messageId="3000000001" direction="received" />, {
      'invoices.document': () => expired,
    });
    expect(await screen.findByText(new RegExp(ro.document.problemExpired))).toBeTruthy();
    expect(screen.queryByText(new RegExp(expired.problem))).toBeNull();
  });

  test('adds a failed download reason', async () => {
    const failed = {
      ...sampleDocument,
      row: {
        ...sampleDocument.row,
        state: 'failed' as const,
        failureReason: 'The request was rejected',
        failureKind: 'rejected' as const,
        failureValues: { cause: { code: 'anaf.rejected', message: 'The request was rejected', details: {} } },
      },
      invoice: null,
      problem: 'The download failed: The request was rejected.',
    };
    renderWithApp(<InvoiceDocumentScreen cif="2816464" messageId="3000000001" direction="received" />, {
      'invoices.document': () => failed,
    });
    expect(await screen.findByText(/ANAF a refuzat descărcarea mesajului\. ANAF a respins cererea\./)).toBeTruthy();
    expect(screen.queryByText(/The request was rejected/)).toBeNull();
  });

  test('starts a browser download for a served file', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { fake } = renderWithApp(<InvoiceDocumentScreen cif="2816464" messageId="3000000001" direction="received" />, {
      'invoices.document': () => sampleDocument,
      'invoices.save': () => ({ savedTo: null, downloadUrl: '/download/abc' }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Salvează PDF' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(fake.callsTo('invoices.save')).toEqual([{ cif: '2816464', messageId: '3000000001', format: 'pdf' }]);
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/download/abc');
    expect(link.hasAttribute('download')).toBe(true);
  });

  test('opens an attachment through main', async () => {
    const { fake } = renderWithApp(<InvoiceDocumentScreen cif="2816464" messageId="3000000001" direction="received" />, {
      'invoices.document': () => sampleDocument,
      'invoices.openAttachment': () => ({ savedTo: '/home/ana/aviz.pdf', downloadUrl: null }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Deschide atașamentul aviz.pdf' }));
    await waitFor(() =>
      expect(fake.callsTo('invoices.openAttachment')).toEqual([{ cif: '2816464', messageId: '3000000001', attachmentIndex: 0 }]),
    );
    expect(await screen.findByText('Salvat în /home/ana/aviz.pdf')).toBeTruthy();
  });

  test('goes back to the list it came from', async () => {
    const { navigate } = renderWithApp(<InvoiceDocumentScreen cif="2816464" messageId="3000000007" direction="errors" />, {
      'invoices.document': () => rejectedDocument,
    });
    fireEvent.click(await screen.findByRole('button', { name: /Înapoi la listă/ }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'invoices', cif: '2816464', direction: 'errors' });
  });

  test('names every type code from the shared list', async () => {
    for (const [code, name] of Object.entries(TYPE_CODE_NAMES)) {
      const document = { ...sampleDocument, invoice: { ...sampleInvoice, typeCode: code } };
      renderWithApp(<InvoiceDocumentScreen cif="2816464" messageId="3000000001" direction="received" />, {
        'invoices.document': () => document,
      });
      expect(await screen.findByText(`${code} (${name.ro})`)).toBeTruthy();
      cleanup();
    }
  });

  test('shows an unknown type code bare', async () => {
    const document = { ...sampleDocument, invoice: { ...sampleInvoice, typeCode: '325' } };
    renderWithApp(<InvoiceDocumentScreen cif="2816464" messageId="3000000001" direction="received" />, {
      'invoices.document': () => document,
    });
    expect(await screen.findByText('325')).toBeTruthy();
  });

  test('i18n keeps no copy of type names', () => {
    expect(Object.hasOwn(ro.document, 'typeCodes')).toBe(false);
    expect(Object.hasOwn(en.document, 'typeCodes')).toBe(false);
  });
});
