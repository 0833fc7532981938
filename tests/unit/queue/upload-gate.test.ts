import { describe, expect, it } from 'vitest';
import type { UploadGateEntry } from '../../../electron/core/queue/upload-gate.ts';
import { uploadGate } from '../../../electron/core/queue/upload-gate.ts';

const next = { id: 'u9', cif: '12345678' };

describe('uploadGate', () => {
  it.each([
    { name: 'no other upload', others: [], open: true },
    {
      name: 'queued upload',
      others: [{ id: 'u1', cif: '12345678', state: 'queued' }],
      open: true,
    },
    {
      name: 'settled upload',
      others: [{ id: 'u1', cif: '12345678', state: 'settled' }],
      open: true,
    },
    {
      name: 'sending upload',
      others: [{ id: 'u1', cif: '12345678', state: 'sending' }],
      open: false,
    },
    {
      name: 'unresolved upload',
      others: [{ id: 'u1', cif: '12345678', state: 'unresolved' }],
      open: false,
    },
    {
      name: 'other CIF unresolved',
      others: [{ id: 'u1', cif: '87654321', state: 'unresolved' }],
      open: true,
    },
    {
      name: 'RO prefix same CIF',
      others: [{ id: 'u1', cif: 'RO 12345678', state: 'unresolved' }],
      open: false,
    },
    {
      name: 'itself sending',
      others: [{ id: 'u9', cif: '12345678', state: 'sending' }],
      open: true,
    },
  ] satisfies Array<{
    name: string;
    others: UploadGateEntry[];
    open: boolean;
  }>)('$name', ({ others, open }) => {
    expect(uploadGate(next, others).open).toBe(open);
  });

  it('names the uploads to wait for', () => {
    const decision = uploadGate(next, [
      { id: 'u1', cif: '12345678', state: 'unresolved' },
      { id: 'u2', cif: '12345678', state: 'sending' },
      { id: 'u3', cif: '12345678', state: 'settled' },
    ]);
    expect(decision).toEqual({ open: false, waitFor: ['u1', 'u2'] });
  });
});
