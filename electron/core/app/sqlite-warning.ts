/**
 * Drops the "ExperimentalWarning: SQLite is an experimental feature" that
 * Node 22 prints whenever node:sqlite loads, so a shell starts without it.
 * Import it before anything that loads node:sqlite. Every other warning
 * still reaches Node's own printer.
 */

/** True for the one warning Node emits when node:sqlite loads. */
export function isSqliteExperimentalWarning(warning: Error): boolean {
  return warning.name === 'ExperimentalWarning' && /SQLite/i.test(warning.message);
}

const printers = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (isSqliteExperimentalWarning(warning)) return;
  for (const print of printers) print(warning);
});
