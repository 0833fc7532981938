// Two browser shells, each a real process, on one data folder. The second
// starts read-only because the first holds the lock; once the first ends
// (closed, or killed so that its lock file stays behind), the second takes
// the lock, switches to full mode and emits `app.changed`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/ipc/contract.ts';
import { cleanUp, tempDir } from '../cli/harness.ts';
import {
  errorCodeOf,
  startShell,
  valueOf,
  type ShellProcess,
} from './browser-shell-process.ts';

/** The shell tries the lock every 2 s; this leaves room for a slow machine. */
const TAKEOVER_TIMEOUT_MS = 20_000;

/** A writing channel whose answer tells the modes apart without changing anything. */
const WRITING_CALL = {
  channel: 'uploads.resolveUnknown',
  input: { uploadId: 'no-such-upload', decision: 'markSent' },
} as const;

interface LockOwner {
  pid: number;
  program: string;
}

const shells: ShellProcess[] = [];

async function shell(dataDir: string): Promise<ShellProcess> {
  const started = await startShell(dataDir);
  shells.push(started);
  return started;
}

function lockOwner(dataDir: string): LockOwner {
  return JSON.parse(
    fs.readFileSync(path.join(dataDir, 'efactura.lock'), 'utf8'),
  ) as LockOwner;
}

afterEach(async () => {
  for (const started of shells.splice(0)) await started.stop('SIGTERM');
});
afterAll(cleanUp);

describe('second browser shell on a locked data folder', () => {
  it('switches to full mode after the first closes', async () => {
    const dataDir = tempDir('takeover');
    const first = await shell(dataDir);
    await first.client.waitForSandbox();
    const second = await shell(dataDir);

    const before = await second.client.call<AppInfo>('app.info');
    expect(valueOf(before).readOnly).toBe(true);
    expect(valueOf(before).readOnlyReason).toContain(
      `e-Factura browser shell (PID ${first.pid}`,
    );
    const refused = await second.client.call(
      WRITING_CALL.channel,
      WRITING_CALL.input,
    );
    expect(errorCodeOf(refused)).toBe('archive.locked');

    const changed = second.client.waitForEvent<AppInfo>(
      'app.changed',
      TAKEOVER_TIMEOUT_MS,
    );
    await first.stop('SIGTERM');
    const info = await changed;
    expect(info.readOnly).toBe(false);
    expect(info.readOnlyReason).toBeUndefined();

    const after = await second.client.call<AppInfo>('app.info');
    expect(valueOf(after).readOnly).toBe(false);
    const allowed = await second.client.call(
      WRITING_CALL.channel,
      WRITING_CALL.input,
    );
    expect(errorCodeOf(allowed)).toBe('input.invalid');
    expect(lockOwner(dataDir).pid).toBe(second.pid);

    await second.stop('SIGTERM');
    expect(fs.existsSync(path.join(dataDir, 'efactura.lock'))).toBe(false);
  }, 60_000);

  it('takes over the lock of a killed first shell', async () => {
    const dataDir = tempDir('takeover-killed');
    const first = await shell(dataDir);
    await first.client.waitForSandbox();
    const second = await shell(dataDir);

    const changed = second.client.waitForEvent<AppInfo>(
      'app.changed',
      TAKEOVER_TIMEOUT_MS,
    );
    await first.stop('SIGKILL');
    expect(lockOwner(dataDir).pid).toBe(first.pid);

    expect((await changed).readOnly).toBe(false);
    expect(lockOwner(dataDir).pid).toBe(second.pid);
  }, 60_000);

  it('stays read-only while the first runs', async () => {
    const dataDir = tempDir('takeover-held');
    const first = await shell(dataDir);
    await first.client.waitForSandbox();
    const second = await shell(dataDir);

    // Two attempts of the second shell, 2 s apart, fall in this wait.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    const info = await second.client.call<AppInfo>('app.info');
    expect(valueOf(info).readOnly).toBe(true);
    expect(lockOwner(dataDir).pid).toBe(first.pid);
    expect(second.client.events('app.changed')).toHaveLength(0);
  }, 60_000);
});
