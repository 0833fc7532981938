/**
 * Sync through the IPC contract and the comparison of the app's archive
 * with the sandbox's own list messages.
 *
 * The app lists the window from 60 days (plus a margin) before its own
 * clock to one minute before it, and ANAF compares both ends with the
 * messages' creation times as plain instants. So a message must be in the
 * archive when it was created before the last sync started, less that
 * minute, and may not be there when it was created after that sync ended,
 * less that minute. Messages in between, or within ten minutes of the
 * 60-day edge, may be either.
 */
import type { InvoiceRow, SyncProgress } from '../../../shared/domain.ts';
import type { CoreHandle } from './core-harness.ts';
import type { StoredMessage } from './sandbox-records.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** The app's window ends this long before its clock. */
const LIST_END_MARGIN_MS = MINUTE_MS;
/** Messages this close to the 60-day edge may fall on either side of it. */
const EDGE_MS = 60 * DAY_MS - 10 * MINUTE_MS;

export interface SyncRound {
  /** The test's clock when `sync.run` was called and when it returned. */
  startedAt: number;
  finishedAt: number;
  progress: SyncProgress[];
}

/** Tells whether a round archived everything it listed. */
export function isCleanRound(round: SyncRound): boolean {
  return round.progress.every(
    (progress) =>
      progress.error === null &&
      progress.remaining === 0 &&
      progress.failed === 0,
  );
}

/**
 * Syncs every followed company until a round ends clean, as the background
 * sync would on its next rounds, at most `maxRounds` times.
 */
export async function syncUntilClean(
  handle: CoreHandle,
  maxRounds: number,
): Promise<SyncRound[]> {
  const rounds: SyncRound[] = [];
  for (let i = 0; i < maxRounds; i += 1) {
    const startedAt = Date.now();
    const progress = await handle.call('sync.run', {});
    const round = { startedAt, finishedAt: Date.now(), progress };
    rounds.push(round);
    if (isCleanRound(round)) break;
  }
  return rounds;
}

/** Reads every archived message of a company through `invoices.query`. */
export async function archivedRows(
  handle: CoreHandle,
  cif: string,
): Promise<InvoiceRow[]> {
  const page = await handle.call('invoices.query', { cif, limit: 5000 });
  if ((page.total ?? 0) > page.rows.length) {
    throw new Error(
      `The archive of ${cif} has ${page.total} rows, more than one page of 5000.`,
    );
  }
  return page.rows;
}

export interface ArchiveComparison {
  /** Sandbox messages the archive must have and lacks. */
  missing: string[];
  /** Message ids archived more than once. */
  doubled: string[];
  /** Archived ids the sandbox never listed for this company in the window. */
  unexpected: string[];
  /** Archived messages whose ZIP is not stored. */
  notDownloaded: string[];
}

export function compareArchive(
  cif: string,
  rows: readonly InvoiceRow[],
  messages: readonly StoredMessage[],
  lastRound: Pick<SyncRound, 'startedAt' | 'finishedAt'>,
): ArchiveComparison {
  const ofCompany = messages.filter((message) => message.cif === cif);
  const requiredEnd = lastRound.startedAt - LIST_END_MARGIN_MS;
  const requiredStart = lastRound.finishedAt - EDGE_MS;
  const allowedEnd = lastRound.finishedAt - LIST_END_MARGIN_MS;

  const archived = rows.map((row) => row.messageId);
  const archivedSet = new Set(archived);
  const allowed = new Set(
    ofCompany
      .filter((message) => message.createdAt <= allowedEnd)
      .map((message) => message.id),
  );
  const required = ofCompany.filter(
    (message) =>
      message.createdAt <= requiredEnd && message.createdAt >= requiredStart,
  );

  return {
    missing: required
      .filter((message) => !archivedSet.has(message.id))
      .map((message) => message.id),
    doubled: archived.filter((id, i) => archived.indexOf(id) !== i),
    unexpected: archived.filter((id) => !allowed.has(id)),
    notDownloaded: rows
      .filter((row) => row.state !== 'downloaded')
      .map((row) => `${row.messageId}:${row.state}:${row.failureReason ?? ''}`),
  };
}

/** Counts the sandbox messages the comparison requires, for a sanity check. */
export function requiredCount(
  cif: string,
  messages: readonly StoredMessage[],
  lastRound: Pick<SyncRound, 'startedAt' | 'finishedAt'>,
): number {
  return compareArchive(cif, [], messages, lastRound).missing.length;
}
