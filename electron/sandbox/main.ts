// Runs the sandbox command directly (`node electron/sandbox/main.ts
// [options]`), for development and for tests that start it as a process.
import { CommanderError } from 'commander';
import { runSandboxCommand } from './cli.ts';

runSandboxCommand(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
    return;
  }
  process.stderr.write(
    `${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
