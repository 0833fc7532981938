import { authFailure } from './errors.ts';
import type { AppFailure } from '../../../shared/result.ts';

/**
 * A client certificate offered for the login, from Electron's certificate
 * list or from the sandbox's PKCS#12 files. Times are epoch milliseconds.
 */
export interface CertificateCandidate {
  /** Identifies the certificate in the picker's result (a fingerprint). */
  id: string;
  subject: string;
  issuer: string;
  serial: string;
  validFrom: number;
  validTo: number;
}

/** One line of the picker: the candidate plus whether it is usable now. */
export interface PickerEntry extends CertificateCandidate {
  expired: boolean;
  notYetValid: boolean;
}

export type CertificateChoice =
  | { kind: 'use'; certificate: CertificateCandidate }
  | { kind: 'pick'; entries: PickerEntry[] }
  | { kind: 'none'; failure: AppFailure };

/**
 * Decides how to present a client certificate. The certificate of the
 * account being renewed is used when it is offered and valid. Otherwise a
 * single valid certificate is used directly. Several, or a single expired
 * one, go to the picker with the valid ones first. An empty list leads to
 * the same message as ANAF's `access_denied`.
 */
export function chooseCertificate(
  candidates: readonly CertificateCandidate[],
  now: number,
  preferredSerial?: string,
): CertificateChoice {
  if (candidates.length === 0) {
    return { kind: 'none', failure: authFailure('auth.noCertificate') };
  }

  const entries = candidates.map((candidate) => toEntry(candidate, now));
  const usable = entries.filter((entry) => isUsable(entry));

  const preferred = preferredSerial
    ? usable.find((entry) => sameSerial(entry.serial, preferredSerial))
    : undefined;
  if (preferred) return { kind: 'use', certificate: stripEntry(preferred) };

  const only = entries.length === 1 ? entries[0] : undefined;
  if (only && isUsable(only)) {
    return { kind: 'use', certificate: stripEntry(only) };
  }

  return { kind: 'pick', entries: sortForPicker(entries) };
}

function toEntry(candidate: CertificateCandidate, now: number): PickerEntry {
  return {
    ...candidate,
    expired: now > candidate.validTo,
    notYetValid: now < candidate.validFrom,
  };
}

function isUsable(entry: PickerEntry): boolean {
  return !entry.expired && !entry.notYetValid;
}

/** Usable certificates first, each group by latest expiry first. */
function sortForPicker(entries: PickerEntry[]): PickerEntry[] {
  return [...entries].sort((a, b) => {
    const usableOrder = Number(isUsable(b)) - Number(isUsable(a));
    return usableOrder !== 0 ? usableOrder : b.validTo - a.validTo;
  });
}

function stripEntry(entry: PickerEntry): CertificateCandidate {
  const { id, subject, issuer, serial, validFrom, validTo } = entry;
  return { id, subject, issuer, serial, validFrom, validTo };
}

/** Serials arrive as hex in different cases and with leading zeros. */
export function sameSerial(a: string, b: string): boolean {
  return normalizeSerial(a) === normalizeSerial(b);
}

export function normalizeSerial(serial: string): string {
  const hex = serial.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return hex.replace(/^0+(?=.)/, '');
}
