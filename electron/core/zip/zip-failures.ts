/** Failures of the ZIP readers, each with its `details.reason`. */
import { AppFailure } from '../../../shared/result.ts';

import { quoteEntryName } from './entry-names.ts';
import type { ZipEntryInfo, ZipLimits } from './zip-reader.ts';

/** Reason a ZIP was rejected, in `details.reason` of an `input.invalid` failure. */
export type ZipProblem =
  | 'notZip'
  | 'damaged'
  | 'tooManyEntries'
  | 'entryTooLarge'
  | 'totalTooLarge'
  | 'sizeMismatch'
  | 'unsupportedEntry'
  | 'duplicateEntry'
  | 'unsafeName'
  | 'missingMember'
  | 'mismatchedMembers';

/** Builds the failure thrown inside the reader for a rejected archive. */
export function zipFailure(
  reason: ZipProblem,
  message: string,
  details: Record<string, unknown> = {},
): AppFailure {
  return new AppFailure('input.invalid', message, { reason, ...details });
}

export function damaged(error: Error | null | undefined): AppFailure {
  return zipFailure(
    'damaged',
    `The ZIP archive is damaged or truncated (${error?.message ?? 'unreadable'}). Download it again.`,
  );
}

export function entryTooLarge(
  info: ZipEntryInfo,
  limits: ZipLimits,
): AppFailure {
  return zipFailure(
    'entryTooLarge',
    `The ZIP entry ${quoteEntryName(info.name)} inflates to ${info.declaredSize} bytes, more than the ${limits.maxEntryBytes} accepted for one entry.`,
    { entry: info.name },
  );
}

export function totalTooLarge(limits: ZipLimits): AppFailure {
  return zipFailure(
    'totalTooLarge',
    `The ZIP entries inflate to more than the ${limits.maxTotalBytes} bytes accepted for one archive.`,
  );
}

export function sizeMismatch(info: ZipEntryInfo): AppFailure {
  return zipFailure(
    'sizeMismatch',
    `The ZIP entry ${quoteEntryName(info.name)} does not inflate to the ${info.declaredSize} bytes its header declares, so the archive is damaged or forged. Download it again.`,
    { entry: info.name },
  );
}

export function crcMismatch(info: ZipEntryInfo): AppFailure {
  return zipFailure(
    'damaged',
    `The ZIP entry ${quoteEntryName(info.name)} fails its CRC check, so the archive is damaged. Download it again.`,
    { entry: info.name },
  );
}
