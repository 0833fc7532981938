/**
 * Entry of the browser shell (`npm run start:browser`): the same app core as
 * Electron, served to a browser on 127.0.0.1. Prints the URL to open.
 */
// First, so that its warning filter is in place before node:sqlite loads.
import '../core/app/sqlite-warning.ts';
import open from 'open';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAppCore } from '../core/app/app-core.ts';
import { createConfSettingsStore } from '../core/app/conf-settings-store.ts';
import { openNodeVault } from '../core/vault/index.ts';
import { acquireDataLock } from '../core/data/lock.ts';
import { dataPaths, defaultDataDir } from '../core/data/paths.ts';
import { ensureDir, restrictUmask } from '../core/data/files.ts';
import { createDispatcher } from '../core/ipc/dispatcher.ts';
import { createLogger } from '../core/log/logger.ts';
import { createNodeLogSink } from '../core/log/node-log-sink.ts';
import { startBrowserShell, type BrowserShell } from './server.ts';
import { DownloadOffers } from './downloads.ts';

/** This shell's name in the data-folder lock, which other processes show. */
const LOCK_PROGRAM = 'e-Factura browser shell';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Finds the built renderer, `dist/renderer`, from the compiled or the source tree. */
function findRendererRoot(): string {
  const fromDist = path.resolve(here, '..', '..', 'renderer');
  const fromSource = path.resolve(here, '..', '..', 'dist', 'renderer');
  return here.includes(`${path.sep}dist${path.sep}`) ? fromDist : fromSource;
}

const USAGE = `Usage: npm run start:browser -- [options]

Serves e-Factura Desktop on 127.0.0.1 and prints the address to open.

Options:
  --data-dir DIR        data folder (default: the desktop app's)
  --port N              TCP port (default: a free one)
  --open                open the address in the default browser
  --insecure-storage    keep tokens in a user-only file where no keychain exists
  --help                show this help
`;

function readOptions() {
  try {
    const parsed = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        open: { type: 'boolean', default: false },
        'insecure-storage': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    if (parsed.values.help) {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    return parsed;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const { values } = readOptions();
  restrictUmask();
  const dataDir = path.resolve(values['data-dir'] ?? process.env.EFACTURA_DATA_DIR ?? defaultDataDir());
  const paths = dataPaths(dataDir);
  ensureDir(dataDir);
  const logger = createLogger(createNodeLogSink(paths.logsDir, 'browser-shell.log'), 'browser');
  const lock = acquireDataLock(paths.lockFile, LOCK_PROGRAM, logger);

  // The shell starts after the core, whose events it carries.
  const started: { shell?: BrowserShell } = {};
  const settingsStore = createConfSettingsStore(dataDir);
  const vault = await openNodeVault({
    dataDir,
    insecureStorage: values['insecure-storage'] === true || settingsStore.read().acceptWeakTokenStorage === true,
    logger,
  });
  const downloads = new DownloadOffers(path.join(dataDir, 'downloads'), logger);
  const core = createAppCore({
    shell: 'browser',
    deliver: (file) => downloads.offer(file),
    version: process.env.npm_package_version ?? '0.1.0',
    dataDir,
    logger,
    settingsStore,
    vault,
    login: {
      // The renderer opens the identity provider in a new tab of the same browser.
      openLoginUrl: async (url) => started.shell?.emit('login.openUrl', { url }),
      forceBrowserForSandbox: process.env.EFACTURA_SANDBOX_VIA_BROWSER === '1',
    },
    openExternal: async (url) => {
      await open(url);
    },
    emit: (event, payload) => started.shell?.emit(event, payload),
    ...(lock.acquired ? {} : { readOnlyReason: lock.message }),
    ...(!lock.acquired && lock.owner ? { readOnlyHolder: lock.owner } : {}),
    // Once the other process closes, this one takes the lock and its full mode.
    takeOverLock: { program: LOCK_PROGRAM },
  });
  const shell = await startBrowserShell({
    rendererRoot: findRendererRoot(),
    dispatch: createDispatcher(core.handlers, logger),
    logger,
    downloads,
    ...(values.port ? { port: Number(values.port) } : {}),
  });
  started.shell = shell;

  const stop = async (): Promise<void> => {
    await shell.close();
    await core.close();
    downloads.clear();
    if (lock.acquired) lock.release();
    logger.info('Browser shell stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  logger.info('Browser shell started', { origin: shell.origin, dataDir });
  if (!lock.acquired) process.stderr.write(`${lock.message} Browsing is read-only.\n`);
  // The log file alone is easy to miss, so weak storage is named at each start.
  const vaultStatus = vault.status();
  if (vaultStatus.weak) process.stderr.write(`Warning: ${vaultStatus.message}\n`);
  process.stdout.write(`e-Factura Desktop is running at ${shell.url}\n`);
  if (values.open) await open(shell.url);
}

main().catch((error: unknown) => {
  process.stderr.write(`The browser shell failed to start: ${String(error)}\n`);
  process.exit(1);
});
