/**
 * `upload --wait`: follows uploads until each reaches a final state. The
 * upload service pushes `uploads.changed` as states change; a poll of
 * `uploads.list` every second covers a change made before the listener was
 * attached.
 */
import type { UploadRecord } from '../../../shared/domain.ts';
import type { CliSession } from '../session.ts';
import { startProgress } from '../terminal.ts';
import { isFinal } from './report.ts';

const POLL_INTERVAL_MS = 1000;
/** `uploads.list` returns at most this many uploads per company. */
const LIST_LIMIT = 1000;

export interface WaitOptions {
  /** Stop waiting after this long; null waits until every upload ends. */
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
  const progress = startProgress('Waiting for ANAF', records.length);
  const ended = (): number => [...latest.values()].filter(isFinal).length;

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
