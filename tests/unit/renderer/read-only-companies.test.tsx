// @vitest-environment happy-dom
// Adding, renaming and removing companies in a read-only window, where
// main rejects those channels with `archive.locked`.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { AppInfo } from '../../../shared/ipc/contract.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { CompaniesScreen } from '../../../renderer/src/screens/CompaniesScreen.tsx';
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
const writableInfo: AppInfo = {
  ...readOnlyInfo,
  readOnly: false,
  readOnlyReason: undefined,
};

function handlers(info: AppInfo): FakeHandlers {
  return {
    'app.info': () => info,
    'companies.list': () => companies,
    'accounts.list': () => [sandboxAccount],
    'sync.status': () => [],
    'settings.get': () => DEFAULT_SETTINGS,
  };
}

function button(name: string | RegExp): HTMLButtonElement {
  return screen.getByRole('button', { name }) as HTMLButtonElement;
}

function input(label: string): HTMLInputElement {
  return screen.getByRole('textbox', { name: label }) as HTMLInputElement;
}

/** Opens the first company's actions menu and returns its items. */
async function openFirstMenu(): Promise<HTMLElement[]> {
  const [trigger] = screen.getAllByRole('button', { name: /Acțiuni pentru/ });
  if (!trigger) throw new Error('No actions menu is rendered.');
  fireEvent.click(trigger);
  return screen.findAllByRole('menuitem');
}

function isDisabled(element: HTMLElement): boolean {
  return (
    element.hasAttribute('disabled') ||
    element.getAttribute('data-disabled') === 'true'
  );
}

describe('companies in a read-only window', () => {
  test('disables the add button', async () => {
    renderWithApp(<CompaniesScreen />, handlers(readOnlyInfo));
    await screen.findByText('Brutăria Șerban SRL');
    await waitFor(() => expect(button('Adaugă firma').disabled).toBe(true));
  });

  test('disables the add fields', async () => {
    renderWithApp(<CompaniesScreen />, handlers(readOnlyInfo));
    await screen.findByText('Brutăria Șerban SRL');
    await waitFor(() => expect(input('CIF').disabled).toBe(true));
    expect(input('Denumire').disabled).toBe(true);
  });

  test('disables rename and remove', async () => {
    renderWithApp(<CompaniesScreen />, handlers(readOnlyInfo));
    await screen.findByText('Brutăria Șerban SRL');
    await waitFor(() => expect(button('Adaugă firma').disabled).toBe(true));
    const items = await openFirstMenu();
    expect(items).toHaveLength(2);
    for (const item of items) expect(isDisabled(item)).toBe(true);
  });

  test('enables them after the lock is taken', async () => {
    const { fake } = renderWithApp(<CompaniesScreen />, handlers(readOnlyInfo));
    await screen.findByText('Brutăria Șerban SRL');
    await waitFor(() => expect(button('Adaugă firma').disabled).toBe(true));
    fake.emit('app.changed', writableInfo);
    await waitFor(() => expect(button('Adaugă firma').disabled).toBe(false));
    const items = await openFirstMenu();
    for (const item of items) expect(isDisabled(item)).toBe(false);
  });
});
