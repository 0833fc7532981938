// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { SyncProgress } from '../../../shared/domain.ts';
import { CompaniesScreen } from '../../../renderer/src/screens/CompaniesScreen.tsx';
import { renderWithApp } from './render.tsx';
import { companies, sandboxAccount } from './sample-data.ts';

const UNAVAILABLE = {
  code: 'anaf.unavailable',
  message: 'ANAF is unavailable (HTTP 503).',
  details: { status: 503 },
};

function progress(overrides: Partial<SyncProgress>): SyncProgress {
  return {
    cif: '2816464',
    running: false,
    listed: 0,
    downloaded: 0,
    alreadyArchived: 0,
    remaining: 0,
    expired: 0,
    failed: 0,
    startedAt: '2025-01-20T09:00:00.000Z',
    finishedAt: '2025-01-20T09:01:00.000Z',
    error: null,
    ...overrides,
  };
}

const failed = progress({
  error: 'Listing messages failed: ANAF is unavailable (HTTP 503).',
  errorKind: 'listFailed',
  errorValues: { cause: UNAVAILABLE },
});

function handlers(status: SyncProgress[]) {
  return {
    'companies.list': () => companies,
    'accounts.list': () => [sandboxAccount],
    'sync.status': () => status,
  };
}

describe('CompaniesScreen sync failure', () => {
  test('shows the reason on the row', async () => {
    renderWithApp(<CompaniesScreen />, handlers([failed]));
    const row = (await screen.findByText('Brutăria Șerban SRL')).closest('tr');
    if (!row) throw new Error('No row for the company.');
    expect(await within(row).findByText(/Citirea listei de mesaje de la ANAF a eșuat/)).toBeTruthy();
  });

  test('skips notice for an old failure', async () => {
    renderWithApp(<CompaniesScreen />, handlers([failed]));
    await screen.findByText('Brutăria Șerban SRL');
    expect(screen.queryByText('Sincronizarea firmei CIF 2816464 a eșuat')).toBeNull();
  });

  test('leaves a healthy row alone', async () => {
    renderWithApp(<CompaniesScreen />, handlers([failed]));
    const row = (await screen.findByText('Transporturi Țară SA')).closest('tr');
    if (!row) throw new Error('No row for the company.');
    expect(within(row).queryByText(/a eșuat/)).toBeNull();
  });

  test('notifies when a running sync fails', async () => {
    const { fake } = renderWithApp(<CompaniesScreen />, handlers([progress({ running: true, finishedAt: null })]));
    await screen.findByText('Brutăria Șerban SRL');
    fake.emit('sync.progress', progress({ running: true, finishedAt: null }));
    fake.emit('sync.progress', failed);
    const title = await screen.findByText('Sincronizarea firmei CIF 2816464 a eșuat');
    const notification = title.closest<HTMLElement>('[role="alert"]');
    if (!notification) throw new Error('The title is not in a notification.');
    expect(within(notification).getByText(/Citirea listei de mesaje de la ANAF a eșuat/)).toBeTruthy();
  });
});
