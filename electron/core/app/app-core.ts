/**
 * Builds the handler table that both shells serve, from the platform
 * services each shell passes in. Shells wire; this module decides.
 */
import type { AppInfo, EnvironmentInfo, EventName, EventPayloads } from '../../../shared/ipc/contract.ts';
import type { Logger } from '../log/logger.ts';
import type { HandlerTable } from '../ipc/dispatcher.ts';
import { createSettingsService, type SettingsService, type SettingsStore } from './settings-service.ts';
import { createExternalLinkOpener, type ExternalOpener } from './external-links.ts';

export type EventEmitterFn = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export interface Platform {
  shell: 'electron' | 'browser';
  version: string;
  dataDir: string;
  logger: Logger;
  settingsStore: SettingsStore;
  openExternal: ExternalOpener;
  emit: EventEmitterFn;
  /** Set when another process holds the data folder's lock. */
  readOnlyReason?: string;
}

export interface AppCore {
  handlers: HandlerTable;
  settings: SettingsService;
  close(): Promise<void>;
}

export function createAppCore(platform: Platform): AppCore {
  const { logger } = platform;
  const settings = createSettingsService(platform.settingsStore, logger);
  const openLink = createExternalLinkOpener(platform.openExternal, logger);
  const rendererLog = logger.child('renderer');

  const environmentInfo = (): EnvironmentInfo => ({
    selected: settings.get().environment,
    sandbox: { running: false },
  });

  settings.onChange((next) => platform.emit('settings.changed', next));

  const appInfo = (): AppInfo => {
    const info: AppInfo = {
      name: 'e-Factura Desktop',
      version: platform.version,
      shell: platform.shell,
      platform: process.platform,
      dataDir: platform.dataDir,
      readOnly: platform.readOnlyReason !== undefined,
    };
    if (platform.readOnlyReason) info.readOnlyReason = platform.readOnlyReason;
    return info;
  };

  const handlers: HandlerTable = {
    'app.info': () => appInfo(),
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.update(patch),
    'environment.get': () => environmentInfo(),
    'environment.select': ({ environment }) => {
      settings.update({ environment });
      const info = environmentInfo();
      platform.emit('environment.changed', info);
      return info;
    },
    'log.write': ({ level, message }) => {
      rendererLog[level](message);
      return null;
    },
    'shell.openExternal': async ({ url }) => {
      await openLink(url);
      return null;
    },
  };

  return {
    handlers,
    settings,
    close: async () => {
      logger.info('App core stopped');
    },
  };
}
