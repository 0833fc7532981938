import { normalizeCif } from '../../../shared/cif.ts';

/**
 * Derives the digits of a party's Romanian CIF from the first identifier
 * that normalises as a CIF, in this order: the VAT id (BT-31/BT-48), the
 * legal registration id (BT-30/BT-47), the tax registration id (BT-32).
 * Identifiers without an `RO` prefix count only for parties in Romania or
 * with no country, so that a foreign number is not taken for a CIF.
 */
export function deriveCif(
  ids: {
    vatId: string | null;
    registrationNumber: string | null;
    taxRegistrationId: string | null;
  },
  countryCode: string | null,
): string | null {
  const inRomania = countryCode === null || countryCode.toUpperCase() === 'RO';
  const candidates = [ids.vatId, ids.registrationNumber, ids.taxRegistrationId];

  for (const candidate of candidates) {
    if (candidate === null) continue;
    const hasRoPrefix = /^\s*ro/i.test(candidate);
    if (!hasRoPrefix && !inRomania) continue;

    const normalized = normalizeCif(candidate);
    if (normalized.ok) return normalized.value;
  }
  return null;
}
