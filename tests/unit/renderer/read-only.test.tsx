// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { AppInfo } from '../../../shared/ipc/contract.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { Workspace } from '../../../renderer/src/components/Workspace.tsx';
import { CompaniesScreen } from '../../../renderer/src/screens/CompaniesScreen.tsx';
import { SettingsScreen } from '../../../renderer/src/screens/SettingsScreen.tsx';
import { UploadScreen } from '../../../renderer/src/screens/UploadScreen.tsx';
import { SyncPanel } from '../../../renderer/src/screens/activity/SyncPanel.tsx';
import type { FakeHandlers } from './fake-api.ts';
import { renderWithApp } from './render.tsx';
import { companies, sandboxAccount } from './sample-data.ts';

const readOnlyInfo: AppInfo = {
  name: 'e-Factura Desktop',
  version: '1.0.0',
  shell: 'browser',
  platform: 'linux',
  dataDir: '/home/ana/.efactura',
  readOnly: true,
  readOnlyReason: 'The data folder is in use by PID 4242.',
};
const writableInfo: AppInfo = { ...readOnlyInfo, readOnly: false, readOnlyReason: undefined };

function handlers(info: AppInfo): FakeHandlers {
  return {
    'app.info': () => info,
    'companies.list': () => companies,
    'accounts.list': () => [sandboxAccount],
    'uploads.list': () => [],
    'sync.status': () => [],
    'settings.get': () => DEFAULT_SETTINGS,
  };
}

function button(name: string | RegExp): HTMLButtonElement {
  return screen.getByRole('button', { name }) as HTMLButtonElement;
}

describe('read-only window', () => {
  test('disables the upload pickers', async () => {
    renderWithApp(<UploadScreen />, handlers(readOnlyInfo));
    await screen.findByText('Încărcări');
    await waitFor(() => expect(button('Alege fișiere XML').disabled).toBe(true));
    expect(button('Alege un dosar').disabled).toBe(true);
  });

  test('enables the pickers after the lock is taken', async () => {
    const { fake } = renderWithApp(<UploadScreen />, handlers(readOnlyInfo));
    await screen.findByText('Încărcări');
    await waitFor(() => expect(button('Alege fișiere XML').disabled).toBe(true));
    fake.emit('app.changed', writableInfo);
    await waitFor(() => expect(button('Alege fișiere XML').disabled).toBe(false));
  });

  test('disables sync on the companies page', async () => {
    renderWithApp(<CompaniesScreen />, handlers(readOnlyInfo));
    await screen.findByText('Brutăria Șerban SRL');
    await waitFor(() => expect(button(/Sincronizează firma Brutăria/).disabled).toBe(true));
  });

  test('disables sync on the activity page', async () => {
    renderWithApp(<SyncPanel companies={companies} progress={[]} />, handlers(readOnlyInfo));
    await waitFor(() => expect(button('Sincronizează toate firmele').disabled).toBe(true));
  });

  test('disables the settings fields', async () => {
    renderWithApp(<SettingsScreen />, handlers(readOnlyInfo));
    const theme = (await screen.findByRole('combobox', { name: 'Tema' })) as HTMLInputElement;
    await waitFor(() => expect(theme.disabled).toBe(true));
    expect((screen.getByLabelText('Sincronizare automată (minute)') as HTMLInputElement).disabled).toBe(true);
  });

  test('shows the reason once above a page', async () => {
    renderWithApp(<Workspace />, handlers(readOnlyInfo), { screen: 'settings' });
    const banners = await screen.findAllByText(/Dosarul de date este folosit de alt proces/);
    expect(banners).toHaveLength(1);
  });
});
