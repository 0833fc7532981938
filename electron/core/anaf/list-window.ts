/**
 * The time window for `listaMesajePaginatieFactura` and the walk over its
 * pages. ANAF judges both ends against its own clock and refuses an end in
 * the future or a start more than 60 days back, so the window keeps a margin
 * on each side, and an "endTime ... nu poate in viitor" error is corrected
 * once from the server time it quotes.
 */
import { anafFailureDetails } from './errors.ts';
import type { Logger } from '../log/logger.ts';
import type { MessagePage } from './parse-lists.ts';
import { romaniaCalendarDaysBefore } from '../time/romania-time.ts';

/** Messages stay listable and downloadable for 60 days. */
export const RETENTION_DAYS = 60;
/** The window ends this long before now, against clock skew. */
export const END_MARGIN_MS = 60_000;
/** The window starts this long after the 60-day limit. */
export const START_MARGIN_MS = 5 * 60_000;

const DAY_MS = 86_400_000;

export interface ListWindow {
  startTime: Date;
  endTime: Date;
}

/**
 * Returns the widest window ANAF accepts at `now`, or from `since` when that
 * is later, ending `endMarginMs` before `now`. Returns null when `since`
 * leaves no time before the end.
 *
 * ANAF does not say whether it counts 60 days as 24-hour days or as
 * Romanian calendar days, which differ by an hour across a change of summer
 * time, so the start is the later of the two, plus the margin.
 */
export function listWindow(
  now: Date,
  since?: Date,
  endMarginMs = END_MARGIN_MS,
): ListWindow | null {
  const endTime = new Date(now.getTime() - endMarginMs);
  const limit = Math.max(
    now.getTime() - RETENTION_DAYS * DAY_MS,
    romaniaCalendarDaysBefore(now, RETENTION_DAYS).getTime(),
  );
  let start = limit + START_MARGIN_MS;
  if (since && since.getTime() > start) start = since.getTime();
  if (start >= endTime.getTime()) return null;
  return { startTime: new Date(start), endTime };
}

export type PageFetcher = (
  window: ListWindow,
  page: number,
) => Promise<MessagePage>;

export interface WalkOptions {
  /** The clock; injected so tests can fix it. */
  now: () => Date;
  /** Only messages from this instant on (still inside the 60 days). */
  since?: Date;
  /** How long before now the window ends; `END_MARGIN_MS` by default. */
  endMarginMs?: number;
  logger?: Logger;
}

/**
 * Fetches every page of the window, following `numar_total_pagini` of the
 * latest response rather than the length of a page. An end-in-the-future
 * refusal on the first page is retried once with the window rebuilt at the
 * server time ANAF quotes; any other failure propagates. A page past the
 * end (the total shrank while walking) ends the walk.
 */
export async function* walkMessagePages(
  fetchPage: PageFetcher,
  options: WalkOptions,
): AsyncGenerator<MessagePage, void, undefined> {
  let window = listWindow(options.now(), options.since, options.endMarginMs);
  if (!window) return;

  let first: MessagePage;
  try {
    first = await fetchPage(window, 1);
  } catch (error) {
    const serverTime = quotedServerTimeOf(error);
    if (!serverTime) throw error;
    options.logger?.warn(
      'List window end was ahead of ANAF clock; retrying once',
      {
        serverTime: serverTime.toISOString(),
      },
    );
    window = listWindow(serverTime, options.since, options.endMarginMs);
    if (!window) return;
    first = await fetchPage(window, 1);
  }
  yield first;

  let totalPages = first.totalPages;
  for (let page = 2; page <= totalPages; page += 1) {
    let next: MessagePage;
    try {
      next = await fetchPage(window, page);
    } catch (error) {
      if (anafFailureDetails(error)?.kind === 'pageOutOfRange') return;
      throw error;
    }
    totalPages = next.totalPages;
    yield next;
  }
}

function quotedServerTimeOf(error: unknown): Date | null {
  const details = anafFailureDetails(error);
  if (details?.kind !== 'endTimeInFuture') return null;
  const text = details.serverTime;
  return typeof text === 'string' ? new Date(text) : null;
}
