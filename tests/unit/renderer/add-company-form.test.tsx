// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import i18next from 'i18next';
import { AppFailure } from '../../../shared/result.ts';
import { ApiError } from '../../../renderer/src/ipc/api.ts';
import { localizeError } from '../../../renderer/src/lib/error-text.ts';
import { AddCompanyForm } from '../../../renderer/src/screens/companies/AddCompanyForm.tsx';
import { renderWithApp } from './render.tsx';
import { anafAccount, companies, sandboxAccount } from './sample-data.ts';

describe('AddCompanyForm', () => {
  test('shows the expected check digit and sends nothing', async () => {
    const { fake } = renderWithApp(<AddCompanyForm accounts={[sandboxAccount]} defaultApi="test" />, {});
    fireEvent.change(screen.getByLabelText(/CIF/), { target: { value: 'RO 2816465' } });
    fireEvent.click(screen.getByRole('button', { name: 'Adaugă firma' }));
    expect(await screen.findByText(/cifra de control ar trebui să fie 4/)).toBeTruthy();
    expect(fake.callsTo('companies.add')).toEqual([]);
  });

  test('sends the normalised CIF without an API path for a sandbox account', async () => {
    const { fake } = renderWithApp(<AddCompanyForm accounts={[sandboxAccount]} defaultApi="test" />, {
      'companies.add': () => companies[0]!,
    });
    fireEvent.change(screen.getByLabelText(/CIF/), { target: { value: ' ro 2816464 ' } });
    fireEvent.change(screen.getByLabelText('Denumire'), { target: { value: 'Brutăria' } });
    fireEvent.click(screen.getByRole('button', { name: 'Adaugă firma' }));
    await waitFor(() => expect(fake.callsTo('companies.add')).toHaveLength(1));
    expect(fake.callsTo('companies.add')[0]).toEqual({ cif: '2816464', name: 'Brutăria', accountId: 'acc-sandbox' });
  });

  test('confirms an add after the list refresh', async () => {
    const { fake } = renderWithApp(<AddCompanyForm accounts={[sandboxAccount]} defaultApi="test" />, {
      'companies.add': () => {
        // Main emits the new list before it returns, as a real add does.
        fake.emit('companies.changed', companies);
        return companies[0]!;
      },
      'companies.list': () => companies,
    });
    fireEvent.change(screen.getByLabelText(/CIF/), { target: { value: '2816464' } });
    fireEvent.change(screen.getByLabelText('Denumire'), { target: { value: 'Brutăria' } });
    fireEvent.click(screen.getByRole('button', { name: 'Adaugă firma' }));
    expect(await screen.findByText(/a fost adăugată/)).toBeTruthy();
    expect((screen.getByLabelText('Denumire') as HTMLInputElement).value).toBe('');
  });

  test('sends the chosen API path for an ANAF account', async () => {
    const { fake } = renderWithApp(<AddCompanyForm accounts={[anafAccount]} defaultApi="prod" />, {
      'companies.add': () => companies[1]!,
    });
    fireEvent.change(screen.getByLabelText(/CIF/), { target: { value: '16420060' } });
    fireEvent.click(screen.getByRole('button', { name: 'Adaugă firma' }));
    await waitFor(() => expect(fake.callsTo('companies.add')).toHaveLength(1));
    expect(fake.callsTo('companies.add')[0]).toEqual({ cif: '16420060', accountId: 'acc-anaf', api: 'prod' });
  });

  test('shows the error from main with what to do next', async () => {
    renderWithApp(<AddCompanyForm accounts={[sandboxAccount]} defaultApi="test" />, {
      'companies.add': () => {
        throw new AppFailure('anaf.noRight', 'No SPV right for CIF 2816464.');
      },
    });
    fireEvent.change(screen.getByLabelText(/CIF/), { target: { value: '2816464' } });
    fireEvent.click(screen.getByRole('button', { name: 'Adaugă firma' }));
    expect(await screen.findByText('Certificatul nu are drept în SPV pentru acest CIF.')).toBeTruthy();
    expect(screen.getByText(/Cereți dreptul în SPV/)).toBeTruthy();
    expect(screen.queryByText('No SPV right for CIF 2816464.')).toBeNull();
  });
});

describe('AddCompanyForm followed company', () => {
  const alreadyFollowed = () => {
    throw new AppFailure('input.invalid', 'The company with CIF 18654326 is already followed.', {
      reason: 'alreadyFollowed',
      cif: '18654326',
    });
  };

  test('says the company is followed', async () => {
    renderWithApp(<AddCompanyForm accounts={[sandboxAccount]} defaultApi="test" />, {
      'companies.add': alreadyFollowed,
    });
    fireEvent.change(screen.getByLabelText(/CIF/), { target: { value: '18654326' } });
    fireEvent.click(screen.getByRole('button', { name: 'Adaugă firma' }));
    expect(await screen.findByText('Firma CIF 18654326 este deja urmărită.')).toBeTruthy();
    expect(screen.queryByText(/Datele trimise nu sunt valide/)).toBeNull();
  });

  test('clears the error on input', async () => {
    renderWithApp(<AddCompanyForm accounts={[sandboxAccount]} defaultApi="test" />, {
      'companies.add': alreadyFollowed,
    });
    fireEvent.change(screen.getByLabelText(/CIF/), { target: { value: '18654326' } });
    fireEvent.click(screen.getByRole('button', { name: 'Adaugă firma' }));
    await screen.findByRole('alert');
    fireEvent.change(screen.getByLabelText(/CIF/), { target: { value: '2816464' } });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  test('clears the error after another change', async () => {
    const { fake } = renderWithApp(<AddCompanyForm accounts={[sandboxAccount]} defaultApi="test" />, {
      'companies.add': alreadyFollowed,
      'companies.list': () => companies,
    });
    fireEvent.change(screen.getByLabelText(/CIF/), { target: { value: '18654326' } });
    fireEvent.click(screen.getByRole('button', { name: 'Adaugă firma' }));
    await screen.findByRole('alert');
    fake.emit('companies.changed', companies);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});

describe('localizeError followed company', () => {
  test('names the CIF once in English', () => {
    const error = new ApiError('input.invalid', 'The company with CIF 18654326 is already followed.', {
      reason: 'alreadyFollowed',
      cif: '18654326',
    });
    const text = localizeError(i18next.getFixedT('en'), error);
    expect(text.message).toBe('The company with CIF 18654326 is already followed.');
  });
});
