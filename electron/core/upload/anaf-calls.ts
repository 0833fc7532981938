/**
 * The ANAF calls the upload service makes, each through the request queue
 * so that the rate limit, the daily budgets and the retries of idempotent
 * calls apply. Uploads themselves are sent by the service, which must mark
 * the moment a request leaves.
 */
import type { AnafClient } from '../anaf/client.ts';
import { anafFailureDetails } from '../anaf/errors.ts';
import type { ListWindow } from '../anaf/list-window.ts';
import type { UploadStatus } from '../anaf/parse-efactura.ts';
import type { ListedMessage, MessagePage } from '../anaf/parse-lists.ts';
import type { Lane } from '../queue/lanes.ts';
import type { UploadCompany, UploadQueue } from './types.ts';

export interface CallContext {
  queue: UploadQueue;
  client: AnafClient;
  company: UploadCompany;
  lane: Lane;
  signal: AbortSignal;
}

/** Asks stareMesaj about an upload; waits for the budget if it is spent. */
export function checkStatus(
  context: CallContext,
  uploadIndex: string,
): Promise<UploadStatus> {
  const { company, client } = context;
  return context.queue.submit({
    endpoint: 'status',
    lane: context.lane,
    cif: company.cif,
    messageKey: uploadIndex,
    idempotent: true,
    dedupeKey: `status:${company.api}:${uploadIndex}`,
    whenBudgetSpent: 'wait',
    signal: context.signal,
    run: (signal) =>
      client.status({ apiPath: company.api, uploadIndex }, { signal }),
  });
}

/** Downloads a message's ZIP (10 a day per message at ANAF). */
export function downloadMessage(
  context: CallContext,
  downloadId: string,
): Promise<Uint8Array> {
  const { company, client } = context;
  return context.queue.submit({
    endpoint: 'download',
    lane: context.lane,
    cif: company.cif,
    messageKey: downloadId,
    idempotent: true,
    dedupeKey: `download:${company.api}:${downloadId}`,
    signal: context.signal,
    run: (signal) =>
      client.download({ apiPath: company.api, downloadId }, { signal }),
  });
}

function fetchPage(
  context: CallContext,
  window: ListWindow,
  page: number,
): Promise<MessagePage> {
  const { company, client } = context;
  return context.queue.submit({
    endpoint: 'listPaginated',
    lane: context.lane,
    cif: company.cif,
    idempotent: true,
    signal: context.signal,
    run: (signal) =>
      client.listMessagePage(
        { apiPath: company.api, cif: company.cif, window, page },
        { signal },
      ),
  });
}

/**
 * Lists every message of the company created in the window, following
 * `numar_total_pagini`. When ANAF refuses the window's end as in the future
 * by its clock, the end is moved back once to the server time it quotes
 * minus `endMarginMs`.
 */
export async function listMessagesIn(
  context: CallContext,
  window: ListWindow,
  endMarginMs: number,
): Promise<ListedMessage[]> {
  let first: MessagePage;
  let current = window;
  try {
    first = await fetchPage(context, current, 1);
  } catch (error) {
    const serverTime = quotedServerTime(error);
    if (serverTime === null) throw error;
    const endTime = new Date(serverTime - endMarginMs);
    if (endTime <= current.startTime) return [];
    current = { startTime: current.startTime, endTime };
    first = await fetchPage(context, current, 1);
  }

  const messages = [...first.messages];
  let totalPages = first.totalPages;
  for (let page = 2; page <= totalPages; page += 1) {
    const next = await fetchPage(context, current, page);
    messages.push(...next.messages);
    totalPages = next.totalPages;
  }
  return messages;
}

function quotedServerTime(error: unknown): number | null {
  const details = anafFailureDetails(error);
  if (details?.kind !== 'endTimeInFuture') return null;
  const text = details.serverTime;
  if (typeof text !== 'string') return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : time;
}
