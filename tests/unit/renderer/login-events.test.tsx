// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { LoginEvents } from '../../../renderer/src/components/login/LoginEvents.tsx';
import { renderWithApp } from './render.tsx';

afterEach(() => vi.restoreAllMocks());

const entry = (id: string, subject: string, expired = false) => ({
  id,
  subject,
  issuer: 'CN=certSIGN',
  serial: id,
  validFrom: Date.UTC(2024, 0, 1),
  validTo: Date.UTC(2026, 0, 1),
  expired,
  notYetValid: false,
});

describe('LoginEvents', () => {
  test('opens the authorize URL in a new tab', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue({ opener: {} } as Window);
    const { fake } = renderWithApp(<LoginEvents />, {});
    act(() => fake.emit('login.openUrl', { url: 'https://logincert.anaf.ro/anaf-oauth2/v1/authorize?x=1' }));
    expect(open).toHaveBeenCalledWith('https://logincert.anaf.ro/anaf-oauth2/v1/authorize?x=1', '_blank');
  });

  test('offers a link when the tab is blocked', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const { fake } = renderWithApp(<LoginEvents />, {});
    act(() => fake.emit('login.openUrl', { url: 'https://logincert.anaf.ro/x' }));
    const button = await screen.findByRole('link', { name: 'Deschide autentificarea ANAF' });
    expect(button.getAttribute('href')).toBe('https://logincert.anaf.ro/x');
  });

  test('answers the picker with the chosen certificate', async () => {
    const { fake } = renderWithApp(<LoginEvents />, { 'accounts.answerCertificate': () => ({ accepted: true }) });
    act(() =>
      fake.emit('login.pickCertificate', {
        requestId: 'req-1',
        entries: [entry('old', 'CN=Ion Ionescu (2023)', true), entry('new', 'CN=Ion Ionescu'), entry('other', 'CN=Ana Pop')],
      }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByText('CN=Ana Pop'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Folosește certificatul' }));
    await waitFor(() => expect(fake.callsTo('accounts.answerCertificate')).toEqual([{ requestId: 'req-1', certificateId: 'other' }]));
  });

  test('answers null when the user cancels', async () => {
    const { fake } = renderWithApp(<LoginEvents />, { 'accounts.answerCertificate': () => ({ accepted: true }) });
    act(() => fake.emit('login.pickCertificate', { requestId: 'req-2', entries: [entry('a', 'CN=A')] }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Renunță' }));
    await waitFor(() => expect(fake.callsTo('accounts.answerCertificate')).toEqual([{ requestId: 'req-2', certificateId: null }]));
  });
});
