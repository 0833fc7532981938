// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.ts';
import { ro } from '../../../renderer/src/i18n/ro.ts';
import { AccountsScreen } from '../../../renderer/src/screens/AccountsScreen.tsx';
import { renderWithApp } from './render.tsx';
import { anafAccount, sandboxAccount } from './sample-data.ts';

describe('AccountsScreen', () => {
  test('warns about a refresh token ending within 14 days', async () => {
    renderWithApp(<AccountsScreen />, { 'accounts.list': () => [anafAccount] });
    const card = await screen.findByRole('article', { name: 'CN=Ion Ionescu' });
    expect(within(card).getByText(/Zile până la expirarea autentificării: 9\./)).toBeTruthy();
    expect(within(card).getByText(/doar cât rulează aplicația/)).toBeTruthy();
  });

  test('shows what logout leaves valid at ANAF', async () => {
    const message = 'Logged out. The token stays valid at ANAF until it expires or the application is removed in the portal.';
    const { fake } = renderWithApp(<AccountsScreen />, {
      'accounts.list': () => [sandboxAccount],
      'accounts.logout': () => ({ revoked: false, message }),
    });
    const card = await screen.findByRole('article', { name: sandboxAccount.certificateSubject });
    fireEvent.click(within(card).getByRole('button', { name: 'Deconectare' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deconectare' }));
    await waitFor(() => expect(fake.callsTo('accounts.logout')).toEqual([{ accountId: 'acc-sandbox' }]));
    expect(await screen.findByText(ro.accounts.logoutNotRevoked)).toBeTruthy();
    expect(screen.queryByText(message)).toBeNull();
  });

  test('words an access token warning', async () => {
    const account = {
      ...sandboxAccount,
      accessExpiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      warning: 'The access token expires on 2025-01-23; the app renews it the next time it connects.',
    };
    renderWithApp(<AccountsScreen />, { 'accounts.list': () => [account] });
    const card = await screen.findByRole('article', { name: account.certificateSubject });
    expect(within(card).getByText(/Tokenul de acces expiră la/)).toBeTruthy();
    expect(within(card).queryByText(account.warning)).toBeNull();
  });

  test('shows the connection test answer', async () => {
    const { fake } = renderWithApp(<AccountsScreen />, {
      'accounts.list': () => [anafAccount],
      'accounts.testConnection': () => ({ answer: '{"mesaje":[]}' }),
    });
    const card = await screen.findByRole('article', { name: 'CN=Ion Ionescu' });
    fireEvent.click(within(card).getByRole('button', { name: 'Testează conexiunea' }));
    expect(await screen.findByText('Conexiune reușită: ANAF a răspuns „{"mesaje":[]}”.')).toBeTruthy();
    expect(fake.callsTo('accounts.testConnection')).toEqual([{ accountId: 'acc-anaf', api: 'test' }]);
  });

  test('clears the connection test on logout', async () => {
    const { fake } = renderWithApp(<AccountsScreen />, {
      'accounts.list': () => [sandboxAccount],
      'accounts.testConnection': () => ({ answer: 'Hello, efactura-desktop' }),
      'accounts.logout': () => ({ revoked: true, message: 'Logged out.' }),
    });
    const card = await screen.findByRole('article', { name: sandboxAccount.certificateSubject });
    fireEvent.click(within(card).getByRole('button', { name: 'Testează conexiunea' }));
    await within(card).findByText(/Hello, efactura-desktop/);
    fireEvent.click(within(card).getByRole('button', { name: 'Deconectare' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deconectare' }));
    await waitFor(() => expect(fake.callsTo('accounts.logout')).toHaveLength(1));
    await waitFor(() => expect(within(card).queryByText(/Hello, efactura-desktop/)).toBeNull());
  });

  test('clears the connection test when logged out elsewhere', async () => {
    const { fake } = renderWithApp(<AccountsScreen />, {
      'accounts.list': () => [sandboxAccount],
      'accounts.testConnection': () => ({ answer: 'Hello, efactura-desktop' }),
    });
    const card = await screen.findByRole('article', { name: sandboxAccount.certificateSubject });
    fireEvent.click(within(card).getByRole('button', { name: 'Testează conexiunea' }));
    await within(card).findByText(/Hello, efactura-desktop/);
    fake.emit('accounts.changed', [{ ...sandboxAccount, status: 'loggedOut' }]);
    await waitFor(() => expect(screen.queryByText(/Hello, efactura-desktop/)).toBeNull());
  });

  test('shows an empty state without accounts', async () => {
    renderWithApp(<AccountsScreen />, { 'accounts.list': () => [] });
    expect(await screen.findByText('Niciun cont')).toBeTruthy();
  });

  test('i18n has no unused testAnswer key', () => {
    expect(Object.hasOwn(ro.accounts, 'testAnswer')).toBe(false);
    expect(Object.hasOwn(en.accounts, 'testAnswer')).toBe(false);
  });
});
