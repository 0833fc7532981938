// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { ActivityScreen } from '../../../renderer/src/screens/ActivityScreen.tsx';
import { syncPercent } from '../../../renderer/src/screens/activity/SyncRow.tsx';
import { renderWithApp } from './render.tsx';
import { companies, queueSnapshot, syncProgress } from './sample-data.ts';

function handlers() {
  return {
    'queue.snapshot': () => queueSnapshot,
    'sync.status': () => syncProgress,
    'companies.list': () => companies,
    'sync.run': () => syncProgress,
  };
}

describe('ActivityScreen', () => {
  test('shows calls against the limit and budgets left', async () => {
    renderWithApp(<ActivityScreen />, handlers());
    expect(await screen.findByText('64 din 100')).toBeTruthy();
    const row = screen.getByText('descarcare').closest('tr');
    expect(row?.querySelector('td:nth-child(4)')?.textContent).toBe('1');
  });

  test('follows queue.changed', async () => {
    const { fake } = renderWithApp(<ActivityScreen />, handlers());
    await screen.findByText('64 din 100');
    fake.emit('queue.changed', { ...queueSnapshot, callsInLastMinute: 99 });
    expect(await screen.findByText('99 din 100')).toBeTruthy();
  });

  test('shows a sync failure in words', async () => {
    renderWithApp(<ActivityScreen />, handlers());
    expect(await screen.findByText(/Ultima sincronizare a eșuat: The token is not valid/)).toBeTruthy();
  });

  test('words a sync error by its kind', async () => {
    const stopped = {
      ...syncProgress[1]!,
      error: 'Downloads stopped: The login expired.',
      errorKind: 'downloadsStopped' as const,
      errorValues: { messageId: '3001', cause: { code: 'auth.expired', message: 'The login expired.', details: {} } },
    };
    renderWithApp(<ActivityScreen />, { ...handlers(), 'sync.status': () => [syncProgress[0]!, stopped] });
    expect(await screen.findByText('Descărcările s-au oprit la mesajul 3001. Autentificarea a expirat. Autentificați-vă din nou în pagina Conturi.')).toBeTruthy();
  });

  test('starts a sync of one company', async () => {
    const { fake } = renderWithApp(<ActivityScreen />, handlers());
    fireEvent.click(await screen.findByRole('button', { name: 'Sincronizează firma 16420060' }));
    await waitFor(() => expect(fake.callsTo('sync.run')).toEqual([{ cif: '16420060' }]));
  });

  test('disables a company that is syncing', async () => {
    renderWithApp(<ActivityScreen />, handlers());
    const button = (await screen.findByRole('button', { name: 'Sincronizează firma 2816464' })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });
});

describe('syncPercent', () => {
  test('counts everything no longer remaining as done', () => {
    expect(syncPercent({ ...syncProgress[0]!, listed: 200, remaining: 50 })).toBe(75);
  });

  test('is full for a finished sync with nothing listed', () => {
    expect(syncPercent({ ...syncProgress[0]!, running: false, listed: 0, remaining: 0 })).toBe(100);
  });
});
