// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import type { BuyerMessage } from '../../../shared/domain.ts';
import { en } from '../../../renderer/src/i18n/en.ts';
import { ro } from '../../../renderer/src/i18n/ro.ts';
import { InvoiceDocumentScreen } from '../../../renderer/src/screens/InvoiceDocumentScreen.tsx';
import { renderWithApp } from './render.tsx';
import { rejectedDocument, sampleDocument } from './sample-data.ts';

function buyerMessage(overrides: Partial<BuyerMessage>): BuyerMessage {
  return {
    messageId: '3000000101',
    cif: '2816464',
    uploadIndex: '5000000101',
    direction: 'received',
    createdAt: '2025-01-16T08:30:00.000Z',
    invoiceUploadIndex: '5000000001',
    invoice: {
      messageId: '3000000001',
      direction: 'received',
      number: 'FCT-10001',
      partnerName: null,
    },
    text: 'Vă rugăm corectați cantitatea\npe linia 2.',
    state: 'downloaded',
    failureReason: null,
    ...overrides,
  };
}

function renderDocument(messages: BuyerMessage[]) {
  return renderWithApp(
    <InvoiceDocumentScreen
      cif="2816464"
      messageId="3000000001"
      direction="received"
    />,
    {
      'invoices.document': () => sampleDocument,
      'invoices.buyerMessages': () => ({ messages, total: messages.length }),
    },
  );
}

describe('buyer messages on the invoice document', () => {
  test('shows each message with its side', async () => {
    const { fake } = renderDocument([
      buyerMessage({}),
      buyerMessage({
        messageId: '3000000102',
        direction: 'sent',
        text: 'Am emis factura de stornare.',
      }),
    ]);
    const section = await screen.findByRole('region', {
      name: 'Mesajele cumpărătorului',
    });
    expect(section.textContent).toContain('Vă rugăm corectați cantitatea');
    expect(section.textContent).toContain('Am emis factura de stornare.');
    expect(section.textContent).toContain('primit');
    expect(section.textContent).toContain('trimis');
    expect(fake.callsTo('invoices.buyerMessages')).toEqual([
      { cif: '2816464', invoiceUploadIndex: '5000000001' },
    ]);
  });

  test('states an unreadable message', async () => {
    renderDocument([
      buyerMessage({ text: null, failureReason: 'not a buyer message' }),
    ]);
    expect(
      await screen.findByText(
        'Mesajul nu a putut fi citit: not a buyer message',
      ),
    ).toBeTruthy();
  });

  test('words a failed download', async () => {
    renderDocument([
      buyerMessage({
        text: null,
        state: 'failed',
        failureReason: 'Pentru id=3000000101 nu exista',
        failureKind: 'rejected',
        failureValues: {
          cause: {
            code: 'anaf.notFound',
            message: 'Pentru id=3000000101 nu exista',
            details: { kind: 'notFound' },
          },
        },
      }),
    ]);
    const section = await screen.findByRole('region', {
      name: 'Mesajele cumpărătorului',
    });
    expect(section.textContent).toContain(
      'ANAF a refuzat descărcarea mesajului. ANAF nu găsește mesajul cerut.',
    );
  });

  test('hides the section without messages', async () => {
    const { fake } = renderDocument([]);
    await screen.findByRole('heading', { name: 'Factura FCT-10001' });
    await vi.waitFor(() =>
      expect(fake.callsTo('invoices.buyerMessages')).toHaveLength(1),
    );
    expect(
      screen.queryByRole('region', { name: 'Mesajele cumpărătorului' }),
    ).toBeNull();
  });

  test('skips a rejected upload', async () => {
    const { fake } = renderWithApp(
      <InvoiceDocumentScreen
        cif="2816464"
        messageId="3000000007"
        direction="errors"
      />,
      { 'invoices.document': () => rejectedDocument },
    );
    await screen.findByText('ANAF a respins factura');
    expect(fake.callsTo('invoices.buyerMessages')).toEqual([]);
  });

  test('reads its labels from i18n', async () => {
    renderDocument([buyerMessage({ text: null, state: 'listed' })]);
    const section = await screen.findByRole('region', {
      name: ro.buyerMessages.heading,
    });
    expect(section.textContent).toContain(ro.buyerMessages.received);
    expect(section.textContent).toContain(ro.buyerMessages.notDownloaded);
  });

  test('has English labels', () => {
    expect(en.buyerMessages.heading).toBe('Buyer messages');
  });
});
