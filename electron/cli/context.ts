/**
 * The context every command receives: the global options, the output, and
 * a way to open the data folder, which the runner closes after the command.
 */
import type { Command } from 'commander';
import { defaultDataDir } from '../core/data/paths.ts';
import { EXIT_OK, type ExitCode } from './errors.ts';
import { Output } from './output.ts';
import type { CliSession, LockNeed } from './session.ts';

export interface GlobalOptions {
  dataDir?: string;
  account?: string;
  json?: boolean;
  rateLimit?: number;
  insecureStorage?: boolean;
}

export interface CommandContext {
  globals: GlobalOptions;
  output: Output;
  dataDir: string;
  /** Opens the data folder once; the runner closes it after the command. */
  session(lock: LockNeed): Promise<CliSession>;
}

/** A command's work: returns its exit code, or throws a CliError. */
export type CommandWork = (context: CommandContext) => Promise<ExitCode | void>;

export type RunCommand = (command: Command, work: CommandWork) => Promise<void>;

/** Returns the data folder: --data-dir, else EFACTURA_DATA_DIR, else the desktop app's. */
export function resolveDataDir(globals: GlobalOptions): string {
  return globals.dataDir ?? process.env.EFACTURA_DATA_DIR ?? defaultDataDir();
}

/**
 * Builds the function each command's action calls. It records the exit code
 * in `setExitCode`; errors propagate to the program, which prints them.
 */
export function createRunner(
  setExitCode: (code: ExitCode) => void,
): RunCommand {
  return async (command, work) => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    const output = new Output(globals.json === true);
    const dataDir = resolveDataDir(globals);
    const opened: { session: CliSession | null } = { session: null };

    const context: CommandContext = {
      globals,
      output,
      dataDir,
      session: async (lock) => {
        if (opened.session) return opened.session;
        // Loaded on first use, so `--help` and local files skip the core.
        const { openSession } = await import('./session.ts');
        opened.session = await openSession({
          dataDir,
          insecureStorage: globals.insecureStorage === true,
          rateLimit: globals.rateLimit,
          lock,
          output,
        });
        return opened.session;
      },
    };

    const stopOnSignal = closeOnSignal(() => opened.session, output);
    try {
      setExitCode((await work(context)) ?? EXIT_OK);
    } finally {
      stopOnSignal();
      await opened.session?.close();
    }
  };
}

/** Exit codes of a process ended by SIGINT or SIGTERM, as shells report them. */
const SIGNAL_EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = {
  SIGINT: 130,
  SIGTERM: 143,
};

/**
 * Closes the open session (which releases the data-folder lock and stops
 * the request queue) when the command is interrupted, then exits. Returns
 * the function that removes the handlers.
 */
function closeOnSignal(
  current: () => CliSession | null,
  output: Output,
): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    output.warning(`Stopped by ${signal} before the command finished.`);
    const exit = (): never => process.exit(SIGNAL_EXIT_CODES[signal] ?? 1);
    const session = current();
    if (!session) exit();
    else void session.close().finally(exit);
  };
  // `on`, not `once`: when-exit (used by conf through atomically) raises
  // the signal again after its own cleanup. This listener stays, so that
  // second signal reaches it instead of killing the process mid-close.
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
