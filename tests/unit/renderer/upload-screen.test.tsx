// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { UploadCheckResult, UploadRecord } from '../../../shared/domain.ts';
import { UploadScreen } from '../../../renderer/src/screens/UploadScreen.tsx';
import type { FakeHandlers } from './fake-api.ts';
import { renderWithApp } from './render.tsx';
import { checkResults, companies, uploads } from './sample-data.ts';

function handlers(extra: FakeHandlers = {}): FakeHandlers {
  return {
    'companies.list': () => companies,
    'uploads.list': () => [],
    'uploads.check': ({ files }) =>
      files.map((file): UploadCheckResult => {
        const known = checkResults.find((result) => result.name === file.name);
        return known ?? { ...checkResults[0]!, name: file.name };
      }),
    ...extra,
  };
}

/** Picks files through the "choose XML files" input, once the companies have loaded. */
async function pickFiles(files: File[]): Promise<void> {
  const input = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>('input[type=file][accept]');
    if (!found) throw new Error('the file picker input is missing');
    return found;
  });
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

const xml = (name: string) => new File(['<Invoice/>'], name, { type: 'text/xml' });

describe('UploadScreen review', () => {
  test('checks the files for the first company', async () => {
    const { fake } = renderWithApp(<UploadScreen />, handlers());
    await screen.findByText('Încărcări');
    await pickFiles([xml('factura-0046.xml')]);
    await screen.findByText('factura-0046.xml');
    await waitFor(() => expect(fake.callsTo('uploads.check')).toHaveLength(1));
    expect(fake.callsTo('uploads.check')[0]).toEqual({
      cif: '2816464',
      files: [{ name: 'factura-0046.xml', base64: btoa('<Invoice/>') }],
    });
  });

  test('stops blocked files and waits for a confirmation', async () => {
    renderWithApp(<UploadScreen />, handlers());
    await screen.findByText('Încărcări');
    await pickFiles([xml('factura-0046.xml'), xml('anaf_invoice_example.xml'), xml('comanda.xml'), new File(['x'], 'poza.png')]);
    await screen.findByText('The root element is Order, not an invoice.');
    expect(screen.getByText('Nu este un fișier .xml.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Trimite (1)' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Confirm trimiterea fișierului anaf_invoice_example.xml'));
    expect(await screen.findByRole('button', { name: 'Trimite (2)' })).toBeTruthy();
  });

  test('submits warned files with acceptWarnings only', async () => {
    const sent: UploadRecord[] = [];
    const { fake } = renderWithApp(
      <UploadScreen />,
      handlers({
        'uploads.submit': ({ files }) => {
          const records = files.map((file, index) => ({ ...uploads[1]!, id: `new-${sent.length + index}`, fileName: file.name, state: 'queued' as const }));
          sent.push(...records);
          return records;
        },
      }),
    );
    await screen.findByText('Încărcări');
    await pickFiles([xml('factura-0046.xml'), xml('anaf_invoice_example.xml')]);
    fireEvent.click(await screen.findByLabelText('Confirm trimiterea fișierului anaf_invoice_example.xml'));
    fireEvent.click(await screen.findByRole('button', { name: 'Trimite (2)' }));
    await waitFor(() => expect(fake.callsTo('uploads.submit')).toHaveLength(2));
    const calls = fake.callsTo('uploads.submit') as Array<{ files: Array<{ name: string }>; acceptWarnings: boolean; allowDuplicate: boolean }>;
    const byName = (name: string) => calls.find((call) => call.files.some((file) => file.name === name));
    expect(byName('factura-0046.xml')?.acceptWarnings).toBe(false);
    expect(byName('anaf_invoice_example.xml')?.acceptWarnings).toBe(true);
    expect(calls.every((call) => call.allowDuplicate === false)).toBe(true);
  });
});

describe('UploadScreen history', () => {
  test('follows uploads.changed events', async () => {
    const first = { ...uploads[2]!, state: 'processing' as const };
    const { fake } = renderWithApp(<UploadScreen />, handlers({ 'uploads.list': () => [first] }));
    const row = (await screen.findByText(first.fileName)).closest('tr');
    expect(row?.getAttribute('data-state')).toBe('processing');
    fake.emit('uploads.changed', { ...first, state: 'rejected', errors: [{ ruleId: 'BR-CO-15', message: '[BR-CO-15]-...' }] });
    await waitFor(() => expect(screen.getByText(first.fileName).closest('tr')?.getAttribute('data-state')).toBe('rejected'));
    expect(screen.getByText(/Totalul cu TVA nu este egal/)).toBeTruthy();
  });

  test('records the decision on an unknown outcome', async () => {
    const lost = uploads.find((record) => record.state === 'needsDecision')!;
    const { fake } = renderWithApp(
      <UploadScreen />,
      handlers({ 'uploads.list': () => [lost], 'uploads.resolveUnknown': () => ({ ...lost, state: 'accepted' }) }),
    );
    await screen.findByText(lost.fileName);
    expect(screen.getByText(/verificați în SPV înainte de a trimite din nou/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Apare în SPV' }));
    await waitFor(() => expect(fake.callsTo('uploads.resolveUnknown')).toEqual([{ uploadId: lost.id, decision: 'markSent' }]));
  });

  test('words a note in Romanian', async () => {
    const rejected: UploadRecord = {
      ...uploads[2]!,
      state: 'processing',
      note: 'ANAF rejected the invoice; the app is still fetching its list of errors.',
      noteParts: [{ kind: 'rejectedFetchingErrors', values: { uploadIndex: '5009871203', messageId: '3001' } }],
    };
    renderWithApp(<UploadScreen />, handlers({ 'uploads.list': () => [rejected] }));
    const row = (await screen.findByText(rejected.fileName)).closest('tr');
    expect(row?.textContent).toContain('ANAF a respins factura (încărcarea 5009871203); aplicația descarcă încă lista de erori (mesajul 3001).');
    expect(row?.textContent).not.toContain('ANAF rejected the invoice');
  });

  test('shows an English note without kinds', async () => {
    const old: UploadRecord = { ...uploads[2]!, note: 'Written before notes had kinds.' };
    renderWithApp(<UploadScreen />, handlers({ 'uploads.list': () => [old] }));
    expect(await screen.findByText('Written before notes had kinds.')).toBeTruthy();
  });

  test('shows an empty state without uploads', async () => {
    renderWithApp(<UploadScreen />, handlers());
    expect(await screen.findByText('Nicio încărcare')).toBeTruthy();
  });
});
