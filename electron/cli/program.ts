/**
 * The `efactura` program: global options, every command, and the mapping
 * of outcomes to exit codes (0 success, 1 failure, 2 usage error).
 */
import { Command, CommanderError } from 'commander';
import { createRunner } from './context.ts';
import {
  CliError,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  type ExitCode,
} from './errors.ts';
import { Output } from './output.ts';
import { registerCompanyCommands } from './commands/companies.ts';
import { registerExportCommand } from './commands/export.ts';
import { registerListCommand } from './commands/list.ts';
import { registerLoginCommands } from './commands/login.ts';
import { rateLimit } from './commands/parsers.ts';
import {
  registerSandboxHelp,
  runSandbox,
  sandboxArguments,
} from './commands/sandbox.ts';
import { registerShowCommand } from './commands/show.ts';
import { registerStatusCommand } from './commands/status.ts';
import { registerSyncCommand } from './commands/sync.ts';
import { registerUploadCommand } from './commands/upload.ts';
import { appVersion } from './version.ts';

/** Commander's codes for --help and --version, which end with exit code 0. */
const HELP_CODES = new Set([
  'commander.helpDisplayed',
  'commander.help',
  'commander.version',
]);

function buildProgram(setExitCode: (code: ExitCode) => void): Command {
  const program = new Command('efactura')
    .description(
      "e-Factura Desktop on the command line: log in, upload, sync and export with the app's data folder",
    )
    .version(appVersion())
    .option(
      '--data-dir <dir>',
      "data folder (default: $EFACTURA_DATA_DIR, else the desktop app's folder)",
    )
    .option(
      '--account <id>',
      'account to use (default: the only account logged in from the command line)',
    )
    .option(
      '--json',
      'print one JSON document on standard output instead of text',
    )
    .option(
      '--rate-limit <n>',
      "ANAF calls per minute for this run (default: the app's setting)",
      rateLimit,
    )
    .option(
      '--insecure-storage',
      'without a keychain, keep tokens in a file readable only by your user account',
    )
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(run the command with --help for its usage)')
    .exitOverride();

  const run = createRunner(setExitCode);
  registerLoginCommands(program, run);
  registerCompanyCommands(program, run);
  registerUploadCommand(program, run);
  registerStatusCommand(program, run);
  registerSyncCommand(program, run);
  registerListCommand(program, run);
  registerShowCommand(program, run);
  registerExportCommand(program, run);
  registerSandboxHelp(program);
  return program;
}

function exitCodeOf(error: unknown, output: Output): ExitCode {
  if (error instanceof CommanderError) {
    // Commander has printed the message or the help already.
    return HELP_CODES.has(error.code) ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof CliError) {
    output.error(error.code, error.message);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.error(
    'internal',
    `Unexpected error: ${message}. The log in the data folder's logs/cli.log has the details.`,
  );
  return EXIT_FAILURE;
}

/** Runs one command line; returns the process exit code. */
export async function runCli(argv: string[]): Promise<ExitCode> {
  const sandbox = sandboxArguments(argv);
  if (sandbox) return runSandbox(sandbox);

  let exitCode: ExitCode = EXIT_OK;
  const program = buildProgram((code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return exitCodeOf(error, new Output(argv.includes('--json')));
  }
}
