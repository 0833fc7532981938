/**
 * The settings file outside Electron, through `conf` (the library under
 * electron-store), so the browser shell and the CLI read and write the same
 * `settings.json` as the desktop app.
 */
import Conf from 'conf';
import type { Settings } from '../../../shared/settings.ts';
import type { SettingsStore } from './settings-service.ts';

export function createConfSettingsStore(dataDir: string): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'efactura-desktop',
    configFileMode: 0o600,
  });
  return {
    read: () => ({ ...conf.store }),
    write: (settings: Settings) => {
      conf.store = { ...settings };
    },
  };
}
