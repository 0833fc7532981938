import { describe, expect, it } from 'vitest';
import type { PickerEntry } from '../../../electron/core/auth/certificate-policy.ts';
import {
  CertificatePickerBridge,
  type CertificatePickRequest,
} from '../../../electron/shell/auth/certificate-picker.ts';

const entry = (id: string): PickerEntry => ({
  id,
  subject: `CN=${id}`,
  issuer: 'CN=CA',
  serial: '01',
  validFrom: 0,
  validTo: 1,
  expired: false,
  notYetValid: false,
});

function bridge() {
  const sent: CertificatePickRequest[] = [];
  return {
    sent,
    bridge: new CertificatePickerBridge((request) => sent.push(request)),
  };
}

describe('CertificatePickerBridge', () => {
  it('sends the entries to the renderer', () => {
    const { sent, bridge: picker } = bridge();
    void picker.pick([entry('a')]);
    expect(sent[0]?.entries.map((item) => item.id)).toEqual(['a']);
  });

  it('resolves with the chosen id', async () => {
    const { sent, bridge: picker } = bridge();
    const choice = picker.pick([entry('a'), entry('b')]);
    picker.answer(sent[0]!.requestId, 'b');
    expect(await choice).toBe('b');
  });

  it('resolves with null when dismissed', async () => {
    const { sent, bridge: picker } = bridge();
    const choice = picker.pick([entry('a')]);
    picker.answer(sent[0]!.requestId, null);
    expect(await choice).toBeNull();
  });

  it('rejects an id that was not offered', () => {
    const { sent, bridge: picker } = bridge();
    void picker.pick([entry('a')]);
    expect(picker.answer(sent[0]!.requestId, 'zz')).toBe(false);
  });

  it('rejects an unknown request', () => {
    const { bridge: picker } = bridge();
    expect(picker.answer('nope', null)).toBe(false);
  });

  it('answers open requests with null on cancelAll', async () => {
    const { bridge: picker } = bridge();
    const choice = picker.pick([entry('a')]);
    picker.cancelAll();
    expect(await choice).toBeNull();
  });
});
