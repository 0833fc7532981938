/**
 * Moving the archive's ZIPs to another folder: copy every file, then switch
 * the recorded root, then remove the old copies. The database records each
 * step (`move_to` while copying, `move_cleanup` while removing), so a move
 * interrupted by a crash is finished at the next start: copying again skips
 * files already copied, and removal only deletes files present at the new
 * root.
 */
import fs from 'node:fs';
import path from 'node:path';

import { AppFailure } from '../../../shared/result.ts';
import { DIR_MODE } from '../data/files.ts';
import type { Logger } from '../log/logger.ts';

import type { MessageStore, StoredFile } from './message-store.ts';
import { checkTargetFolder, folderFailure } from './target-folder.ts';
import { absoluteZipPath } from './zip-path.ts';
import { readFileIfExists, sha256Hex, writeFileDurably } from './zip-files.ts';

export const META_ROOT = 'root';
export const META_MOVE_TO = 'move_to';
export const META_MOVE_CLEANUP = 'move_cleanup';

/**
 * Checks a new root: absolute, different from the current one, and neither
 * inside the other (a copy into itself would never end), and a folder this
 * process can create files in (see `checkTargetFolder`). Creates it.
 */
export async function prepareNewRoot(
  current: string,
  requested: string,
): Promise<string> {
  if (!path.isAbsolute(requested)) {
    throw new AppFailure(
      'input.invalid',
      `The archive folder '${requested}' is not an absolute path. Choose a folder with its full path.`,
    );
  }
  const target = path.resolve(requested);
  const from = path.resolve(current);
  if (isInside(target, from) || isInside(from, target)) {
    throw new AppFailure(
      'input.invalid',
      `The archive folder '${target}' is the current archive folder '${from}', or one contains the other. Choose a separate folder.`,
    );
  }
  await checkTargetFolder(target);
  try {
    await fs.promises.mkdir(target, { recursive: true, mode: DIR_MODE });
  } catch (error) {
    throw folderFailure(error, target) ?? error;
  }
  return target;
}

/** True when `child` is `parent` or lies below it. */
function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return (
    relative === '' ||
    (!relative.startsWith('..') && !path.isAbsolute(relative))
  );
}

/** Runs a whole move from `from` to `to`, or finishes an interrupted one. */
export async function moveFiles(
  store: MessageStore,
  from: string,
  to: string,
  logger: Logger,
): Promise<void> {
  store.setMeta({ [META_MOVE_TO]: to });
  const files = store.downloadedFiles();
  logger.info('Archive move started', { from, to, files: files.length });

  let copied = 0;
  for (const file of files) {
    if (await copyFile(file, from, to, logger)) copied += 1;
  }
  store.setMeta({
    [META_ROOT]: to,
    [META_MOVE_TO]: null,
    [META_MOVE_CLEANUP]: from,
  });
  logger.info('Archive root switched', { from, to, copied });

  await removeOldCopies(store, from, to, logger);
}

/**
 * Copies one ZIP unless the target already contains the same bytes.
 * Returns whether it copied. Throws when the target contains different
 * bytes, because either file may be the legal record.
 */
async function copyFile(
  file: StoredFile,
  from: string,
  to: string,
  logger: Logger,
): Promise<boolean> {
  const source = absoluteZipPath(from, file.zipPath);
  const target = absoluteZipPath(to, file.zipPath);
  const bytes = await readFileIfExists(source);
  const existing = await readFileIfExists(target);
  if (bytes === null) {
    if (existing === null) {
      logger.error('Archived ZIP missing from the archive folder', {
        cif: file.cif,
        messageId: file.messageId,
        path: source,
      });
    }
    return false;
  }

  if (existing !== null) {
    if (sha256Hex(existing) === sha256Hex(bytes)) return false;
    throw new AppFailure(
      'input.invalid',
      `The folder '${to}' already contains a different file at '${file.zipPath}'. Choose an empty folder for the archive.`,
      { path: target },
    );
  }
  await writeFileDurably(target, bytes);
  return true;
}

/** Removes the old copies that exist at the new root, then empty folders. */
export async function removeOldCopies(
  store: MessageStore,
  from: string,
  to: string,
  logger: Logger,
): Promise<void> {
  const folders = new Set<string>();
  let removed = 0;
  for (const file of store.downloadedFiles()) {
    const source = absoluteZipPath(from, file.zipPath);
    if (!fs.existsSync(absoluteZipPath(to, file.zipPath))) continue;
    if (!fs.existsSync(source)) continue;
    await fs.promises.rm(source, { force: true });
    removed += 1;
    folders.add(path.dirname(source));
  }
  for (const folder of folders) await removeEmptyFolders(folder, from);
  await removeEmptyFolders(from, from);

  store.setMeta({ [META_MOVE_CLEANUP]: null });
  logger.info('Archive move finished', { from, to, removed });
}

/** Removes `folder` and its parents up to `root` while they are empty. */
async function removeEmptyFolders(folder: string, root: string): Promise<void> {
  let current = folder;
  for (;;) {
    try {
      await fs.promises.rmdir(current);
    } catch {
      // Not empty, already gone or not allowed: the folder stays.
      return;
    }
    if (current === root) return;
    const parent = path.dirname(current);
    if (!isInside(parent, root)) return;
    current = parent;
  }
}
