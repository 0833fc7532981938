// The verdict of the public validare and transformare services.
import { parseXml } from './xml.ts';
import { documentRuleFailures } from './rules.ts';
import { checkDocumentStructure } from './structure.ts';
import type { UploadStandard } from './types.ts';
import { NS } from './xml.ts';

/** Picks the upload standard whose structure check applies to a service call. */
function structureStandard(
  body: Buffer,
  standard: 'FACT1' | 'FCN',
): UploadStandard {
  if (standard === 'FCN') return 'CN';
  // FACT1 covers invoices in either syntax; a CII root is checked as CII.
  // NOTE: whether ANAF's FACT1 accepts CII is not documented.
  const parsed = parseXml(body);
  const root = parsed.ok ? parsed.document.documentElement : null;
  return root?.namespaceURI === NS.rsm ? 'CII' : 'UBL';
}

/** Returns `ok`, or `nok` with the structural message or every failed document rule. */
export function validateForService(
  body: Buffer,
  standard: 'FACT1' | 'FCN',
): { stare: 'ok' } | { stare: 'nok'; messages: string[] } {
  const structure = checkDocumentStructure(
    body,
    structureStandard(body, standard),
  );
  if (!structure.ok) return { stare: 'nok', messages: [structure.message] };
  const failures = documentRuleFailures(structure.view);
  return failures.length === 0
    ? { stare: 'ok' }
    : { stare: 'nok', messages: failures };
}
