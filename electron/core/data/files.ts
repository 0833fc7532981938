/**
 * File helpers that keep what the app writes readable by the user only
 * (0600 files, 0700 folders on Linux and macOS; on Windows the data folder
 * lives in the user's profile, whose default permissions are user-only) and
 * that replace files atomically, so a crash never leaves half a file.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { chmod, mkdir, open, rename, rm } from 'node:fs/promises';
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

function temporaryBeside(file: string): string {
  return `${file}.${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Writes a file so that a reader sees either the old or the new content:
 * the data goes to a temporary file beside it, is flushed to disk, then
 * renamed over the target. The file is created with mode 0600.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  ensureDir(path.dirname(file));
  const temporary = temporaryBeside(file);
  try {
    const descriptor = fs.openSync(temporary, 'wx', FILE_MODE);
    try {
      fs.writeFileSync(descriptor, data);
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Creates a folder (and its parents) readable only by the user. */
export async function ensureUserDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  // mkdir applies the umask and leaves an existing folder's mode alone.
  if (process.platform !== 'win32') await chmod(dir, DIR_MODE);
}

/** The asynchronous `writeFileAtomic`, for code that must not block. */
export async function writeFileAtomicAsync(file: string, data: string | Uint8Array): Promise<void> {
  await ensureUserDir(path.dirname(file));
  const temporary = temporaryBeside(file);
  const handle = await open(temporary, 'wx', FILE_MODE);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
