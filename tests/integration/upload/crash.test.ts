// A batch upload killed with SIGKILL partway, then the app started again on
// the same data folder: queued uploads are sent, the one that was being
// sent is reconciled (or left to the user, who checks SPV, here the
// sandbox's records), and in the end the sandbox has each file once.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOADS_DIR } from '../../../electron/core/upload/index.ts';
import { ublInvoice } from '../../unit/upload/invoice-text.ts';
import type { CrashChildConfig } from './crash-child.ts';
import {
  base64File,
  countByHash,
  startUploadEnv,
  waitForStates,
  type UploadEnv,
} from './upload-env.ts';

const CHILD = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'crash-child.ts',
);
const BATCH = 6;
// Each upload takes a moment, so that the kill lands inside the batch.
const LATENCY = 'upload:latency=150';

let env: UploadEnv;

beforeAll(async () => {
  env = await startUploadEnv({ cifCount: 4 });
});

afterAll(async () => {
  await env.close();
});

interface KillPoint {
  /** What the kill waits for, for the test name. */
  name: string;
  /** Kill when this many uploads have printed this state. */
  state?: string;
  count: number;
  /** Kill when the sandbox has recorded this many uploads of the batch. */
  recorded?: boolean;
  /** Sandbox faults for this run, besides the latency of every upload. */
  faults?: string[];
}

/**
 * Runs the child until `killAt`, then sends SIGKILL. Resolves once it has
 * exited, with whether it finished the batch first.
 */
function runChildUntil(
  config: CrashChildConfig,
  killAt: KillPoint,
): Promise<{ finished: boolean }> {
  const child = spawn(process.execPath, [CHILD], {
    env: { ...process.env, UPLOAD_CRASH_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let reached = 0;
  let finished = false;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = JSON.parse(line) as { state?: string; finished?: boolean };
    if (event.finished) finished = true;
    if (killAt.state !== undefined && event.state === killAt.state)
      reached += 1;
    if (reached === killAt.count) child.kill('SIGKILL');
  });
  if (killAt.recorded) void killOnceRecorded(child, config, killAt.count);

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ finished });
      else reject(new Error(`The child exited with ${code}: ${stderr}`));
    });
  });
}

/** Polls the sandbox's records and kills the child once enough are there. */
async function killOnceRecorded(
  child: ChildProcess,
  config: CrashChildConfig,
  count: number,
): Promise<void> {
  while (child.exitCode === null && child.signalCode === null) {
    const uploads = await env.sandboxUploads();
    const ofBatch = uploads.filter((upload) => upload.cif === config.cif);
    if (ofBatch.length >= count) {
      child.kill('SIGKILL');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const KILL_POINTS: KillPoint[] = [
  { name: 'first sending', state: 'sending', count: 1 },
  { name: 'third sending', state: 'sending', count: 3 },
  { name: 'fourth processing', state: 'processing', count: 4 },
  // The sandbox records the first upload and delays its response, so
  // the kill lands after ANAF has the file but before the app knows.
  {
    name: 'a recorded upload',
    recorded: true,
    count: 1,
    faults: ['upload:slow-answer=4000@1'],
  },
];

describe('upload crash and restart', () => {
  for (const [i, killAt] of KILL_POINTS.entries()) {
    it(`resumes after a kill at ${killAt.name}`, async () => {
      await env.setFaults([LATENCY, ...(killAt.faults ?? [])]);
      const cif = env.cifs[i] ?? '';
      const dataDir = await env.newDataDir();
      const files = Array.from({ length: BATCH }, (_, n) =>
        base64File(
          `crash-${i}-${n}.xml`,
          ublInvoice({ sellerVat: `RO${cif}`, number: `CR-${i}-${n}` }),
        ),
      );
      const child = await runChildUntil(
        { stack: env.config(dataDir), cif, files },
        killAt,
      );
      expect(child.finished).toBe(false);

      // The restart: same data folder, a new process's stack.
      const stack = await env.open(dataDir, {
        settings: { reconcileDeadlineMs: 1_200 },
      });
      try {
        const left = stack.service.list({ cif });
        expect(left).toHaveLength(BATCH);
        expect(left.some((record) => record.state === 'queued')).toBe(true);
        const ids = left.map((record) => record.id);
        stack.service.resume();

        // The user checks SPV (the sandbox's records) for each undecided one.
        const settled = await waitForStates(stack.service, ids);
        if (killAt.recorded) {
          // ANAF had the file, so the list shows it: no question for the user.
          const undecided = settled.filter((r) => r.state === 'needsDecision');
          expect(undecided).toEqual([]);
        }
        const recorded = countByHash(await env.sandboxUploads());
        for (const record of settled) {
          if (record.state !== 'needsDecision') continue;
          const filed = (recorded.get(record.sha256) ?? 0) > 0;
          stack.service.resolveUnknown(
            record.id,
            filed ? 'markSent' : 'markNotSent',
          );
        }

        const done = await waitForStates(stack.service, ids, ['accepted']);
        const uploads = await env.sandboxUploads();
        const counts = countByHash(uploads);
        for (const record of done) {
          expect(counts.get(record.sha256), record.fileName).toBe(1);
        }
        // Every index the app linked is the one the sandbox gave that file.
        const indexes = new Map(uploads.map((u) => [u.sha256, u.index]));
        for (const record of done.filter((r) => r.uploadIndex !== null)) {
          expect(record.uploadIndex, record.fileName).toBe(
            indexes.get(record.sha256),
          );
        }
        const stored = await readdir(path.join(dataDir, UPLOADS_DIR));
        expect(stored.sort()).toEqual(ids.map((id) => `${id}.xml`).sort());
      } finally {
        await stack.close();
      }
    });
  }
});
