// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { InvoiceQuery } from '../../../shared/domain.ts';
import { InvoicesScreen } from '../../../renderer/src/screens/InvoicesScreen.tsx';
import { renderWithApp } from './render.tsx';
import { companies, sampleInvoicePage } from './sample-data.ts';

const LONG_NUMBER = 'ALFA-2026-B0001234567';
const LARGE_TOTAL = 34741982.5;

function pageWithLongValues(query: InvoiceQuery) {
  const page = sampleInvoicePage(query, 3);
  const [first] = page.rows;
  if (first) {
    first.number = LONG_NUMBER;
    first.total = LARGE_TOTAL;
  }
  return page;
}

/** Reads the width AG Grid gave a column's header cell, in pixels. */
function headerWidth(colId: string): number {
  const header = document.querySelector<HTMLElement>(`.ag-header-cell[col-id="${colId}"]`);
  if (!header) throw new Error(`No header for column ${colId}.`);
  return Number.parseFloat(header.style.width);
}

// Text at the grid's 13 px font takes at least 7 px per character, plus the
// cell's padding on both sides.
function minimumWidth(text: string): number {
  return text.length * 7 + 20;
}

describe('InvoiceGrid column widths', () => {
  test('fits a long invoice number', async () => {
    renderWithApp(<InvoicesScreen cif="2816464" direction="received" />, {
      'companies.list': () => companies,
      'invoices.query': pageWithLongValues,
    });
    await screen.findByText(LONG_NUMBER);
    expect(headerWidth('number')).toBeGreaterThanOrEqual(minimumWidth(LONG_NUMBER));
  });

  test('fits a large total', async () => {
    renderWithApp(<InvoicesScreen cif="2816464" direction="received" />, {
      'companies.list': () => companies,
      'invoices.query': pageWithLongValues,
    });
    await screen.findByText('34.741.982,50');
    expect(headerWidth('total')).toBeGreaterThanOrEqual(minimumWidth('34.741.982,50'));
  });

  test('shows the partner name as a tooltip', async () => {
    renderWithApp(<InvoicesScreen cif="2816464" direction="received" />, {
      'companies.list': () => companies,
      'invoices.query': pageWithLongValues,
    });
    await screen.findByText(LONG_NUMBER);
    const partner = document.querySelector<HTMLElement>('.ag-cell[col-id="partnerName"]');
    expect(partner?.querySelector('[title]')?.getAttribute('title')).toBeTruthy();
  });
});
