/**
 * Where the app keeps its data. The desktop app, the browser shell and the
 * CLI compute the same default folder with this one function; Electron's
 * `userData` path is set to it at start-up, so all three share one folder.
 */
import os from 'node:os';
import path from 'node:path';

export const DATA_FOLDER_NAME = 'efactura-desktop';

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    const appData = env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, DATA_FOLDER_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', DATA_FOLDER_NAME);
  }
  const configHome = env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
  return path.posix.join(configHome, DATA_FOLDER_NAME);
}

export interface DataPaths {
  root: string;
  settingsFile: string;
  lockFile: string;
  logsDir: string;
  databaseFile: string;
  defaultArchiveDir: string;
}

export function dataPaths(root: string): DataPaths {
  return {
    root,
    settingsFile: path.join(root, 'settings.json'),
    lockFile: path.join(root, 'efactura.lock'),
    logsDir: path.join(root, 'logs'),
    databaseFile: path.join(root, 'index.sqlite'),
    defaultArchiveDir: path.join(root, 'archive'),
  };
}
