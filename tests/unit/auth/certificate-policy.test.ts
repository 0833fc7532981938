import { describe, expect, it } from 'vitest';
import {
  chooseCertificate,
  normalizeSerial,
  type CertificateCandidate,
} from '../../../electron/core/auth/certificate-policy.ts';

const NOW = Date.parse('2026-03-01T00:00:00Z');
const DAY = 86_400_000;

function certificate(
  id: string,
  serial: string,
  from: number,
  to: number,
): CertificateCandidate {
  return {
    id,
    subject: `CN=${id}`,
    issuer: 'CN=Qualified CA',
    serial,
    validFrom: NOW + from * DAY,
    validTo: NOW + to * DAY,
  };
}

const valid = certificate('valid', '0A11', -100, 200);
const validLater = certificate('later', '0A22', -10, 300);
const expired = certificate('expired', '0A33', -400, -1);
const future = certificate('future', '0A44', 5, 400);

describe('chooseCertificate', () => {
  it('reports no certificate for an empty list', () => {
    const choice = chooseCertificate([], NOW);
    expect(choice.kind === 'none' ? choice.failure.code : choice.kind).toBe(
      'auth.noCertificate',
    );
  });

  it('uses a single valid certificate', () => {
    const choice = chooseCertificate([valid], NOW);
    expect(choice).toEqual({ kind: 'use', certificate: valid });
  });

  const pickCases: Array<[string, CertificateCandidate[], string[]]> = [
    ['single expired one', [expired], ['expired']],
    ['single not yet valid one', [future], ['future']],
    ['two valid, latest expiry first', [valid, validLater], ['later', 'valid']],
    ['valid before expired', [expired, valid], ['valid', 'expired']],
    ['valid before not yet valid', [future, valid], ['valid', 'future']],
  ];

  it.each(pickCases)('offers the picker: %s', (_name, list, order) => {
    const choice = chooseCertificate(list, NOW);
    const ids = choice.kind === 'pick' ? choice.entries.map((e) => e.id) : [];
    expect(ids).toEqual(order);
  });

  it('marks expired entries', () => {
    const choice = chooseCertificate([valid, expired], NOW);
    const entry = choice.kind === 'pick' ? choice.entries[1] : undefined;
    expect(entry?.expired).toBe(true);
  });

  it('marks valid entries as not expired', () => {
    const choice = chooseCertificate([valid, expired], NOW);
    const entry = choice.kind === 'pick' ? choice.entries[0] : undefined;
    expect(entry?.expired).toBe(false);
  });

  it('marks not yet valid entries', () => {
    const choice = chooseCertificate([valid, future], NOW);
    const entry = choice.kind === 'pick' ? choice.entries[1] : undefined;
    expect(entry?.notYetValid).toBe(true);
  });

  it('uses the preferred serial among several', () => {
    const choice = chooseCertificate([valid, validLater], NOW, '0a:22');
    expect(choice.kind === 'use' ? choice.certificate.id : choice.kind).toBe(
      'later',
    );
  });

  it('ignores an expired preferred certificate', () => {
    const choice = chooseCertificate([valid, expired], NOW, '0A33');
    expect(choice.kind).toBe('pick');
  });
});

describe('normalizeSerial', () => {
  const cases: Array<[string, string]> = [
    ['0A:1B:2C', 'a1b2c'],
    ['00ff', 'ff'],
    ['ABCDEF', 'abcdef'],
    ['0', '0'],
  ];

  it.each(cases)('%s', (input, output) => {
    expect(normalizeSerial(input)).toBe(output);
  });
});
