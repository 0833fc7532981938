/**
 * Plain-language explanations for the errors ANAF reports on an upload: the
 * rule ids of its validation (EN 16931 `BR-*`, CIUS-RO `BR-RO-*`, ANAF's own
 * `R*` registry checks), its duplicate answer and its XML schema errors. The
 * explanation texts are in the i18n files under `anafErrors`.
 */
import type { TFunction } from 'i18next';
import type { AnafErrorEntry } from '../../../shared/domain.ts';

export type AnafErrorKind =
  | 'customizationId'
  | 'sellerNotRegistered'
  | 'totalWithVat'
  | 'lineNetSum'
  | 'countyCode'
  | 'duplicate'
  | 'schema'
  | 'other';

export interface ExplainedError {
  kind: AnafErrorKind;
  /** The rule id from the entry, else the first one found in its message. */
  ruleId: string | null;
  /** Values quoted by ANAF that the explanation repeats. */
  params: Record<string, string>;
  /** ANAF's message as written, always shown beside the explanation. */
  original: string;
}

const RULE_KINDS: Record<string, AnafErrorKind> = {
  'BR-RO-001': 'customizationId',
  'R6.1': 'sellerNotRegistered',
  'BR-CO-15': 'totalWithVat',
  'BR-CO-10': 'lineNetSum',
  'BR-RO-110': 'countyCode',
  'BR-RO-111': 'countyCode',
};

/** `[BR-CO-15]`, `BR-RO-110`, `R6.1`, as ANAF writes rule ids in messages. */
const RULE_ID_PATTERN = /\b(BR(?:-[A-Z]+)*-\d+[a-z]?|R\d+\.\d+)\b/;

/** "Factura a mai fost transmisa anterior cu index=5001 si data incarcare=2025-01-15". */
const DUPLICATE_PATTERN = /a mai fost transmis/i;
const DUPLICATE_INDEX = /index\s*=\s*(\d+)/i;
const DUPLICATE_DATE = /data incarcare\s*=\s*([\d-]+)/i;

const SCHEMA_PATTERN = /SAXParseException|cvc-[a-z.0-9-]+|nu este valid/i;
const SCHEMA_LINE = /lineNumber:\s*(\d+)/;
const SCHEMA_COLUMN = /columnNumber:\s*(\d+)/;

export function findRuleId(entry: AnafErrorEntry): string | null {
  if (entry.ruleId) return entry.ruleId;
  return RULE_ID_PATTERN.exec(entry.message)?.[1] ?? null;
}

function captured(pattern: RegExp, text: string): string | undefined {
  return pattern.exec(text)?.[1];
}

function paramsOf(entries: Array<[string, string | undefined]>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of entries) if (value !== undefined) params[name] = value;
  return params;
}

export function explainAnafError(entry: AnafErrorEntry): ExplainedError {
  const ruleId = findRuleId(entry);
  const original = entry.message;
  const byRule = ruleId ? RULE_KINDS[ruleId] : undefined;

  if (byRule === 'sellerNotRegistered') {
    const cif = captured(/baza de date\s*:?\s*(\w+)/i, original);
    return { kind: byRule, ruleId, params: paramsOf([['cif', cif]]), original };
  }
  if (byRule) return { kind: byRule, ruleId, params: {}, original };

  if (DUPLICATE_PATTERN.test(original)) {
    const params = paramsOf([
      ['index', captured(DUPLICATE_INDEX, original)],
      ['date', captured(DUPLICATE_DATE, original)],
    ]);
    return { kind: 'duplicate', ruleId, params, original };
  }
  if (SCHEMA_PATTERN.test(original)) {
    const params = paramsOf([
      ['line', captured(SCHEMA_LINE, original)],
      ['column', captured(SCHEMA_COLUMN, original)],
    ]);
    return { kind: 'schema', ruleId, params, original };
  }
  return { kind: 'other', ruleId, params: {}, original };
}

/** Returns the plain-language sentence for one explained error. */
export function explanationText(t: TFunction, explained: ExplainedError): string {
  const { kind, params } = explained;
  if (kind === 'duplicate') {
    return params.index ? t('anafErrors.duplicate', { index: params.index, date: params.date ?? '?' }) : t('anafErrors.duplicateNoIndex');
  }
  if (kind === 'schema') {
    return params.line
      ? t('anafErrors.schema', { line: params.line, column: params.column ?? '?' })
      : t('anafErrors.schemaNoPosition');
  }
  if (kind === 'sellerNotRegistered') return t('anafErrors.sellerNotRegistered', { cif: params.cif ?? '' });
  return t(`anafErrors.${kind}`);
}

/**
 * Returns a one-line summary of a rejected upload's errors for the invoice
 * list: the first error's rule and explanation, and how many more there
 * are. An error without a known explanation shows ANAF's own words, since
 * the generic explanation points at a message the list does not show.
 */
export function errorSummary(t: TFunction, first: AnafErrorEntry | undefined, count: number | undefined): string {
  if (!first) return count ? t('invoices.errorCount', { count }) : '';
  const explained = explainAnafError(first);
  const text = explained.kind === 'other' ? explained.original : explanationText(t, explained);
  const rule = explained.ruleId ? `${explained.ruleId}: ` : '';
  const more = count && count > 1 ? ` ${t('invoices.errorsMore', { count: count - 1 })}` : '';
  return `${rule}${text}${more}`;
}
