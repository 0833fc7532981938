/**
 * When to call stareMesaj again about an upload still being processed. Most
 * uploads end within seconds to minutes, so the first checks come quickly.
 * The gaps then widen, because ANAF allows 100 status checks per upload a
 * day. With the default schedule, a whole day of checks on one upload stays
 * near 56 calls.
 */

export const DEFAULT_STATUS_SCHEDULE_MS: readonly number[] = [
  2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
  1_800_000,
];

/**
 * Returns the wait in ms before status check number `checksDone + 1`, where
 * `checksDone` counts the checks already made since the upload. After the
 * schedule's end, its last (largest) gap repeats.
 */
export function nextStatusCheckDelay(
  checksDone: number,
  schedule: readonly number[] = DEFAULT_STATUS_SCHEDULE_MS,
): number {
  if (schedule.length === 0) {
    throw new RangeError('The status check schedule is empty.');
  }
  const index = Math.min(
    Math.max(0, Math.floor(checksDone)),
    schedule.length - 1,
  );
  return schedule[index] ?? 0;
}
