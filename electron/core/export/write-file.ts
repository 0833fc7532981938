/**
 * Writes an export into a folder the user chose: a temporary file beside
 * the target, renamed over it at the end, with mode 0600. A missing folder
 * is created 0700, but an existing one keeps its permissions, unlike the
 * data folder's writer, which makes every folder it writes to user-only.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { DIR_MODE, FILE_MODE } from '../data/files.ts';

export async function writeExportFile(
  target: string,
  content: Uint8Array | Readable,
): Promise<void> {
  await fs.promises.mkdir(path.dirname(target), {
    recursive: true,
    mode: DIR_MODE,
  });
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const output = fs.createWriteStream(temporary, {
      mode: FILE_MODE,
      flags: 'wx',
    });
    if (content instanceof Uint8Array) {
      await pipeline([Buffer.from(content)], output);
    } else {
      await pipeline(content, output);
    }
    await fs.promises.rename(temporary, target);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}
