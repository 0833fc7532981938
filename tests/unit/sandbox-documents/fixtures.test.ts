// ANAF's published CIUS-RO examples run through the sandbox's rules. As
// published they name fictitious sellers, so R6.1 fails; with the seller's
// CIF replaced by a registry company only the rules that really fail remain.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  applyRules,
  checkStructure,
  type RuleContext,
  type UploadStandard,
} from '../../../electron/sandbox/documents/index.ts';
import { SEEDED_COMPANIES } from '../../../electron/sandbox/documents/companies.ts';
import { replaceSellerCif } from '../../helpers/replace-seller.ts';
import {
  CIUS_RO_CII_DIR,
  CIUS_RO_DIR,
  company,
  factsOf,
  ruleIds,
} from './support.ts';

const REGISTRY = new Set(SEEDED_COMPANIES.map((seeded) => seeded.cif));
const SELLER = company(0).cif;

/** The published examples in upload order: ANAF's two, then the B2G examples by number. */
const UBL_FILES = readdirSync(CIUS_RO_DIR)
  .filter((name) => name.endsWith('.xml'))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

const CII_FILES = readdirSync(CIUS_RO_CII_DIR)
  .filter((name) => name.endsWith('.xml'))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

function standardOf(body: Buffer, directory: string): UploadStandard {
  if (directory === CIUS_RO_CII_DIR) return 'CII';
  return body.includes(
    'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  )
    ? 'CN'
    : 'UBL';
}

function load(directory: string, name: string): Buffer {
  return readFileSync(path.join(directory, name));
}

/** A fresh context: the registry, and no earlier uploads. */
const ALONE: RuleContext = {
  isRegistered: (cif) => REGISTRY.has(cif),
  findEarlierUpload: () => null,
};

function outcome(
  body: Buffer,
  standard: UploadStandard,
  context: RuleContext,
): string[] {
  const structure = checkStructure(body, standard);
  if (!structure.ok) throw new Error(structure.message);
  return ruleIds(applyRules(body, structure.facts, context));
}

/**
 * Uploads documents one after another as the server does: an earlier upload
 * with the same seller, number and issue date makes a later one a duplicate,
 * unless the earlier one ended `nok`.
 */
function uploadInOrder(
  documents: Array<{ name: string; body: Buffer; standard: UploadStandard }>,
): Map<string, string[]> {
  const accepted: Array<{ key: string; index: string }> = [];
  const outcomes = new Map<string, string[]>();
  documents.forEach(({ name, body, standard }, position) => {
    const structure = checkStructure(body, standard);
    if (!structure.ok) throw new Error(`${name}: ${structure.message}`);
    const context: RuleContext = {
      isRegistered: (cif) => REGISTRY.has(cif),
      findEarlierUpload: (cif, number, issueDate) => {
        const earlier = accepted.find(
          (upload) => upload.key === `${cif}|${number}|${issueDate}`,
        );
        return earlier
          ? {
              index: earlier.index,
              uploadedAt: new Date('2025-03-10T09:00:00Z'),
            }
          : null;
      },
    };
    const messages = applyRules(body, structure.facts, context);
    const index = String(5_000_000_000 + position);
    if (messages.length === 0) {
      accepted.push({
        key: `${structure.facts.sellerCif}|${structure.facts.number}|${structure.facts.issueDate}`,
        index,
      });
    }
    outcomes.set(name, ruleIds(messages));
  });
  return outcomes;
}

describe('replaceSellerCif', () => {
  it.each([
    ...UBL_FILES.map((name) => [CIUS_RO_DIR, name]),
    ...CII_FILES.map((name) => [CIUS_RO_CII_DIR, name]),
  ])('sets the seller of %s/%s', (directory, name) => {
    const original = load(directory, name);
    const standard = standardOf(original, directory);
    const replaced = checkStructure(
      replaceSellerCif(original, SELLER),
      standard,
    );
    expect(replaced.ok && replaced.facts.sellerCif).toBe(SELLER);
  });

  it('keeps the buyer', () => {
    const original = load(CIUS_RO_DIR, 'ubl_b2g_example7.xml');
    expect(factsOf(replaceSellerCif(original, SELLER), 'UBL').buyerCif).toBe(
      '31717537',
    );
  });

  it('keeps the RO prefix of a VAT identifier', () => {
    const replaced = replaceSellerCif(
      load(CIUS_RO_DIR, 'ubl_b2g_example1.xml'),
      SELLER,
    ).toString('utf8');
    expect(replaced).toContain(`<cbc:CompanyID>RO${SELLER}</cbc:CompanyID>`);
  });
});

describe('published CIUS-RO examples as published', () => {
  const expected: Record<string, string[]> = {
    'anaf_creditnote_example.xml': ['BR-RO-001', 'R6.1'],
    'anaf_invoice_example.xml': ['BR-RO-001', 'R6.1'],
    'ubl_b2g_example6.xml': ['BR-RO-111', 'R6.1'],
  };

  it.each(UBL_FILES)('%s fails R6.1', (name) => {
    const body = load(CIUS_RO_DIR, name);
    expect(outcome(body, standardOf(body, CIUS_RO_DIR), ALONE)).toEqual(
      expected[name] ?? ['R6.1'],
    );
  });

  it('names the fictitious seller in R6.1', () => {
    const body = load(CIUS_RO_DIR, 'ubl_b2g_example0.xml');
    const structure = checkStructure(body, 'UBL');
    if (!structure.ok) throw new Error(structure.message);
    expect(applyRules(body, structure.facts, ALONE)).toContain(
      'E: validari globale\n eroare regula: R6.1: CIF-ul vanzatorului nu figureaza in baza de date:1111111111118',
    );
  });
});

describe('published CIUS-RO examples with a registry seller, each alone', () => {
  const expected: Record<string, string[]> = {
    // Both still declare CIUS-RO 1.0.0.
    'anaf_creditnote_example.xml': ['BR-RO-001'],
    'anaf_invoice_example.xml': ['BR-RO-001'],
    // Its Romanian buyer's county is written "Sector 5", not RO-B.
    'ubl_b2g_example6.xml': ['BR-RO-111'],
  };

  it.each(UBL_FILES)('%s', (name) => {
    const body = replaceSellerCif(load(CIUS_RO_DIR, name), SELLER);
    expect(outcome(body, standardOf(body, CIUS_RO_DIR), ALONE)).toEqual(
      expected[name] ?? [],
    );
  });
});

describe('published CIUS-RO examples with one registry seller, uploaded in order', () => {
  // Examples 6 to 10 repeat the number and issue date of examples 0 to 4, so
  // for a single seller each of them is a duplicate of its earlier twin.
  const expected: Record<string, string[]> = {
    'anaf_creditnote_example.xml': ['BR-RO-001'],
    'anaf_invoice_example.xml': ['BR-RO-001'],
    'ubl_b2g_example6.xml': ['BR-RO-111', 'duplicate'],
    'ubl_b2g_example7.xml': ['duplicate'],
    'ubl_b2g_example8.xml': ['duplicate'],
    'ubl_b2g_example9.xml': ['duplicate'],
    'ubl_b2g_example10.xml': ['duplicate'],
  };
  const outcomes = uploadInOrder(
    UBL_FILES.map((name) => {
      const body = replaceSellerCif(load(CIUS_RO_DIR, name), SELLER);
      return { name, body, standard: standardOf(body, CIUS_RO_DIR) };
    }),
  );

  it.each(UBL_FILES)('%s', (name) => {
    expect(outcomes.get(name)).toEqual(expected[name] ?? []);
  });
});

describe('published CIUS-RO CII examples with a registry seller', () => {
  it.each(CII_FILES)('%s still declares 1.0.0', (name) => {
    const body = replaceSellerCif(load(CIUS_RO_CII_DIR, name), SELLER);
    expect(outcome(body, 'CII', ALONE)).toEqual(['BR-RO-001']);
  });
});
