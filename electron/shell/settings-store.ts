/** The settings file in Electron, through electron-store, in the data folder. */
import Store from 'electron-store';
import type { Settings } from '../../shared/settings.ts';
import type { SettingsStore } from '../core/app/settings-service.ts';

export function createElectronSettingsStore(dataDir: string): SettingsStore {
  const store = new Store<Record<string, unknown>>({
    cwd: dataDir,
    name: 'settings',
    configFileMode: 0o600,
  });
  return {
    read: () => ({ ...store.store }),
    write: (settings: Settings) => {
      store.store = { ...settings };
    },
  };
}
