// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { StatusTimeline } from '../../../renderer/src/components/StatusTimeline.tsx';
import { EMPTY_FILTERS, type InvoiceFilterValues } from '../../../renderer/src/lib/invoices/filters.ts';
import { InvoiceFilters } from '../../../renderer/src/screens/invoices/InvoiceFilters.tsx';
import { renderWithApp } from './render.tsx';

function FiltersHarness({ onChange }: { onChange: (values: InvoiceFilterValues) => void }) {
  const [values, setValues] = useState(EMPTY_FILTERS);
  return (
    <InvoiceFilters
      values={values}
      onChange={(next) => {
        setValues(next);
        onChange(next);
      }}
    />
  );
}

describe('StatusTimeline', () => {
  test('names each step and its status', () => {
    renderWithApp(<StatusTimeline state="rejected" name="f.xml" />, {});
    const list = screen.getByRole('list', { name: 'Etapele încărcării f.xml' });
    const items = Array.from(list.querySelectorAll('li')).map((item) => item.getAttribute('aria-label'));
    expect(items).toEqual(['În coadă: încheiat', 'Trimitere: încheiat', 'Prelucrare ANAF: încheiat', 'Rezultat: eșuat']);
  });
});

describe('InvoiceFilters', () => {
  test('reports typed text and clears every field', () => {
    const seen: InvoiceFilterValues[] = [];
    renderWithApp(<FiltersHarness onChange={(values) => seen.push(values)} />, {});
    fireEvent.change(screen.getByLabelText('Partener (nume sau CIF)'), { target: { value: 'Orange' } });
    fireEvent.change(screen.getByLabelText('Număr factură'), { target: { value: 'FCT' } });
    expect(seen.at(-1)).toEqual({ ...EMPTY_FILTERS, partner: 'Orange', number: 'FCT' });
    fireEvent.click(screen.getByRole('button', { name: 'Șterge filtrele (2)' }));
    expect(seen.at(-1)).toEqual(EMPTY_FILTERS);
  });

  test('disables clearing without filters', () => {
    renderWithApp(<FiltersHarness onChange={() => undefined} />, {});
    expect((screen.getByRole('button', { name: 'Șterge filtrele' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
