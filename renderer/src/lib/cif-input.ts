/**
 * The CIF field of the add-company form: normalised and checked with the
 * shared CIF rules, with the reason in a form the i18n strings can name.
 */
import { cifCheckDigit, normalizeCif } from '../../../shared/cif.ts';

export type CifCheck =
  | { ok: true; cif: string }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'digits' }
  | { ok: false; reason: 'checkDigit'; expected: number };

export function checkCifInput(value: string): CifCheck {
  if (value.trim() === '') return { ok: false, reason: 'empty' };
  const normalized = normalizeCif(value);
  if (!normalized.ok) return { ok: false, reason: 'digits' };
  const digits = normalized.value;
  const expected = cifCheckDigit(digits.slice(0, -1));
  if (Number(digits.slice(-1)) !== expected) return { ok: false, reason: 'checkDigit', expected };
  return { ok: true, cif: digits };
}
