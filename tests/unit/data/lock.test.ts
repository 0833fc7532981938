import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataLock } from '../../../electron/core/data/lock.ts';
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
