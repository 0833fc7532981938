/**
 * Starts the crash suite's child process and kills it with SIGKILL a
 * planned time after it reports that it is ready.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { CrashChildConfig } from './child.ts';

const CHILD = path.join(import.meta.dirname, 'child.ts');

export interface KillPlan {
  /** Time from the child's ready line to the kill, in ms. */
  afterMs: number;
}

export interface ChildRun {
  /** True when the kill landed; false when the child finished first. */
  killed: boolean;
  /** Upload and sync events the child printed before it ended. */
  events: number;
  /** What the child did as the user, as `<kind> <file name>`. */
  actions: string[];
}

interface ChildLine {
  type: string;
  kind?: string;
  fileName?: string;
}

/** Writes the configuration that `runChild` passes to each child. */
export function writeChildConfig(file: string, config: CrashChildConfig): void {
  writeFileSync(file, JSON.stringify(config), { mode: 0o600 });
}

/**
 * Runs the child on the configuration in `configFile` until the plan's
 * kill, or until it finishes when `plan` is null. Rejects when the child
 * exits with an error of its own.
 */
export function runChild(
  configFile: string,
  plan: KillPlan | null,
): Promise<ChildRun> {
  const child = spawn(process.execPath, [CHILD, configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: ChildRun = { killed: false, events: 0, actions: [] };
  let stderr = '';
  let timer: NodeJS.Timeout | undefined;

  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = JSON.parse(text) as ChildLine;
    if (line.type === 'ready' && plan) {
      timer = setTimeout(() => child.kill('SIGKILL'), plan.afterMs);
    }
    if (line.type === 'upload' || line.type === 'sync') run.events += 1;
    if (line.type === 'action') {
      run.actions.push(`${line.kind} ${line.fileName}`);
    }
  });

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      run.killed = signal === 'SIGKILL';
      if (run.killed || code === 0) {
        resolve(run);
        return;
      }
      reject(new Error(`The crash child exited with ${code}: ${stderr}`));
    });
  });
}
