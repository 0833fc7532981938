// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { CompaniesScreen } from '../../../renderer/src/screens/CompaniesScreen.tsx';
import { renderWithApp } from './render.tsx';
import { companies, sandboxAccount } from './sample-data.ts';

function handlers(name: string) {
  const [first] = companies;
  if (!first) throw new Error('The sample data has no company.');
  return {
    'companies.list': () => [{ ...first, name }],
    'accounts.list': () => [sandboxAccount],
    'sync.status': () => [],
  };
}

describe('CompanyRow', () => {
  test('names a company and its CIF', async () => {
    renderWithApp(<CompaniesScreen />, handlers('Brutăria Șerban SRL'));
    await screen.findByText('Brutăria Șerban SRL');
    expect(screen.getAllByText(/2816464/)).toHaveLength(1);
  });

  test('shows an unnamed CIF once', async () => {
    renderWithApp(<CompaniesScreen />, handlers('CIF 2816464'));
    await screen.findByText('CIF 2816464');
    expect(screen.getAllByText(/2816464/)).toHaveLength(1);
  });
});
