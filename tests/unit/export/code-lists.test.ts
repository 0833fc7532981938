import { describe, expect, it } from 'vitest';

import {
  codeName,
  MEANS_NAMES,
  UNIT_NAMES,
  VAT_CATEGORY_NAMES,
} from '../../../shared/code-lists.ts';

describe('codeName', () => {
  it('names a known code in Romanian', () => {
    expect(codeName(UNIT_NAMES, 'KWH')).toBe('kilowatt-oră');
  });

  it('names a known code in English', () => {
    expect(codeName(MEANS_NAMES, '42', 'en')).toBe('payment to bank account');
  });

  it('returns null for an unknown code', () => {
    expect(codeName(UNIT_NAMES, 'XYZ')).toBeNull();
  });

  it('returns null for a prototype key', () => {
    expect(codeName(VAT_CATEGORY_NAMES, 'constructor')).toBeNull();
  });

  it('returns null for a missing code', () => {
    expect(codeName(VAT_CATEGORY_NAMES, null)).toBeNull();
  });
});
