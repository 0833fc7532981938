/**
 * Starts the browser shell's server alone in this process, with a
 * dispatcher that returns null for every call, and prints one JSON line
 * with its origin and key. Tests spawn it to see whether a hostile client
 * can stop the process.
 *
 *   node tests/integration/security/shell-child.ts RENDERER_FOLDER
 */
import { startBrowserShell } from '../../../electron/browser/server.ts';
import { createLogger } from '../../../electron/core/log/logger.ts';
import { ok } from '../../../shared/result.ts';

const rendererRoot = process.argv[2];
if (!rendererRoot) throw new Error('Missing the renderer folder argument.');

const logger = createLogger(
  (level, line) => process.stderr.write(`${level} ${line}\n`),
  'shell-child',
);
const shell = await startBrowserShell({
  rendererRoot,
  dispatch: async () => ok(null),
  logger,
});
process.stdout.write(
  `${JSON.stringify({ origin: shell.origin, key: shell.key })}\n`,
);
process.once('SIGTERM', () => {
  void shell.close().then(() => process.exit(0));
});
