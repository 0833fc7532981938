/**
 * Builds the handler table that both shells serve, from the core services
 * and the platform pieces each shell passes in. Shells wire; this module and
 * the handler groups it assembles decide.
 */
import type { AppInfo, EnvironmentInfo, EventName, EventPayloads } from '../../../shared/ipc/contract.ts';
import type { Logger } from '../log/logger.ts';
import { describeError } from '../log/logger.ts';
import type { HandlerTable } from '../ipc/dispatcher.ts';
import type { SecretVault } from '../vault/vault.ts';
import type { SandboxOptions } from '../../sandbox/options.ts';
import { createSettingsService, type SettingsService, type SettingsStore } from './settings-service.ts';
import { createExternalLinkOpener, type ExternalOpener } from './external-links.ts';
import { CoreServices } from './services.ts';
import { createAccountHandlers, type LoginPlatform } from './handlers/accounts.ts';
import { createActivityHandlers } from './handlers/activity.ts';
import { createCompanyHandlers, NO_COUNTS } from './handlers/companies.ts';
import { PENDING_ARCHIVE_HANDLERS } from './handlers/pending.ts';
import { createUploadHandlers } from './handlers/uploads.ts';
import { guardReadOnly } from './read-only.ts';

export type EventEmitterFn = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export interface Platform {
  shell: 'electron' | 'browser' | 'cli';
  version: string;
  dataDir: string;
  logger: Logger;
  settingsStore: SettingsStore;
  vault: SecretVault;
  login: LoginPlatform;
  openExternal: ExternalOpener;
  emit: EventEmitterFn;
  /** Set when another process holds the data folder's lock. */
  readOnlyReason?: string;
  /** Options for the embedded sandbox; tests shorten its delays. */
  sandbox?: Partial<SandboxOptions>;
  /** False keeps the embedded sandbox from starting until it is needed. */
  startSandboxAtLaunch?: boolean;
}

export interface AppCore {
  handlers: HandlerTable;
  settings: SettingsService;
  services: CoreServices;
  close(): Promise<void>;
}

export function createAppCore(platform: Platform): AppCore {
  const { logger } = platform;
  const settings = createSettingsService(platform.settingsStore, logger);
  const services = new CoreServices({ dataDir: platform.dataDir, logger, vault: platform.vault, settings, ...(platform.sandbox ? { sandbox: platform.sandbox } : {}) });
  const openLink = createExternalLinkOpener(platform.openExternal, logger);
  const rendererLog = logger.child('renderer');
  const activity = createActivityHandlers(services.queue, platform.emit);

  const environmentInfo = (): EnvironmentInfo => {
    const info = services.sandbox.info();
    return {
      selected: settings.get().environment,
      sandbox: info ? { running: true, apiUrl: info.apiUrl } : { running: false },
    };
  };

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
    ...createAccountHandlers(services, platform.login, platform.emit),
    ...createCompanyHandlers(services, () => counts, platform.emit),
    ...PENDING_ARCHIVE_HANDLERS,
    ...createUploadHandlers(services.uploads),
    'queue.snapshot': activity['queue.snapshot'],
  };
  const counts = {
    ...NO_COUNTS,
    rejectedUploads: (cif: string) => services.uploads.list({ cif }).filter((upload) => upload.state === 'rejected').length,
  };
  const unsubscribeUploads = services.uploads.onChange((upload) => platform.emit('uploads.changed', upload));

  if (platform.readOnlyReason) {
    guardReadOnly(handlers, platform.readOnlyReason);
  } else {
    services.uploads.resume();
  }

  if (platform.startSandboxAtLaunch !== false) {
    services.startSandbox().then(
      () => platform.emit('environment.changed', environmentInfo()),
      (error: unknown) => logger.error('The embedded sandbox did not start', { error: describeError(error) }),
    );
  }

  return {
    handlers,
    settings,
    services,
    close: async () => {
      activity.stop();
      unsubscribeUploads();
      await services.close();
      logger.info('App core stopped');
    },
  };
}
