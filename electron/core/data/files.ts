/**
 * File helpers that keep what the app writes readable by the user only
 * (0600 files, 0700 folders on Linux and macOS; on Windows the data folder
 * lives in the user's profile, whose default permissions are user-only) and
 * that replace files atomically, so a crash never leaves half a file.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** Makes every file and folder this process creates user-only by default. */
export function restrictUmask(): void {
  if (process.platform !== 'win32') process.umask(0o077);
}

export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
}

/** Writes to a temporary file beside the target, then renames it into place. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  ensureDir(path.dirname(file));
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temporary, data, { mode: FILE_MODE });
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
