// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { InvoiceQuery } from '../../../shared/domain.ts';
import { InvoicesScreen } from '../../../renderer/src/screens/InvoicesScreen.tsx';
import { renderWithApp } from './render.tsx';
import { companies, sampleInvoicePage } from './sample-data.ts';

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
    expect(await screen.findByText(/Unexpected error in invoices.query/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Încearcă din nou' })).toBeTruthy();
  });

  test('asks for a company when none is followed', async () => {
    renderWithApp(<InvoicesScreen />, { 'companies.list': () => [] });
    expect(await screen.findByText('Nicio firmă urmărită')).toBeTruthy();
  });
});
