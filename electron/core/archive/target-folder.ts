/**
 * Checks a folder the user chose for the archive before anything is created
 * in it. Creating a folder under /proc with `fs.promises.mkdir(...,
 * {recursive: true})` never returns on Node 22 (a libuv thread spins), so
 * the check looks only at the nearest existing ancestor and rejects kernel
 * file systems before `mkdir` runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

import { AppFailure } from '../../../shared/result.ts';

/**
 * Kernel file systems that never hold user files, by `statfs` type
 * (values from the Linux header `linux/magic.h`).
 */
const SPECIAL_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0xf97cff8c, 'selinuxfs'],
  [0x6165676c, 'pstore'],
  [0xde5e81e4, 'efivarfs'],
  [0x42494e4d, 'binfmt_misc'],
  [0x6e736673, 'nsfs'],
  [0xcafe4a11, 'bpf'],
]);

/** File system errors that name a problem the user can fix, by `code`. */
const FOLDER_ERROR_REASONS: Readonly<Record<string, string>> = {
  EACCES: 'folderNotWritable',
  EPERM: 'folderNotWritable',
  EROFS: 'folderReadOnly',
  ENOSPC: 'diskFull',
  ENOTDIR: 'folderNotDirectory',
  EEXIST: 'folderNotDirectory',
};

const NEXT_STEP = 'Choose a folder in your home folder or on a disk you can write to.';

/**
 * Turns a file system error on `folder` into an `input.invalid` failure
 * with `details.reason` and the folder, or returns null for other errors.
 */
export function folderFailure(error: unknown, folder: string): AppFailure | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !Object.hasOwn(FOLDER_ERROR_REASONS, code)) return null;
  return new AppFailure(
    'input.invalid',
    `The folder '${folder}' cannot be used (${code}). ${NEXT_STEP}`,
    { reason: FOLDER_ERROR_REASONS[code], folder },
  );
}

/**
 * Rejects a folder that lies on a kernel file system, under a file, or where
 * this process cannot create files. Creates nothing except a probe file,
 * which it removes.
 */
export async function checkTargetFolder(folder: string): Promise<void> {
  const existing = await nearestExisting(folder);
  await rejectSpecialFileSystem(existing, folder);
  const stats = await fs.promises.stat(existing);
  if (!stats.isDirectory()) {
    throw new AppFailure(
      'input.invalid',
      `The folder '${folder}' cannot be created because '${existing}' is a file. ${NEXT_STEP}`,
      { reason: 'folderNotDirectory', folder },
    );
  }
  await probeWrite(existing, folder);
}

/** Returns `folder` or its closest ancestor that exists. */
async function nearestExisting(folder: string): Promise<string> {
  let current = path.resolve(folder);
  for (;;) {
    try {
      await fs.promises.stat(current);
      return current;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = path.dirname(current);
      if (code !== 'ENOENT' || parent === current) {
        throw folderFailure(error, folder) ?? error;
      }
      current = parent;
    }
  }
}

async function rejectSpecialFileSystem(existing: string, folder: string): Promise<void> {
  // NOTE: the magic numbers are Linux's; other systems report other types.
  if (process.platform !== 'linux') return;
  const { type } = await fs.promises.statfs(existing);
  const name = SPECIAL_FILE_SYSTEMS.get(type);
  if (name === undefined) return;
  throw new AppFailure(
    'input.invalid',
    `The folder '${folder}' is on the system file system '${name}', which cannot hold files. ${NEXT_STEP}`,
    { reason: 'folderSpecialFileSystem', folder, fileSystem: name },
  );
}

/**
 * Creates and removes a probe file, because `access()` checks permission
 * bits only and can disagree with a real write on network file systems or
 * under security modules.
 */
async function probeWrite(existing: string, folder: string): Promise<void> {
  const probe = path.join(existing, `.efactura-probe-${randomUUID()}`);
  try {
    const handle = await fs.promises.open(probe, 'wx', 0o600);
    await handle.close();
  } catch (error) {
    throw folderFailure(error, folder) ?? error;
  }
  await fs.promises.rm(probe, { force: true });
}
