import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataLock, watchDataLock } from '../../../electron/core/data/lock.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';

const dirs: string[] = [];
function lockFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-'));
  dirs.push(dir);
  return path.join(dir, 'efactura.lock');
}
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('data folder lock', () => {
  it('is taken by the first process', () => {
    const file = lockFile();
    const attempt = acquireDataLock(file, 'test', createMemoryLogger().logger);
    expect(attempt.acquired).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('names its holder to a second attempt', () => {
    const file = lockFile();
    acquireDataLock(file, 'e-Factura Desktop', createMemoryLogger().logger);
    const second = acquireDataLock(file, 'efactura CLI', createMemoryLogger().logger);
    expect(second.acquired).toBe(false);
    expect(!second.acquired && second.message).toContain(`e-Factura Desktop (PID ${process.pid}`);
  });

  it('takes over a lock whose process is gone', () => {
    const file = lockFile();
    const dead = { pid: 2 ** 22 + 12345, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z', program: 'old' };
    fs.writeFileSync(file, JSON.stringify(dead));
    const memory = createMemoryLogger();
    const attempt = acquireDataLock(file, 'test', memory.logger);
    expect(attempt.acquired).toBe(true);
    expect(memory.lines.some((line) => line.includes('stale'))).toBe(true);
  });

  it('keeps a lock held on another host', () => {
    const file = lockFile();
    const remote = { pid: 2 ** 22 + 12345, host: 'other-host', startedAt: '2026-01-01T00:00:00Z', program: 'remote' };
    fs.writeFileSync(file, JSON.stringify(remote));
    expect(acquireDataLock(file, 'test', createMemoryLogger().logger).acquired).toBe(false);
  });

  it('is removed on release', () => {
    const file = lockFile();
    const attempt = acquireDataLock(file, 'test', createMemoryLogger().logger);
    if (attempt.acquired) attempt.release();
    expect(fs.existsSync(file)).toBe(false);
  });
});

/** Polls `condition` every 10 ms for up to five seconds. */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 10) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('The condition did not come true within five seconds');
}

describe('data folder lock watch', () => {
  it('takes the lock once it is released', async () => {
    const file = lockFile();
    const first = acquireDataLock(
      file,
      'e-Factura Desktop',
      createMemoryLogger().logger,
    );
    const releases: Array<() => void> = [];
    const stop = watchDataLock(
      file,
      'second window',
      createMemoryLogger().logger,
      {
        intervalMs: 10,
        onAcquired: (release) => releases.push(release),
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(releases).toHaveLength(0);

    if (first.acquired) first.release();
    await waitFor(() => releases.length > 0);
    stop();
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      program: string;
    };
    expect(owner.program).toBe('second window');
  });

  it('calls back once', async () => {
    const file = lockFile();
    let calls = 0;
    const stop = watchDataLock(file, 'test', createMemoryLogger().logger, {
      intervalMs: 10,
      onAcquired: () => (calls += 1),
    });
    await waitFor(() => calls > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    expect(calls).toBe(1);
  });

  it('takes over a lock whose process died', async () => {
    const file = lockFile();
    const dead = {
      pid: 2 ** 22 + 12345,
      host: os.hostname(),
      startedAt: '2026-01-01T00:00:00Z',
      program: 'crashed',
    };
    fs.writeFileSync(file, JSON.stringify(dead));
    let acquired = false;
    const stop = watchDataLock(file, 'test', createMemoryLogger().logger, {
      intervalMs: 10,
      onAcquired: () => (acquired = true),
    });
    await waitFor(() => acquired);
    stop();
    expect(acquired).toBe(true);
  });

  it('stops trying when stopped', async () => {
    const file = lockFile();
    const first = acquireDataLock(file, 'holder', createMemoryLogger().logger);
    let acquired = false;
    const stop = watchDataLock(file, 'test', createMemoryLogger().logger, {
      intervalMs: 10,
      onAcquired: () => (acquired = true),
    });
    stop();
    if (first.acquired) first.release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(acquired).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('releases the lock it took', async () => {
    const file = lockFile();
    const taken: { release?: () => void } = {};
    const stop = watchDataLock(file, 'test', createMemoryLogger().logger, {
      intervalMs: 10,
      onAcquired: (release) => (taken.release = release),
    });
    await waitFor(() => taken.release !== undefined);
    stop();
    taken.release?.();
    expect(fs.existsSync(file)).toBe(false);
  });
});
