/**
 * Recognises ANAF's business messages by their wording. ANAF reports daily
 * limits, missing rights, unknown ids and expired downloads as HTTP 200 with
 * a Romanian sentence (in an XML `errorMessage` or a JSON `eroare`), so the
 * wording is the only signal. Matching ignores case, diacritics and repeated
 * spaces, and tolerates ANAF's own misspellings ("inteorgare", "petru",
 * "toatal").
 */
import { parseDottedTime } from '../time/romania-time.ts';
import { anafFailure, type AnafFailureKind } from './errors.ts';
import type { AppFailure } from '../../../shared/result.ts';

export type AnafMessageClass =
  | 'dailyLimit'
  | 'expired'
  | 'noRight'
  | 'notFound'
  | 'noMessages'
  | 'listTooLarge'
  | 'endTimeInFuture'
  | 'pageOutOfRange'
  | 'technical'
  | 'invalidRequest'
  | 'other';

/** Lower case, no diacritics, single spaces. */
export function foldMessage(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const RULES: ReadonlyArray<[AnafMessageClass, RegExp]> = [
  // "S-au facut deja 10 descarcari ... in cursul zilei",
  // "S-au incarcat deja 1000 de mesaje de tip RASP ... in cursul zilei".
  ['dailyLimit', /^s-au (facut|incarcat) deja .* in cursul zilei/],
  ['expired', /a trecut perioada de 60 de zile/],
  ['noRight', /nu aveti drept/],
  ['noRight', /nu exista niciun cif p\w*tru care sa aveti drept/],
  ['notFound', /nu exista (factura|declaratie) cu id_incarcare/],
  ['notFound', /nu exista inregistrata nici o factura/],
  ['noMessages', /^nu exista mesaje in/],
  ['listTooLarge', /lista de mesaje este mai mare decat numarul/],
  ['endTimeInFuture', /nu poate (fi )?in viitor/],
  ['pageOutOfRange', /pagina solicitata \d+ este mai mare decat/],
  ['technical', /a aparut o eroare tehnica/],
  ['technical', /^eroare tehnica/],
  ['invalidRequest', /nu este un numar/],
  ['invalidRequest', /valorile acceptate pentru parametrul/],
  ['invalidRequest', /valoarea acceptata/],
  ['invalidRequest', /trebuie sa fie intre/],
  ['invalidRequest', /sunt obligatori|este obligatoriu/],
];

/** Classifies one ANAF message by its wording. */
export function classifyAnafMessage(text: string): AnafMessageClass {
  const folded = foldMessage(text);
  for (const [messageClass, pattern] of RULES) {
    if (pattern.test(folded)) return messageClass;
  }
  return 'other';
}

/**
 * Reads the server time ANAF quotes when it rejects an `endTime` in the
 * future: "endTime = 30-07-2026 15:15:28 nu poate in viitor fata de
 * momentul requestului = 30-07-2026 15:15:27". Returns null when absent.
 */
export function quotedServerTime(text: string): Date | null {
  const match =
    /momentul requestului\s*=\s*(\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2})/i.exec(
      text,
    );
  return match?.[1] ? parseDottedTime(match[1]) : null;
}

/** Reads the page total from "Pagina solicitata 50 ... de pagini 29". */
export function quotedTotalPages(text: string): number | null {
  const match = /de pagini\s*(\d+)/i.exec(foldMessage(text));
  return match?.[1] ? Number(match[1]) : null;
}

const CLASS_KINDS: Record<
  Exclude<AnafMessageClass, 'noMessages'>,
  AnafFailureKind
> = {
  dailyLimit: 'dailyLimit',
  expired: 'expired',
  noRight: 'noRight',
  notFound: 'notFound',
  listTooLarge: 'listTooLarge',
  endTimeInFuture: 'endTimeInFuture',
  pageOutOfRange: 'pageOutOfRange',
  technical: 'serverError',
  invalidRequest: 'invalidRequest',
  other: 'rejected',
};

const CLASS_SUMMARIES: Record<
  Exclude<AnafMessageClass, 'noMessages'>,
  string
> = {
  dailyLimit: "ANAF's daily limit for this call is reached",
  expired: 'ANAF no longer serves this message: its 60 days have passed',
  noRight: 'ANAF says there is no SPV right for this request',
  notFound: 'ANAF found nothing with this id',
  listTooLarge: 'ANAF refused the simple list because it has over 500 messages',
  endTimeInFuture:
    'ANAF refused the list window because its end is in the future by its clock',
  pageOutOfRange: 'ANAF refused the page because it is past the last page',
  technical: 'ANAF reported a technical error',
  invalidRequest: 'ANAF refused the request parameters',
  other: 'ANAF refused the request',
};

/**
 * Turns ANAF's message for a failed call into the typed failure of its
 * class, keeping ANAF's text in the message and in `anafMessage`. Callers
 * handle the "no messages" response themselves because it is not a failure.
 */
export function failureFromAnafMessage(
  endpoint: string,
  text: string,
  status = 200,
): AppFailure {
  const found = classifyAnafMessage(text);
  const messageClass = found === 'noMessages' ? 'other' : found;
  const extra: Record<string, unknown> = {};
  if (messageClass === 'endTimeInFuture') {
    const serverTime = quotedServerTime(text);
    if (serverTime) extra.serverTime = serverTime.toISOString();
  }
  if (messageClass === 'pageOutOfRange') {
    const totalPages = quotedTotalPages(text);
    if (totalPages !== null) extra.totalPages = totalPages;
  }
  return anafFailure(
    CLASS_KINDS[messageClass],
    `${CLASS_SUMMARIES[messageClass]} (${endpoint}): "${text}"`,
    { ...extra, endpoint, status, anafMessage: text },
  );
}
