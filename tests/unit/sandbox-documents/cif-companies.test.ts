import { describe, expect, it } from 'vitest';

import {
  cifCheckDigit,
  completeCif,
  isValidCif,
  normalizeCif,
} from '../../../electron/sandbox/documents/cif.ts';
import {
  ibanCheckDigits,
  makeCompany,
  SEEDED_COMPANIES,
} from '../../../electron/sandbox/documents/companies.ts';
import { ROMANIAN_COUNTY_CODES } from '../../../electron/sandbox/documents/rules.ts';
import { createRandom } from '../../../electron/sandbox/documents/random.ts';

/** Checks an IBAN with the ISO 13616 mod-97 test. */
function ibanIsValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const digits = rearranged.replace(/[A-Z]/g, (letter) =>
    String(letter.charCodeAt(0) - 55),
  );
  return BigInt(digits) % 97n === 1n;
}

describe('isValidCif', () => {
  it.each([
    ['18654326', true],
    ['18654325', false],
    ['RO18654326', false],
    ['1', false],
    ['12345678901', false],
    ['', false],
  ])('%s is %s', (cif, expected) => {
    expect(isValidCif(cif)).toBe(expected);
  });

  it('maps a check sum of 10 to 0', () => {
    // Searches for a body whose weighted sum times 10 leaves 10 modulo 11.
    const body = Array.from({ length: 1000 }, (_, i) =>
      String(100000 + i),
    ).find((candidate) => {
      const padded = candidate.padStart(9, '0');
      const total = [...padded].reduce(
        (acc, digit, i) =>
          acc + Number(digit) * [7, 5, 3, 2, 1, 7, 5, 3, 2][i]!,
        0,
      );
      return (total * 10) % 11 === 10;
    });
    expect(body).toBeDefined();
    expect(cifCheckDigit(body!)).toBe(0);
  });

  it('accepts every completed CIF', () => {
    for (const body of ['1', '42', '1865432', '999999999']) {
      expect(isValidCif(completeCif(body))).toBe(true);
    }
  });
});

describe('normalizeCif', () => {
  it.each([
    ['RO18654326', '18654326'],
    [' ro 1865 4326 ', '18654326'],
    ['18654326', '18654326'],
    ['DK16356706', null],
    ['J40/1234/2020', null],
    [null, null],
  ])('%s gives %s', (value, expected) => {
    expect(normalizeCif(value)).toBe(expected);
  });
});

describe('seeded companies', () => {
  it('have valid CIFs', () => {
    for (const seeded of SEEDED_COMPANIES)
      expect(isValidCif(seeded.cif)).toBe(true);
  });

  it('have distinct CIFs', () => {
    expect(new Set(SEEDED_COMPANIES.map((seeded) => seeded.cif)).size).toBe(
      SEEDED_COMPANIES.length,
    );
  });

  it('have ISO county codes', () => {
    for (const seeded of SEEDED_COMPANIES)
      expect(ROMANIAN_COUNTY_CODES).toContain(seeded.countySubentity);
  });

  it('have valid IBANs', () => {
    for (const seeded of SEEDED_COMPANIES)
      expect(ibanIsValid(seeded.iban)).toBe(true);
  });
});

describe('makeCompany', () => {
  it('is deterministic without rng', () => {
    expect(makeCompany('18654326')).toEqual(makeCompany('18654326'));
  });

  it('differs between CIFs', () => {
    expect(makeCompany('18654326').iban).not.toBe(makeCompany('24019370').iban);
  });

  it('keeps the given CIF', () => {
    expect(makeCompany('24019370').cif).toBe('24019370');
  });

  it('names Bucharest sectors as the city', () => {
    const random = createRandom('bucharest');
    const companies = Array.from({ length: 200 }, (_, i) =>
      makeCompany(completeCif(String(1000 + i)), random),
    );
    const inBucharest = companies.filter(
      (generated) => generated.countySubentity === 'RO-B',
    );
    expect(inBucharest.length).toBeGreaterThan(0);
    for (const generated of inBucharest)
      expect(generated.city).toMatch(/^SECTOR[1-6]$/);
  });

  it('writes valid IBANs and postal codes', () => {
    const random = createRandom('many');
    for (let i = 0; i < 100; i++) {
      const generated = makeCompany(completeCif(String(5000 + i)), random);
      expect(ibanIsValid(generated.iban)).toBe(true);
      expect(generated.postalCode).toMatch(/^\d{6}$/);
      expect(generated.registrationNumber).toMatch(/^J\d{2}\/\d+\/\d{4}$/);
    }
  });
});

describe('ibanCheckDigits', () => {
  it('matches a published example', () => {
    // The IBAN registry's Romanian example: RO49 AAAA 1B31 0075 9384 0000.
    expect(ibanCheckDigits('AAAA1B31007593840000')).toBe('49');
  });
});
