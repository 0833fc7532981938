/**
 * Parsers for e-Factura's upload, stareMesaj and descarcare responses. Each
 * takes the raw response and returns a typed value or throws a typed failure;
 * ANAF's attribute names are mapped to the app's names here and nowhere
 * else (`index_incarcare` -> uploadIndex, `id_descarcare` -> downloadId).
 */
import type { Element } from '@xmldom/xmldom';
import {
  badResponse,
  checkResponse,
  readJsonObject,
  readXmlRoot,
} from './response-checks.ts';
import {
  classifyAnafMessage,
  failureFromAnafMessage,
} from './anaf-messages.ts';
import { isNumericId } from './ids.ts';
import { parseCompactTime } from '../time/romania-time.ts';
import type { TransportResponse } from './transport.ts';
import { attribute, childElements } from './xml.ts';

export const UPLOAD_ANSWER_NS = 'mfp:anaf:dgti:spv:respUploadFisier:v1';
export const STATUS_ANSWER_NS = 'mfp:anaf:dgti:efactura:stareMesajFactura:v1';

export type UploadOutcome =
  | { accepted: true; uploadIndex: string; respondedAt: Date | null }
  | { accepted: false; messages: string[]; respondedAt: Date | null };

export type UploadStatus =
  | { state: 'ok'; downloadId: string }
  | { state: 'nok'; downloadId: string }
  | { state: 'processing' }
  | { state: 'rejectedAtUpload' };

function errorMessages(
  root: Element,
  namespace: string,
  name = 'Errors',
): string[] {
  return childElements(root, namespace, name)
    .map((element) => attribute(element, 'errorMessage')?.trim() ?? '')
    .filter((message) => message !== '');
}

/**
 * Parses the response to `upload` or `uploadb2c`. A file ANAF refused comes
 * back as `accepted: false` with every message. A refusal because of a
 * daily limit or a missing SPV right is thrown as `anaf.dailyLimit` or
 * `anaf.noRight` instead, because it is not a problem of the file.
 */
export function parseUploadResponse(
  endpoint: string,
  response: TransportResponse,
): UploadOutcome {
  const expected = 'an XML upload response';
  if (checkResponse(endpoint, response) !== 'xml') {
    throw badResponse(endpoint, response, expected);
  }
  const root = readXmlRoot(endpoint, response, UPLOAD_ANSWER_NS, 'header');
  const respondedAt = parseCompactTime(attribute(root, 'dateResponse') ?? '');
  const messages = errorMessages(root, UPLOAD_ANSWER_NS);
  const executionStatus = attribute(root, 'ExecutionStatus');

  if (executionStatus === '0') {
    const uploadIndex = attribute(root, 'index_incarcare');
    if (!isNumericId(uploadIndex)) {
      throw badResponse(
        endpoint,
        response,
        `${expected} with a numeric index_incarcare`,
      );
    }
    return { accepted: true, uploadIndex, respondedAt };
  }
  if (executionStatus === '1' && messages.length > 0) {
    for (const message of messages) {
      const messageClass = classifyAnafMessage(message);
      if (messageClass === 'dailyLimit' || messageClass === 'noRight') {
        throw failureFromAnafMessage(endpoint, message);
      }
    }
    return { accepted: false, messages, respondedAt };
  }
  throw badResponse(
    endpoint,
    response,
    `${expected} with ExecutionStatus 0, or 1 and errors`,
  );
}

const STATES: Record<string, UploadStatus['state']> = {
  ok: 'ok',
  nok: 'nok',
  'in prelucrare': 'processing',
  'xml cu erori nepreluat de sistem': 'rejectedAtUpload',
};

/**
 * Parses the response to `stareMesaj`. A query error (no `stare`, only
 * `Errors`) is thrown as the failure its wording names: `anaf.notFound`
 * for an unknown index, `anaf.noRight`, `anaf.dailyLimit`, and so on.
 */
export function parseStatusResponse(
  endpoint: string,
  response: TransportResponse,
): UploadStatus {
  const expected = 'an XML stareMesaj response';
  if (checkResponse(endpoint, response) !== 'xml') {
    throw badResponse(endpoint, response, expected);
  }
  const root = readXmlRoot(endpoint, response, STATUS_ANSWER_NS, 'header');
  const stare = attribute(root, 'stare');

  if (stare === null) {
    const messages = errorMessages(root, STATUS_ANSWER_NS);
    if (messages.length === 0) {
      throw badResponse(endpoint, response, `${expected} with stare or Errors`);
    }
    throw failureFromAnafMessage(endpoint, messages.join('; '));
  }

  const state = STATES[stare.trim().toLowerCase().replace(/\s+/g, ' ')];
  if (state === 'ok' || state === 'nok') {
    const downloadId = attribute(root, 'id_descarcare');
    if (!isNumericId(downloadId)) {
      throw badResponse(
        endpoint,
        response,
        `${expected} with a numeric id_descarcare`,
      );
    }
    return { state, downloadId };
  }
  if (state === 'processing' || state === 'rejectedAtUpload') return { state };
  throw badResponse(
    endpoint,
    response,
    `${expected} with a known stare, not "${stare}"`,
  );
}

/**
 * Checks whether bytes end with a ZIP end-of-central-directory record, which a
 * body cut short loses. The record is 22 bytes plus a comment of at most
 * 65535 bytes.
 */
export function hasZipEndRecord(bytes: Uint8Array): boolean {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i -= 1) {
    if (
      bytes[i] === 0x50 &&
      bytes[i + 1] === 0x4b &&
      bytes[i + 2] === 0x05 &&
      bytes[i + 3] === 0x06
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Parses the response to `descarcare`: the ZIP bytes unchanged, or ANAF's
 * explanation as a typed failure (`anaf.dailyLimit`, `anaf.expired`,
 * `anaf.noRight`, `anaf.notFound`, else `anaf.rejected`).
 */
export function parseDownloadResponse(
  endpoint: string,
  response: TransportResponse,
): Uint8Array {
  const kind = checkResponse(endpoint, response);
  if (kind === 'zip') {
    if (!hasZipEndRecord(response.body)) {
      throw badResponse(endpoint, response, 'a complete ZIP (no end record)');
    }
    return response.body;
  }
  if (kind === 'json') {
    const json = readJsonObject(endpoint, response);
    const message = json.eroare;
    if (typeof message === 'string' && message.trim() !== '') {
      throw failureFromAnafMessage(endpoint, message.trim());
    }
  }
  throw badResponse(endpoint, response, 'a ZIP or a JSON eroare');
}
