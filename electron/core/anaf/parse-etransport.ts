/**
 * Parsers for e-Transport's upload, stareMesaj and lista. e-Transport
 * responds with JSON everywhere: `ExecutionStatus` 0 or 1, `Errors:
 * [{errorMessage}]`, `dateResponse` (`yyyyMMddHHmm`) and a `trace_id`.
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
import { parseCompactTime } from '../time/romania-time.ts';
import type { TransportResponse } from './transport.ts';

export type TransportUploadOutcome =
  | {
      accepted: true;
      uploadIndex: string;
      /** The UIT code; valid for transport only once the state is `ok`. */
      uit: string;
      declarantRef: string | null;
      /** ANAF's `atentie` advisory, when present. */
      notice: string | null;
      traceId: string | null;
      respondedAt: Date | null;
    }
  | {
      accepted: false;
      messages: string[];
      traceId: string | null;
      respondedAt: Date | null;
    };

export interface TransportStatus {
  state: 'ok' | 'nok' | 'processing' | 'rejectedAtUpload';
  /** The errors of a `nok` declaration. */
  messages: string[];
  traceId: string | null;
  respondedAt: Date | null;
}

/** One declaration from `lista`, with the fields the app reads by name. */
export interface TransportDeclaration {
  /** `id_incarcare`. */
  uploadIndex: string;
  uit: string | null;
  /** `data_creare` (`yyyyMMddHHmmss`, Romania local time). */
  createdAt: Date | null;
  /** `cod_decl`: the declarant's CIF. */
  declarantCode: string | null;
  /** `ref_decl`: the declarant's own reference. */
  declarantRef: string | null;
  /** `sursa`: A for the API, I for the web form. */
  source: string | null;
  /** `tip_op`: the operation type code. */
  operationType: string | null;
  /** `data_transp` as ANAF sent it. */
  transportDate: string | null;
  /** `mesaje` of a declaration with errors or warnings. */
  notes: { level: string; text: string }[];
  /** The whole entry, for fields not mapped above. */
  raw: Record<string, unknown>;
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function executionStatus(json: Record<string, unknown>): number | null {
  const value = json.ExecutionStatus;
  if (value === 0 || value === '0') return 0;
  if (value === 1 || value === '1') return 1;
  return null;
}

function errorMessages(json: Record<string, unknown>): string[] {
  const list = Array.isArray(json.Errors) ? json.Errors : [];
  const messages: string[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const text = (entry as Record<string, unknown>).errorMessage;
    if (typeof text === 'string' && text.trim() !== '')
      messages.push(text.trim());
  }
  return messages;
}

function readTransportJson(
  endpoint: string,
  response: TransportResponse,
): Record<string, unknown> {
  if (checkResponse(endpoint, response) !== 'json') {
    throw badResponse(endpoint, response, 'a JSON e-Transport response');
  }
  return readJsonObject(endpoint, response);
}

function common(json: Record<string, unknown>) {
  return {
    traceId: textOf(json.trace_id),
    respondedAt: parseCompactTime(textOf(json.dateResponse) ?? ''),
  };
}

/**
 * Parses the response to an e-Transport upload. A refused declaration is
 * `accepted: false` with every message; a daily limit or a missing SPV
 * right is thrown as its typed failure.
 */
export function parseTransportUploadResponse(
  endpoint: string,
  response: TransportResponse,
): TransportUploadOutcome {
  const json = readTransportJson(endpoint, response);
  const status = executionStatus(json);
  if (status === 0) {
    const uploadIndex = readId(json.index_incarcare);
    const uit = textOf(json.UIT);
    if (uploadIndex === null || !uit) {
      throw badResponse(
        endpoint,
        response,
        'an accepted upload with index_incarcare and UIT',
      );
    }
    return {
      accepted: true,
      uploadIndex,
      uit,
      declarantRef: textOf(json.ref_declarant) || null,
      notice: textOf(json.atentie),
      ...common(json),
    };
  }
  const messages = errorMessages(json);
  if (status === 1 && messages.length > 0) {
    for (const message of messages) {
      const messageClass = classifyAnafMessage(message);
      if (messageClass === 'dailyLimit' || messageClass === 'noRight') {
        throw failureFromAnafMessage(endpoint, message);
      }
    }
    return { accepted: false, messages, ...common(json) };
  }
  throw badResponse(endpoint, response, 'ExecutionStatus 0, or 1 with Errors');
}

const STATES: Record<string, TransportStatus['state']> = {
  ok: 'ok',
  nok: 'nok',
  'in prelucrare': 'processing',
  'xml cu erori nepreluat de sistem': 'rejectedAtUpload',
};

/**
 * Parses the response to e-Transport `stareMesaj`. Without `stare`, the
 * `Errors` are a query error and are thrown as their typed failure.
 */
export function parseTransportStatusResponse(
  endpoint: string,
  response: TransportResponse,
): TransportStatus {
  const json = readTransportJson(endpoint, response);
  const messages = errorMessages(json);
  if (typeof json.stare !== 'string') {
    if (messages.length === 0) {
      throw badResponse(endpoint, response, 'a stare or Errors');
    }
    throw failureFromAnafMessage(endpoint, messages.join('; '));
  }
  const state = STATES[json.stare.trim().toLowerCase().replace(/\s+/g, ' ')];
  if (!state) {
    throw badResponse(endpoint, response, `a known stare, not "${json.stare}"`);
  }
  return { state, messages, ...common(json) };
}

function parseDeclaration(entry: unknown): TransportDeclaration | null {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
    return null;
  const raw = entry as Record<string, unknown>;
  const uploadIndex = readId(raw.id_incarcare);
  if (uploadIndex === null) return null;
  const notes = Array.isArray(raw.mesaje)
    ? raw.mesaje.flatMap((note: unknown) => {
        if (typeof note !== 'object' || note === null) return [];
        const record = note as Record<string, unknown>;
        return [
          { level: textOf(record.tip) ?? '', text: textOf(record.mesaj) ?? '' },
        ];
      })
    : [];
  return {
    uploadIndex,
    uit: textOf(raw.uit),
    createdAt: parseCompactTime(textOf(raw.data_creare) ?? ''),
    declarantCode: textOf(raw.cod_decl),
    declarantRef: textOf(raw.ref_decl),
    source: textOf(raw.sursa),
    operationType: textOf(raw.tip_op),
    transportDate: textOf(raw.data_transp),
    notes,
    raw,
  };
}

/**
 * Parses the response to e-Transport `lista`. "Nu exista mesaje in ultimele N
 * zile" comes with `ExecutionStatus` 1 like a real error; only its wording
 * distinguishes it, and it is returned as an empty list.
 */
export function parseTransportListResponse(
  endpoint: string,
  response: TransportResponse,
): TransportDeclaration[] {
  const json = readTransportJson(endpoint, response);
  if (Array.isArray(json.mesaje)) {
    return json.mesaje.map((entry: unknown, index: number) => {
      const declaration = parseDeclaration(entry);
      if (!declaration) {
        throw badResponse(
          endpoint,
          response,
          `mesaje entries with id_incarcare (entry ${index})`,
        );
      }
      return declaration;
    });
  }
  const messages = errorMessages(json);
  const first = messages[0];
  if (first === undefined) {
    throw badResponse(endpoint, response, 'mesaje or Errors');
  }
  if (classifyAnafMessage(first) === 'noMessages') return [];
  throw failureFromAnafMessage(endpoint, messages.join('; '));
}
