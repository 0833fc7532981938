// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { ro } from '../../../renderer/src/i18n/ro.ts';
import { CompaniesScreen } from '../../../renderer/src/screens/CompaniesScreen.tsx';
import { HomeScreen } from '../../../renderer/src/screens/HomeScreen.tsx';
import { SettingsScreen } from '../../../renderer/src/screens/SettingsScreen.tsx';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { renderWithApp } from './render.tsx';
import { anafAccount, companies, sandboxAccount } from './sample-data.ts';

describe('defaultApi in the settings screen', () => {
  test('saves the chosen path', async () => {
    const { fake } = renderWithApp(<SettingsScreen />, {
      'settings.get': () => DEFAULT_SETTINGS,
      'settings.set': (patch) => ({ ...DEFAULT_SETTINGS, ...patch }),
    });
    fireEvent.click(
      await screen.findByRole('combobox', { name: ro.settings.defaultApi }),
    );
    fireEvent.click(
      await screen.findByRole('option', {
        name: ro.settings.defaultApiTest,
        hidden: true,
      }),
    );
    await waitFor(() =>
      expect(fake.callsTo('settings.set')).toEqual([{ defaultApi: 'test' }]),
    );
  });
});

describe('defaultApi in the add-company form', () => {
  test.each(['test', 'prod'] as const)(
    'preselects %s from the setting',
    async (defaultApi) => {
      const { fake } = renderWithApp(<CompaniesScreen />, {
        'settings.get': () => ({ ...DEFAULT_SETTINGS, defaultApi }),
        'accounts.list': () => [anafAccount],
        'companies.list': () => [],
        'companies.add': () => companies[1]!,
      });
      fireEvent.change(await screen.findByLabelText(/CIF/), {
        target: { value: '16420060' },
      });
      fireEvent.click(screen.getByRole('button', { name: ro.companies.add }));
      await waitFor(() =>
        expect(fake.callsTo('companies.add')).toHaveLength(1),
      );
      expect(fake.callsTo('companies.add')[0]).toEqual({
        cif: '16420060',
        accountId: 'acc-anaf',
        api: defaultApi,
      });
    },
  );
});

describe('defaultApi after the first login', () => {
  test('ANAF test login saves test', async () => {
    const { fake } = renderWithApp(<HomeScreen />, {
      'app.info': () => ({
        name: 'e-Factura Desktop',
        version: '0.1.0',
        shell: 'browser',
        platform: 'linux',
        dataDir: '/date',
        readOnly: false,
      }),
      'settings.get': () => DEFAULT_SETTINGS,
      'settings.set': (patch) => ({ ...DEFAULT_SETTINGS, ...patch }),
      'accounts.list': () => [],
      'accounts.sandboxCertificates': () => [],
      'environment.select': ({ environment }) => ({
        selected: environment,
        sandbox: { running: true },
      }),
      'accounts.loginAnaf': () => ({ ...sandboxAccount, provider: 'anaf' }),
    });
    fireEvent.click(await screen.findByRole('radio', { name: /ANAF test/ }));
    fireEvent.change(await screen.findByLabelText(/Client ID/), {
      target: { value: '3f9e0c' },
    });
    fireEvent.change(screen.getByLabelText(/Client Secret/), {
      target: { value: 's3cret' },
    });
    fireEvent.click(screen.getByRole('button', { name: ro.firstRun.login }));
    await waitFor(() =>
      expect(fake.callsTo('settings.set')).toEqual([{ defaultApi: 'test' }]),
    );
  });
});
