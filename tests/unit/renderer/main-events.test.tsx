// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { NavigationBar } from '../../../renderer/src/components/NavigationBar.tsx';
import { queryKeys } from '../../../renderer/src/queries.ts';
import { renderWithApp } from './render.tsx';
import { companies } from './sample-data.ts';

describe('main events', () => {
  test('a notice becomes a notification', async () => {
    const { fake } = renderWithApp(<div />, {});
    fake.emit('notice', { level: 'warning', message: 'The token of CN=Ion Ionescu expires in 9 days.' });
    expect(await screen.findByText('The token of CN=Ion Ionescu expires in 9 days.')).toBeTruthy();
    expect(screen.getByText('Atenție')).toBeTruthy();
  });

  test('a known notice is worded here', async () => {
    const { fake } = renderWithApp(<div />, {});
    fake.emit('notice', {
      level: 'info',
      message: 'Facturi noi primite: 2 pentru CIF 18654326.',
      kind: 'invoicesReceived',
      values: { cif: '18654326', count: 2 },
    });
    expect(await screen.findByText('Facturi noi pentru CIF 18654326: 2.')).toBeTruthy();
    expect(screen.getByText('Facturi noi primite')).toBeTruthy();
  });

  test('app.changed clears read-only', async () => {
    const info = { name: 'e-Factura Desktop', version: '0.1.0', shell: 'browser' as const, platform: 'linux', dataDir: '/date' };
    const { fake, client } = renderWithApp(<div />, {
      'app.info': () => ({ ...info, readOnly: true, readOnlyReason: 'The CLI holds the data folder.' }),
    });
    fake.emit('app.changed', { ...info, readOnly: false });
    await waitFor(() => expect(client.getQueryData(queryKeys.appInfo)).toEqual({ ...info, readOnly: false }));
  });

  test('companies.changed updates the new-invoice badge', async () => {
    const { fake } = renderWithApp(<NavigationBar active="home" />, {
      'companies.list': () => companies.map((company) => ({ ...company, newReceivedCount: 0 })),
      'uploads.list': () => [],
      'accounts.list': () => [],
    });
    const invoices = await screen.findByRole('button', { name: 'Facturi' });
    expect(invoices.textContent).toBe('Facturi');
    fake.emit('companies.changed', companies.map((company) => ({ ...company, newReceivedCount: 4 })));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Facturi' }).textContent).toBe('Facturi8'));
  });

  test('navigation buttons keep their plain names', async () => {
    renderWithApp(<NavigationBar active="settings" />, {
      'companies.list': () => companies,
      'uploads.list': () => [],
      'accounts.list': () => [],
    });
    expect(await screen.findByRole('button', { name: 'Setări' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Setări' }).getAttribute('aria-current')).toBe('page');
  });
});
