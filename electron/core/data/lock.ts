/**
 * One process at a time runs the request queue and sync on a data folder.
 * The lock is a file created exclusively that holds the owner's PID, host and
 * start time. A lock whose process no longer runs on this host is stale: it
 * is taken over and logged. A lock held elsewhere is reported with its owner.
 */
import fs from 'node:fs';
import os from 'node:os';
import { describeError, type Logger } from '../log/logger.ts';
import { ensureDir, FILE_MODE } from './files.ts';
import path from 'node:path';

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  /** What holds it, for the message another process shows. */
  program: string;
}

export type LockAttempt =
  | { acquired: true; release: () => void }
  | { acquired: false; owner: LockOwner | null; message: string };

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      startedAt: String(parsed.startedAt ?? ''),
      program: String(parsed.program ?? 'unknown'),
    };
  } catch {
    return null;
  }
}

export function describeOwner(owner: LockOwner | null): string {
  if (!owner) return 'another process (its lock file could not be read)';
  return `${owner.program} (PID ${owner.pid} on ${owner.host}, started ${owner.startedAt})`;
}

export function acquireDataLock(file: string, program: string, logger: Logger): LockAttempt {
  ensureDir(path.dirname(file));
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    program,
  };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: FILE_MODE });
      return { acquired: true, release: () => releaseIfMine(file, me) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    const stale = owner !== null && owner.host === me.host && !isRunning(owner.pid);
    if (!stale) {
      return {
        acquired: false,
        owner,
        message: `The data folder is in use by ${describeOwner(owner)}. Close it, or use another data folder.`,
      };
    }
    logger.warn('Taking over a stale data-folder lock', { pid: owner.pid, startedAt: owner.startedAt });
    fs.rmSync(file, { force: true });
  }
  return { acquired: false, owner: readOwner(file), message: 'The data folder lock could not be taken; try again.' };
}

function releaseIfMine(file: string, me: LockOwner): void {
  const owner = readOwner(file);
  if (owner && owner.pid === me.pid && owner.startedAt === me.startedAt) fs.rmSync(file, { force: true });
}

export interface LockWatchOptions {
  /** Time between two attempts, in ms. */
  intervalMs: number;
  /** Called once, with the function that releases the lock this process took. */
  onAcquired: (release: () => void) => void;
}

/**
 * Tries to take the lock every `intervalMs` until it succeeds, for a process
 * that started while another one held it. A lock left by a process that has
 * died is taken over like at start. Returns the function that stops trying.
 * The timer is unref'd, so it never keeps a process alive on its own.
 */
export function watchDataLock(
  file: string,
  program: string,
  logger: Logger,
  options: LockWatchOptions,
): () => void {
  let failures = 0;
  const timer = setInterval(() => {
    let attempt: LockAttempt;
    try {
      attempt = acquireDataLock(file, program, logger);
    } catch (error) {
      // Log the first failure and then every 100th, so a folder that stays
      // unreadable does not fill the log.
      if (failures % 100 === 0) {
        logger.warn('Trying the data-folder lock failed', {
          file,
          failures: failures + 1,
          error: describeError(error),
        });
      }
      failures += 1;
      return;
    }
    if (!attempt.acquired) return;
    clearInterval(timer);
    logger.info(
      'Took the data-folder lock that another process held at start',
      { file },
    );
    try {
      options.onAcquired(attempt.release);
    } catch (error) {
      // Nothing uses the lock after a failed hand-over, so it goes back.
      logger.error('Taking the data-folder lock failed after it was free', {
        file,
        error: describeError(error),
      });
      attempt.release();
    }
  }, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
