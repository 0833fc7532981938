/**
 * Process settings the command line applies before it loads anything else.
 * Imported first by `main.ts`, so they hold for every module after it.
 */
import module from 'node:module';

// Node 22 prints an ExperimentalWarning when node:sqlite loads. Scripts and
// scheduled runs read standard error, so that one warning is dropped and
// every other warning still reaches Node's own printer.
const printers = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && /SQLite/i.test(warning.message))
    return;
  for (const print of printers) print(warning);
});

// Keeps compiled code (and, on newer Node, stripped TypeScript) between
// runs, which shortens the start of each command.
module.enableCompileCache?.();
