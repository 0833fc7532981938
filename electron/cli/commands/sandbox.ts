/**
 * `efactura sandbox ...`: the local ANAF sandbox in the foreground, run by
 * the sandbox's own command (`electron/sandbox/cli.ts`), which parses its
 * options itself. It needs no data folder and none of the global options.
 */
import { CommanderError, type Command } from 'commander';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type ExitCode } from '../errors.ts';

const SANDBOX = 'sandbox';
/** Global options that take a value, so their value is not read as a command. */
const OPTIONS_WITH_VALUE = new Set(['--data-dir', '--account', '--rate-limit']);

/**
 * Returns the arguments after `sandbox` when it is the command, else null.
 * The sandbox's options are passed on untouched, `--help` included.
 */
export function sandboxArguments(argv: readonly string[]): string[] | null {
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (OPTIONS_WITH_VALUE.has(argument)) {
      index += 1;
      continue;
    }
    if (argument.startsWith('-')) continue;
    if (argument === SANDBOX) return argv.slice(index + 1);
    if (argument === 'help' && argv[index + 1] === SANDBOX) return ['--help'];
    return null;
  }
  return null;
}

/** Runs the sandbox until SIGINT or SIGTERM; returns the exit code. */
export async function runSandbox(argv: string[]): Promise<ExitCode> {
  try {
    // Loaded here because the sandbox takes about half a second to load.
    const { runSandboxCommand } = await import('../../sandbox/cli.ts');
    await runSandboxCommand(argv);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the help or the problem.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    process.stderr.write(
      `efactura: error: the sandbox stopped: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_FAILURE;
  }
}

/** Lists `sandbox` in the program's help; the command itself runs before parsing. */
export function registerSandboxHelp(program: Command): void {
  program
    .command(SANDBOX)
    .description('run the local ANAF sandbox (see `efactura sandbox --help`)')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments();
}
