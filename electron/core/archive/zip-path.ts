/**
 * The path of a message's ZIP inside the archive root:
 * `<CIF>/<year>/<month>/<message id>.zip`. The CIF is the company whose list
 * returned the message (a self-billed invoice is listed for both parties and
 * so stored twice), and year and month are those of ANAF's `data_creare`
 * in Romania's time zone, where ANAF writes it.
 */
import path from 'node:path';

import { toRomaniaLocal } from '../time/romania-time.ts';

const DIGITS = /^\d{1,20}$/;

/**
 * Returns the ZIP's path relative to the archive root, with `/` separators.
 * Throws a TypeError for a CIF or message id that is not digits, because
 * both become path segments.
 */
export function archiveZipPath(
  cif: string,
  messageId: string,
  createdAt: Date,
): string {
  if (!DIGITS.test(cif) || !DIGITS.test(messageId)) {
    throw new TypeError(
      `Invalid archive key: CIF '${cif}' and message id '${messageId}' must be digits.`,
    );
  }
  const local = toRomaniaLocal(createdAt);
  const year = String(local.year);
  const month = String(local.month).padStart(2, '0');
  return `${cif}/${year}/${month}/${messageId}.zip`;
}

/** Returns the Romania calendar date (`YYYY-MM-DD`) of an instant. */
export function romaniaDate(instant: Date): string {
  const local = toRomaniaLocal(instant);
  const month = String(local.month).padStart(2, '0');
  const day = String(local.day).padStart(2, '0');
  return `${local.year}-${month}-${day}`;
}

/** Resolves a stored relative path under an archive root. */
export function absoluteZipPath(root: string, relativePath: string): string {
  return path.join(root, ...relativePath.split('/'));
}
