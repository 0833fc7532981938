/**
 * The archive's ZIP files. Each is written to a temporary file beside its
 * final name, flushed to disk, then renamed into place, and the folder is
 * flushed too. A crash therefore leaves either the complete file or a
 * temporary one, which the next start removes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Result } from '../../../shared/result.ts';
import { writeFileAtomicAsync } from '../data/files.ts';
import { readZip, type ZipContents } from '../zip/index.ts';

/**
 * Suffix of the temporary files of the shared atomic writer:
 * `<name>.<random hex>.tmp`.
 */
export const TEMPORARY_SUFFIX = '.tmp';

/**
 * Writes bytes to `file` atomically with mode 0600 through the app's
 * shared atomic writer, then flushes the folder so that the rename itself
 * survives a power cut.
 */
export async function writeFileDurably(
  file: string,
  bytes: Uint8Array,
): Promise<void> {
  await writeFileAtomicAsync(file, bytes);
  await syncFolder(path.dirname(file));
}

/**
 * Flushes a folder's entries, so that a rename survives a power cut.
 * Windows cannot open a folder for this, and NTFS journals renames anyway.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.promises.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes the temporary files left in a folder; returns how many. */
export async function removeTemporaryFiles(folder: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.promises.readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const temporary = names.filter((name) => name.endsWith(TEMPORARY_SUFFIX));
  for (const name of temporary) {
    await fs.promises.rm(path.join(folder, name), { force: true });
  }
  return temporary.length;
}

/**
 * Checks that bytes are a complete, readable ZIP without inflating any
 * entry. Fails with `input.invalid` (`details.reason` from the ZIP reader).
 */
export function verifyZip(bytes: Uint8Array): Promise<Result<ZipContents>> {
  return readZip(bytes, { select: () => false });
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a file, or returns null when it does not exist. */
export async function readFileIfExists(
  file: string,
): Promise<Uint8Array | null> {
  try {
    return await fs.promises.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
