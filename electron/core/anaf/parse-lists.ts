/**
 * Parsers for `listaMesajeFactura` and `listaMesajePaginatieFactura`. Both
 * respond with HTTP 200 and JSON: `mesaje` on success, `eroare` otherwise. "No
 * messages" is an `eroare` too ("Nu exista mesaje in ..."), and is returned
 * as an empty list.
 */
import {
  badResponse,
  checkResponse,
  readJsonObject,
} from './response-checks.ts';
import {
  classifyAnafMessage,
  failureFromAnafMessage,
} from './anaf-messages.ts';
import { readId } from './ids.ts';
import {
  messageDirection,
  parseMessageDetails,
  type MessageDirection,
} from './message-details.ts';
import { parseCompactTime } from '../time/romania-time.ts';
import type { TransportResponse } from './transport.ts';

/** One entry of a message list, in the app's names. */
export interface ListedMessage {
  /** `id`: what `descarcare` takes; equals stareMesaj's `id_descarcare`. */
  downloadId: string;
  /** `id_solicitare`: the upload index of the document. */
  uploadIndex: string;
  /** `cif`: the company the message can be downloaded for. */
  cif: string;
  /** `data_creare`, read as Romania local time. */
  createdAt: Date;
  /** `tip` as ANAF sent it. */
  type: string;
  direction: MessageDirection;
  /** `detalii` as ANAF sent it. */
  details: string;
  sellerCif: string | null;
  buyerCif: string | null;
  selfBilled: boolean;
}

export interface MessageList {
  messages: ListedMessage[];
  /** `serial`: the serial of the certificate behind the token. */
  certificateSerial: string | null;
  /** `titlu`, such as "Lista Mesaje disponibile din ultimele 15 zile". */
  title: string | null;
}

export interface MessagePage extends MessageList {
  /** `index_pagina_curenta`, counted from 1. */
  page: number;
  /** `numar_total_pagini`; 0 when the window contains no messages. */
  totalPages: number;
  /** `numar_total_inregistrari`. */
  totalRecords: number;
  /** `numar_total_inregistrari_per_pagina` (500 at ANAF). */
  recordsPerPage: number | null;
}

class ItemError extends Error {}

function stringField(item: Record<string, unknown>, name: string): string {
  const value = item[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ItemError(`"${name}" is missing or not text`);
  }
  return value.trim();
}

function idField(item: Record<string, unknown>, name: string): string {
  const id = readId(item[name]);
  if (id === null) throw new ItemError(`"${name}" is not a numeric id`);
  return id;
}

function parseItem(value: unknown): ListedMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ItemError('it is not an object');
  }
  const item = value as Record<string, unknown>;
  const createdText = stringField(item, 'data_creare');
  const createdAt = parseCompactTime(createdText);
  if (!createdAt)
    throw new ItemError(`"data_creare" ${createdText} is not yyyyMMddHHmm`);
  const type = stringField(item, 'tip');
  const details = typeof item.detalii === 'string' ? item.detalii : '';
  const parsedDetails = parseMessageDetails(details);
  return {
    downloadId: idField(item, 'id'),
    uploadIndex: idField(item, 'id_solicitare'),
    cif: stringField(item, 'cif'),
    createdAt,
    type,
    direction: messageDirection(type),
    details,
    sellerCif: parsedDetails.sellerCif,
    buyerCif: parsedDetails.buyerCif,
    selfBilled: parsedDetails.selfBilled,
  };
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * Reads a list response's JSON object, or returns null for "no messages".
 * ANAF's `eroare` messages become typed failures.
 */
function readListObject(
  endpoint: string,
  response: TransportResponse,
): Record<string, unknown> | null {
  if (checkResponse(endpoint, response) !== 'json') {
    throw badResponse(endpoint, response, 'a JSON message list');
  }
  const json = readJsonObject(endpoint, response);
  // An empty `eroare` names nothing; it falls through to the bad-response error below.
  if (typeof json.eroare === 'string' && json.eroare.trim() !== '') {
    const message = json.eroare.trim();
    if (classifyAnafMessage(message) === 'noMessages') return null;
    throw failureFromAnafMessage(endpoint, message);
  }
  if (!Array.isArray(json.mesaje)) {
    throw badResponse(
      endpoint,
      response,
      'a JSON object with mesaje or eroare',
    );
  }
  return json;
}

function parseItems(
  endpoint: string,
  response: TransportResponse,
  items: unknown[],
): ListedMessage[] {
  return items.map((item, index) => {
    try {
      return parseItem(item);
    } catch (error) {
      if (!(error instanceof ItemError)) throw error;
      throw badResponse(
        endpoint,
        response,
        `valid mesaje (entry ${index}: ${error.message})`,
      );
    }
  });
}

/** Parses the response to `listaMesajeFactura`. */
export function parseMessageListResponse(
  endpoint: string,
  response: TransportResponse,
): MessageList {
  const json = readListObject(endpoint, response);
  if (json === null)
    return { messages: [], certificateSerial: null, title: null };
  return {
    messages: parseItems(endpoint, response, json.mesaje as unknown[]),
    certificateSerial: optionalString(json.serial),
    title: optionalString(json.titlu),
  };
}

function countField(
  json: Record<string, unknown>,
  name: string,
): number | null {
  const value = json[name];
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
    return value;
  if (typeof value === 'string' && /^\d{1,9}$/.test(value))
    return Number(value);
  return null;
}

/**
 * Parses the response to `listaMesajePaginatieFactura`. "No messages" is an
 * empty page with `totalPages` 0, numbered `requestedPage`.
 */
export function parseMessagePageResponse(
  endpoint: string,
  response: TransportResponse,
  requestedPage: number,
): MessagePage {
  const json = readListObject(endpoint, response);
  if (json === null) {
    return {
      messages: [],
      certificateSerial: null,
      title: null,
      page: requestedPage,
      totalPages: 0,
      totalRecords: 0,
      recordsPerPage: null,
    };
  }
  const totalPages = countField(json, 'numar_total_pagini');
  if (totalPages === null) {
    throw badResponse(endpoint, response, 'a page with numar_total_pagini');
  }
  const messages = parseItems(endpoint, response, json.mesaje as unknown[]);
  return {
    messages,
    certificateSerial: optionalString(json.serial),
    title: optionalString(json.titlu),
    page: countField(json, 'index_pagina_curenta') ?? requestedPage,
    totalPages,
    totalRecords:
      countField(json, 'numar_total_inregistrari') ?? messages.length,
    recordsPerPage: countField(json, 'numar_total_inregistrari_per_pagina'),
  };
}
