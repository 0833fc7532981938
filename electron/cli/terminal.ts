/**
 * Questions and progress bars, the two things the command line shows only
 * to a person at a terminal. Nothing is asked when standard input is not a
 * terminal, so a scheduled run fails with the flag to pass instead of
 * hanging. Progress bars are drawn on standard error only when it is a
 * terminal.
 */
import { SingleBar } from 'cli-progress';
import readline from 'node:readline/promises';

export function canAsk(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

/** Asks a yes/no question on the terminal; anything but "y" or "yes" is no. */
export async function confirm(question: string): Promise<boolean> {
  const answer = await ask(`${question} [y/N] `);
  return /^(y|yes)$/i.test(answer.trim());
}

export async function ask(question: string): Promise<string> {
  const terminal = readline.createInterface({
    input: process.stdin,
    output: process.stderr,
  });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
}

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/** Starts a progress bar on standard error, or one that draws nothing when piped. */
export function startProgress(label: string, total: number): Progress {
  if (process.stderr.isTTY !== true) return SILENT;
  const bar = new SingleBar({
    format: `${label} [{bar}] {value}/{total}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(Math.max(total, 1), 0);
  return {
    update(done, nextTotal) {
      bar.setTotal(Math.max(nextTotal, 1));
      bar.update(Math.min(done, Math.max(nextTotal, 1)));
    },
    stop() {
      bar.stop();
    },
  };
}
