// @vitest-environment happy-dom
// Leaving a company's invoices clears its "new" marks, except in a
// read-only window, which leaves them for the window with the folder's lock.
import { waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { AppInfo } from '../../../shared/ipc/contract.ts';
import { useAppInfo } from '../../../renderer/src/queries.ts';
import { useMarkSeenOnLeave } from '../../../renderer/src/hooks/useMarkSeenOnLeave.ts';
import { renderWithApp } from './render.tsx';

function info(readOnly: boolean): AppInfo {
  return {
    name: 'e-Factura Desktop',
    version: '1.0.0',
    shell: 'browser',
    platform: 'linux',
    dataDir: '/home/ana/.efactura',
    readOnly,
  };
}

/** Shows one company's invoices until unmounted, once app info is known. */
function Visit() {
  const known = useAppInfo().data !== undefined;
  useMarkSeenOnLeave(known ? '2816464' : null, true, () => undefined);
  return <p>{known ? 'gata' : 'se încarcă'}</p>;
}

async function visitAndLeave(readOnly: boolean) {
  const rendered = renderWithApp(<Visit />, {
    'app.info': () => info(readOnly),
    'companies.markSeen': () => null,
  });
  await rendered.findByText('gata');
  rendered.unmount();
  return rendered.fake;
}

describe('useMarkSeenOnLeave', () => {
  test('clears the marks on leaving', async () => {
    const fake = await visitAndLeave(false);
    await waitFor(() =>
      expect(fake.callsTo('companies.markSeen')).toHaveLength(1),
    );
  });

  test('keeps the marks when read-only', async () => {
    const fake = await visitAndLeave(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.callsTo('companies.markSeen')).toEqual([]);
  });
});
