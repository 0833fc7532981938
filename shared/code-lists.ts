/**
 * Names for the codes that appear on Romanian e-invoices and for the states
 * of an archived message, in Romanian and English. The invoice view, the
 * invoice list, the PDF and the CSV read them here so all show one wording.
 */

import type { MessageState } from './domain.ts';

export interface CodeName {
  ro: string;
  en: string;
}

export type CodeLanguage = 'ro' | 'en';

/** UNTDID 1001 invoice type codes allowed by CIUS-RO. */
export const TYPE_CODE_NAMES: Record<string, CodeName> = {
  '380': { ro: 'factură', en: 'invoice' },
  '381': { ro: 'notă de credit', en: 'credit note' },
  '384': { ro: 'factură corectată', en: 'corrected invoice' },
  '389': { ro: 'autofactură', en: 'self-billed invoice' },
  '751': {
    ro: 'factură, informații contabile',
    en: 'invoice information for accounting',
  },
};

/** UNTDID 4461 payment means codes that appear on Romanian invoices. */
export const MEANS_NAMES: Record<string, CodeName> = {
  '1': { ro: 'nespecificat', en: 'not defined' },
  '10': { ro: 'numerar', en: 'cash' },
  '20': { ro: 'cec', en: 'cheque' },
  '30': { ro: 'transfer bancar', en: 'credit transfer' },
  '31': { ro: 'transfer de debit', en: 'debit transfer' },
  '42': { ro: 'plată în cont bancar', en: 'payment to bank account' },
  '48': { ro: 'card bancar', en: 'bank card' },
  '49': { ro: 'debit direct', en: 'direct debit' },
  '57': { ro: 'acord permanent', en: 'standing agreement' },
  '58': { ro: 'transfer SEPA', en: 'SEPA credit transfer' },
  '59': { ro: 'debit direct SEPA', en: 'SEPA direct debit' },
  '97': { ro: 'compensare', en: 'clearing between partners' },
};

/** UN/ECE Recommendation 20 unit codes common on Romanian invoices. */
export const UNIT_NAMES: Record<string, CodeName> = {
  H87: { ro: 'bucată', en: 'piece' },
  C62: { ro: 'unitate', en: 'unit' },
  HUR: { ro: 'oră', en: 'hour' },
  DAY: { ro: 'zi', en: 'day' },
  MON: { ro: 'lună', en: 'month' },
  KGM: { ro: 'kilogram', en: 'kilogram' },
  MTR: { ro: 'metru', en: 'metre' },
  MTK: { ro: 'metru pătrat', en: 'square metre' },
  MTQ: { ro: 'metru cub', en: 'cubic metre' },
  LTR: { ro: 'litru', en: 'litre' },
  KWH: { ro: 'kilowatt-oră', en: 'kilowatt hour' },
  SET: { ro: 'set', en: 'set' },
};

/** UNCL 5305 VAT category codes used by EN 16931. */
export const VAT_CATEGORY_NAMES: Record<string, CodeName> = {
  S: { ro: 'standard', en: 'standard rate' },
  Z: { ro: 'cota zero', en: 'zero rated' },
  E: { ro: 'scutit', en: 'exempt' },
  AE: { ro: 'taxare inversă', en: 'reverse charge' },
  K: { ro: 'livrare intracomunitară', en: 'intra-community supply' },
  G: { ro: 'export', en: 'export outside the EU' },
  O: { ro: 'în afara sferei TVA', en: 'outside the scope of VAT' },
  L: { ro: 'IGIC (Insulele Canare)', en: 'IGIC (Canary Islands)' },
  M: { ro: 'IPSI (Ceuta și Melilla)', en: 'IPSI (Ceuta and Melilla)' },
};

/**
 * States of an archived message. `expired` means ANAF deleted the message,
 * which it does 60 days after posting it.
 */
export const MESSAGE_STATE_NAMES: Record<MessageState, CodeName> = {
  listed: { ro: 'listată', en: 'listed' },
  downloaded: { ro: 'descărcată', en: 'downloaded' },
  expired: { ro: 'ștearsă de ANAF', en: 'deleted by ANAF' },
  failed: { ro: 'eșuată', en: 'failed' },
};

/**
 * Returns the name of `code` in `table`, or null for a missing or unknown
 * code, so callers can fall back to showing the code itself.
 */
export function codeName(
  table: Record<string, CodeName>,
  code: string | null | undefined,
  language: CodeLanguage = 'ro',
): string | null {
  // Object.hasOwn keeps codes such as `constructor` from matching the prototype.
  const known = code && Object.hasOwn(table, code) ? table[code] : undefined;
  if (!known) return null;
  return language === 'en' ? known.en : known.ro;
}
