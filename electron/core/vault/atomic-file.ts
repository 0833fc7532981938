import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Permissions for files holding secrets or account data: user read/write. */
export const USER_FILE_MODE = 0o600;
/** Permissions for the folders around them: user only. */
export const USER_DIR_MODE = 0o700;

/** Creates a folder (and its parents) readable only by the user. */
export async function ensureUserDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: USER_DIR_MODE });
  // mkdir applies the umask and leaves an existing folder's mode alone.
  if (process.platform !== 'win32') await chmod(dir, USER_DIR_MODE);
}

/**
 * Writes a file so that a reader sees either the old or the new content:
 * the data goes to a temporary file beside it, is flushed, then renamed over
 * the target. The file is created with mode 0600.
 */
export async function writeFileAtomic(
  filePath: string,
  data: string | Uint8Array,
): Promise<void> {
  await ensureUserDir(path.dirname(filePath));
  const tempPath = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tempPath, 'wx', USER_FILE_MODE);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tempPath, filePath);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}
