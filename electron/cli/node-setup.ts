/**
 * Process settings the command line applies before it loads anything else.
 * Imported first by `main.ts`, so they hold for every module after it.
 */
import module from 'node:module';

// Scripts and scheduled runs read standard error, so the CLI drops Node 22's
// SQLite ExperimentalWarning with the same filter as the browser shell.
import '../core/app/sqlite-warning.ts';

// Keeps compiled code (and, on newer Node, stripped TypeScript) between
// runs, which shortens the start of each command.
module.enableCompileCache?.();
