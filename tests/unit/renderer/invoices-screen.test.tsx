// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { InvoiceQuery } from '../../../shared/domain.ts';
import type { InvoiceListPage, InvoiceListRow } from '../../../shared/ipc/contract.ts';
import { ro } from '../../../renderer/src/i18n/ro.ts';
import { InvoicesScreen } from '../../../renderer/src/screens/InvoicesScreen.tsx';
import { renderWithApp } from './render.tsx';
import { companies, sampleInvoicePage, sampleRow } from './sample-data.ts';

function handlers() {
  return {
    'companies.list': () => companies,
    'invoices.query': (query: InvoiceQuery) => sampleInvoicePage(query, 100_000),
  };
}

describe('InvoicesScreen', () => {
  test('pages the first block from main', async () => {
    const { fake } = renderWithApp(<InvoicesScreen cif="2816464" direction="received" />, handlers());
    await waitFor(() => expect(fake.callsTo('invoices.query').length).toBeGreaterThan(0));
    expect(fake.callsTo('invoices.query')[0]).toEqual({ cif: '2816464', direction: 'received', offset: 0, limit: 200 });
  });

  test('shows the totals of the filter', async () => {
    renderWithApp(<InvoicesScreen cif="2816464" direction="received" />, handlers());
    expect(await screen.findByText('Facturi: 100.000')).toBeTruthy();
    expect(screen.getByText('1.469.135,68')).toBeTruthy();
  });

  test('queries again with a typed partner', async () => {
    const { fake } = renderWithApp(<InvoicesScreen cif="2816464" direction="received" />, handlers());
    await waitFor(() => expect(fake.callsTo('invoices.query').length).toBeGreaterThan(0));
    fireEvent.change(screen.getByLabelText('Partener (nume sau CIF)'), { target: { value: 'orange' } });
    await waitFor(() =>
      expect(fake.callsTo('invoices.query')).toContainEqual({ cif: '2816464', direction: 'received', partner: 'orange', offset: 0, limit: 200 }),
    );
  });

  test('switches tabs through navigation', async () => {
    const { navigate } = renderWithApp(<InvoicesScreen cif="2816464" direction="received" />, handlers());
    fireEvent.click(await screen.findByRole('tab', { name: 'Erori' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'invoices', cif: '2816464', direction: 'errors' });
  });

  test('shows the error with a retry when the archive fails', async () => {
    renderWithApp(<InvoicesScreen cif="2816464" direction="received" />, {
      'companies.list': () => companies,
    });
    expect(await screen.findByText('A apărut o eroare internă în aplicație.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Încearcă din nou' })).toBeTruthy();
  });

  test('asks for a company when none is followed', async () => {
    renderWithApp(<InvoicesScreen />, { 'companies.list': () => [] });
    expect(await screen.findByText('Nicio firmă urmărită')).toBeTruthy();
  });
});

/** A page of the errors tab as main returns it: rows of rejected uploads, filled in. */
function errorPage(query: InvoiceQuery): InvoiceListPage {
  const row = (index: number): InvoiceListRow => ({
    ...sampleRow(index, query.cif),
    direction: 'errors',
    state: 'downloaded',
    dueDate: null,
    net: null,
    vat: null,
    total: null,
    currency: null,
    uploadIndex: `530020${index}`,
    errorCount: 3,
    firstError: {
      ruleId: 'BR-RO-111',
      message: 'E: validari globale SCHEMATRON eroare: [BR-RO-111]-Judetul',
    },
  });
  return { rows: query.offset ? [] : [row(0), row(1)], total: 2, totals: [] };
}

/** Returns the grid's cell of a column in the row that shows `text`. */
async function gridCell(text: string, columnId: string): Promise<HTMLElement> {
  const anchor = await screen.findByText(text);
  const row = anchor.closest('[role="row"]');
  const cell = row?.querySelector<HTMLElement>(`[col-id="${columnId}"]`);
  if (!cell) throw new Error(`No ${columnId} cell in the row of ${text}.`);
  return cell;
}

describe('InvoicesScreen errors tab', () => {
  test('shows what each rejection was', async () => {
    renderWithApp(<InvoicesScreen cif="2816464" direction="errors" />, {
      'companies.list': () => companies,
      'invoices.query': errorPage,
    });
    const number = await gridCell('FCT-10000', 'number');
    expect(number.textContent).toBe('FCT-10000');
    expect((await gridCell('FCT-10000', 'partnerName')).textContent).toContain('Electrica Furnizare SA');
    expect((await gridCell('FCT-10000', 'issueDate')).textContent).toBe('01.01.2025');
    expect((await gridCell('FCT-10000', 'uploadIndex')).textContent).toBe('5300200');
    expect((await gridCell('FCT-10000', 'state')).textContent).toBe('descărcată');
  });

  test('summarises ANAF errors in words', async () => {
    renderWithApp(<InvoicesScreen cif="2816464" direction="errors" />, {
      'companies.list': () => companies,
      'invoices.query': errorPage,
    });
    const errors = await gridCell('FCT-10000', 'errors');
    expect(errors.textContent).toContain('BR-RO-111: ');
    expect(errors.textContent).toContain(ro.anafErrors.countyCode);
    expect(errors.textContent).toContain('(încă 2)');
  });

  test('shows no new badge', async () => {
    renderWithApp(<InvoicesScreen cif="2816464" direction="errors" />, {
      'companies.list': () => companies,
      'invoices.query': errorPage,
    });
    const partner = await gridCell('FCT-10000', 'partnerName');
    expect(partner.textContent).not.toContain(ro.invoices.newBadge);
  });

  test('hides amount columns', async () => {
    renderWithApp(<InvoicesScreen cif="2816464" direction="errors" />, {
      'companies.list': () => companies,
      'invoices.query': errorPage,
    });
    await screen.findByText('FCT-10000');
    expect(document.querySelector('[col-id="total"]')).toBeNull();
    expect(document.querySelector('[col-id="dueDate"]')).toBeNull();
  });
});

describe('InvoicesScreen selection', () => {
  async function selectRow(number: string): Promise<void> {
    const checkbox = (await gridCell(number, 'ag-Grid-SelectionColumn')).querySelector('input');
    if (!checkbox) throw new Error(`No checkbox in the row of ${number}.`);
    fireEvent.click(checkbox);
    await screen.findByText(/Selectate: /);
  }

  test('saves selected ZIPs in one call', async () => {
    const { fake } = renderWithApp(<InvoicesScreen cif="2816464" direction="received" />, {
      ...handlers(),
      'invoices.saveMany': ({ messageIds }) => ({ savedTo: '/home/ana/Facturi', downloadUrl: null, saved: messageIds.length, missing: [] }),
    });
    await selectRow('FCT-10000');
    await selectRow('FCT-10001');
    fireEvent.click(screen.getByRole('button', { name: ro.invoices.download }));
    fireEvent.click(await screen.findByRole('menuitem', { name: ro.invoices.downloadZip }));
    await waitFor(() => expect(fake.callsTo('invoices.saveMany')).toHaveLength(1));
    expect(fake.callsTo('invoices.saveMany')[0]).toEqual({ cif: '2816464', messageIds: ['3000000000', '3000000001'] });
    expect(await screen.findByText(/Fișiere salvate: 2\. Salvat în \/home\/ana\/Facturi/)).toBeTruthy();
  });

  test('exports CSV of the selection', async () => {
    const { fake } = renderWithApp(<InvoicesScreen cif="2816464" direction="received" />, {
      ...handlers(),
      'invoices.exportCsv': () => ({ savedTo: '/tmp/facturi.csv', downloadUrl: null, rows: 1 }),
    });
    await selectRow('FCT-10001');
    fireEvent.click(screen.getByRole('button', { name: ro.invoices.download }));
    fireEvent.click(await screen.findByRole('menuitem', { name: ro.invoices.exportSelectedCsv }));
    await waitFor(() => expect(fake.callsTo('invoices.exportCsv')).toHaveLength(1));
    expect(fake.callsTo('invoices.exportCsv')[0]).toEqual({
      query: { cif: '2816464', direction: 'received' },
      perLine: false,
      messageIds: ['3000000001'],
    });
  });
});
