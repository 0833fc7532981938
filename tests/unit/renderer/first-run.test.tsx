// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { HomeScreen } from '../../../renderer/src/screens/HomeScreen.tsx';
import type { FakeHandlers } from './fake-api.ts';
import { renderWithApp } from './render.tsx';
import { sandboxAccount } from './sample-data.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';

const appInfo = { name: 'e-Factura Desktop', version: '0.1.0', shell: 'browser' as const, platform: 'linux', dataDir: '/date', readOnly: false };

function firstRunHandlers(extra: FakeHandlers = {}): FakeHandlers {
  return {
    'app.info': () => appInfo,
    'settings.get': () => DEFAULT_SETTINGS,
    'accounts.list': () => [],
    'accounts.sandboxCertificates': () => [
      { index: 0, subject: 'CN=Andreea Ionescu', serial: '50C5', cifs: ['18654326'] },
      { index: 1, subject: 'CN=Mihai Popescu', serial: '7B73', cifs: ['31902844'] },
    ],
    ...extra,
  };
}

describe('first run', () => {
  test('offers the sandbox certificates', async () => {
    renderWithApp(<HomeScreen />, firstRunHandlers());
    expect(await screen.findByRole('heading', { name: 'Bine ați venit' })).toBeTruthy();
    expect(await screen.findByText('CN=Mihai Popescu')).toBeTruthy();
    expect(screen.getByText('/date')).toBeTruthy();
  });

  test('logs in with one click and opens the companies', async () => {
    const { fake, navigate } = renderWithApp(
      <HomeScreen />,
      firstRunHandlers({ 'accounts.loginSandbox': () => sandboxAccount }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Autentificare cu CN=Mihai Popescu' }));
    await waitFor(() => expect(fake.callsTo('accounts.loginSandbox')).toEqual([{ certificateIndex: 1 }]));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith({ screen: 'companies', defaultApi: 'test' }));
  });

  test('explains where ANAF credentials come from', async () => {
    renderWithApp(<HomeScreen />, firstRunHandlers({ 'environment.select': ({ environment }) => ({ selected: environment, sandbox: { running: true } }) }));
    fireEvent.click(await screen.findByRole('radio', { name: /ANAF producție/ }));
    expect(await screen.findByText(/Editare profil Oauth/)).toBeTruthy();
    expect((screen.getByLabelText(/URL de callback/) as HTMLInputElement).value).toBe('https://localhost:9002/callback');
  });

  test('sends the ANAF login and defaults companies to production', async () => {
    const { fake, navigate } = renderWithApp(
      <HomeScreen />,
      firstRunHandlers({
        'environment.select': ({ environment }) => ({ selected: environment, sandbox: { running: true } }),
        'accounts.loginAnaf': () => ({ ...sandboxAccount, provider: 'anaf' }),
      }),
    );
    fireEvent.click(await screen.findByRole('radio', { name: /ANAF producție/ }));
    fireEvent.change(await screen.findByLabelText(/Client ID/), { target: { value: ' 3f9e0c ' } });
    fireEvent.change(screen.getByLabelText(/Client Secret/), { target: { value: 's3cret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Autentificare la ANAF' }));
    await waitFor(() =>
      expect(fake.callsTo('accounts.loginAnaf')).toEqual([
        { clientId: '3f9e0c', clientSecret: 's3cret', redirectUri: 'https://localhost:9002/callback' },
      ]),
    );
    expect(fake.callsTo('environment.select')).toEqual([{ environment: 'anaf' }]);
    await waitFor(() => expect(navigate).toHaveBeenCalledWith({ screen: 'companies', defaultApi: 'prod' }));
  });

  test('keeps the form when fields are missing', async () => {
    const { fake } = renderWithApp(<HomeScreen />, firstRunHandlers({ 'environment.select': ({ environment }) => ({ selected: environment, sandbox: { running: true } }) }));
    fireEvent.click(await screen.findByRole('radio', { name: /ANAF test/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Autentificare la ANAF' }));
    expect((await screen.findAllByText('Câmp obligatoriu')).length).toBe(2);
    expect(fake.callsTo('accounts.loginAnaf')).toEqual([]);
  });
});
