/**
 * A failed download's reason as a kind and values, kept beside the English
 * `failure_reason` in `archive_messages`, so the renderer can word it in
 * the interface language. Rows written before these columns existed, and
 * rows whose ZIP was archived, have neither.
 */
import type { DatabaseSync } from 'node:sqlite';

import {
  DOWNLOAD_FAILURE_VALUES,
  type DownloadFailureKind,
  type DownloadFailureValues,
} from '../../../shared/domain.ts';

/** A failed download's kind and values, as the sync decides them. */
export interface DownloadFailure {
  kind: DownloadFailureKind;
  values: DownloadFailureValues;
}

/** The row fields that carry a failed download's kind and values. */
export interface DownloadFailureFields {
  failureKind: DownloadFailureKind;
  failureValues: DownloadFailureValues;
}

/** The columns as stored: the kind, and the values as JSON. */
export interface StoredFailureColumns {
  failure_kind: string | null;
  failure_values: string | null;
}

/** Adds the kind and values columns of a failed download's reason. */
export function addFailureKindColumns(db: DatabaseSync): void {
  db.exec('ALTER TABLE archive_messages ADD COLUMN failure_kind TEXT');
  db.exec('ALTER TABLE archive_messages ADD COLUMN failure_values TEXT');
}

function isFailureKind(value: string): value is DownloadFailureKind {
  return Object.hasOwn(DOWNLOAD_FAILURE_VALUES, value);
}

/**
 * Reads the stored kind and values as the row's `failureKind` and
 * `failureValues`. Returns no fields when the kind is missing or unknown or
 * the values are not a JSON object, so that the row reads as before and the
 * renderer shows the English reason.
 */
export function readFailureColumns(
  row: StoredFailureColumns,
): Partial<DownloadFailureFields> {
  if (row.failure_kind === null || !isFailureKind(row.failure_kind)) return {};
  let values: unknown;
  try {
    values = JSON.parse(row.failure_values ?? 'null');
  } catch {
    return {};
  }
  if (typeof values !== 'object' || values === null) return {};
  return {
    failureKind: row.failure_kind,
    failureValues: values as DownloadFailureValues,
  };
}
