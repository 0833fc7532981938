/**
 * Follows uploads until each reaches a stage: sent to ANAF (the upload
 * index is known, or the state gives the reason), or, with `upload --wait`,
 * a final state. The upload service pushes `uploads.changed` as states
 * change; a poll of `uploads.list` every second covers a change made
 * before the listener was attached.
 */
import type { UploadRecord } from '../../../shared/domain.ts';
import type { CliSession } from '../session.ts';
import { startProgress } from '../terminal.ts';
import { isFinal, isSent } from './report.ts';

const POLL_INTERVAL_MS = 1000;
/** `uploads.list` returns at most this many uploads per company. */
const LIST_LIMIT = 1000;

export interface WaitOptions {
  /** `sent`: until ANAF has each file. `final`: until ANAF has decided on each. */
  until: 'sent' | 'final';
  /** Stop waiting after this long; null waits until every upload reaches `until`. */
  timeoutMs: number | null;
}

/** Returns the latest record of each upload; some may not be final after a timeout. */
export async function waitForUploads(
  session: CliSession,
  records: readonly UploadRecord[],
  options: WaitOptions,
): Promise<Map<string, UploadRecord>> {
  const latest = new Map(records.map((record) => [record.id, record]));
  const cifs = [...new Set(records.map((record) => record.cif))];
  const reached = options.until === 'final' ? isFinal : isSent;
  const progress = startProgress(
    options.until === 'final' ? 'Waiting for ANAF' : 'Sending to ANAF',
    records.length,
  );
  const ended = (): number => [...latest.values()].filter(reached).length;

  const deadline =
    options.timeoutMs === null ? null : Date.now() + options.timeoutMs;
  const stopListening = session.on('uploads.changed', (record) => {
    if (latest.has(record.id)) latest.set(record.id, record);
  });

  try {
    while (
      ended() < latest.size &&
      (deadline === null || Date.now() < deadline)
    ) {
      progress.update(ended(), latest.size);
      await delay(POLL_INTERVAL_MS);
      for (const cif of cifs) {
        for (const record of await session.call('uploads.list', {
          cif,
          limit: LIST_LIMIT,
        })) {
          if (latest.has(record.id)) latest.set(record.id, record);
        }
      }
    }
  } finally {
    stopListening();
    progress.stop();
  }
  return latest;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
