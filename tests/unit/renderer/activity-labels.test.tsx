// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { CompanySummary, QueueSnapshot } from '../../../shared/domain.ts';
import { BudgetsTable } from '../../../renderer/src/screens/activity/BudgetsTable.tsx';
import { SyncPanel } from '../../../renderer/src/screens/activity/SyncPanel.tsx';
import { renderWithApp } from './render.tsx';
import { isoInDays } from './sample-data.ts';

const budgets: QueueSnapshot['budgets'] = [
  { endpoint: 'listPaginated', key: '2816464', used: 14, limit: 100000, resetsAt: isoInDays(1) },
  { endpoint: 'download', key: '3000000007', used: 9, limit: 10, resetsAt: isoInDays(1) },
  { endpoint: 'status', key: '5009871201', used: 37, limit: 100, resetsAt: isoInDays(1) },
  { endpoint: 'upload', key: '2816464', used: 3, limit: 1000, resetsAt: isoInDays(1) },
];

const unnamed: CompanySummary = {
  cif: '31902844',
  name: 'CIF 31902844',
  accountId: 'acc-sandbox',
  api: 'test',
  lastSyncAt: null,
  newReceivedCount: 0,
  rejectedUploadCount: 0,
};

describe('BudgetsTable labels', () => {
  const labels: Array<[string, string]> = [
    ['listPaginated', 'Listă mesaje'],
    ['download', 'Descărcare'],
    ['status', 'Stare mesaj'],
    ['upload', 'Încărcare'],
  ];
  for (const [endpoint, label] of labels) {
    test(`names ${endpoint} in Romanian`, () => {
      renderWithApp(<BudgetsTable budgets={budgets} />, {});
      expect(screen.getByText(label)).toBeTruthy();
      expect(screen.queryByText(endpoint)).toBeNull();
    });
  }

  test('keeps an unknown service name', () => {
    renderWithApp(<BudgetsTable budgets={[{ ...budgets[0]!, endpoint: 'transportList' }]} />, {});
    expect(screen.getByText('transportList')).toBeTruthy();
  });
});

describe('SyncPanel company names', () => {
  test('names an unnamed company once', async () => {
    renderWithApp(<SyncPanel companies={[unnamed]} progress={[]} />, {});
    const title = await screen.findByText(/CIF 31902844/);
    expect(title.textContent).toBe('CIF 31902844');
  });
});
